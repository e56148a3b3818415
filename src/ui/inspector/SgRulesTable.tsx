import type { Draft } from 'immer';
import { resourcesOfKind, type Design, type SecurityGroup, type SgRule } from '../../domain';
import { updateResource, useViewStore } from '../../store';
import { cellControl, smallButton } from './fields';
import { cidrError, highlightRow, PortsCell, PresetCell, td, th, RemoveRowButton } from './ruleCells';

/** Inbound or outbound security-group rules; allow rules only, sources as a CIDR or another group. */
export function SgRulesTable({
  group,
  direction,
  design,
}: {
  group: SecurityGroup;
  direction: 'inbound' | 'outbound';
  design: Design;
}) {
  const mark = useViewStore((s) => s.highlightedRule);
  const marked = (index: number) =>
    mark?.resourceId === group.id &&
    mark.ref.kind === 'sg' &&
    mark.ref.direction === direction &&
    mark.ref.index === index;
  const groups = resourcesOfKind(design, 'securityGroup').filter((g) => g.vpcId === group.vpcId);
  const edit = (index: number, recipe: (rule: Draft<SgRule>) => void, field: string) =>
    updateResource<SecurityGroup>(group.id, (d) => recipe(d[direction][index]!), `${direction}:${index}:${field}`);
  const peerLabel = direction === 'inbound' ? 'Source' : 'Destination';
  return (
    <div className="flex flex-col gap-2">
      {group[direction].length === 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {direction === 'inbound'
            ? 'No inbound rules: nothing can start a connection to members of this group.'
            : 'No outbound rules: members can start no connection.'}
        </p>
      )}
      {group[direction].length > 0 && (
        <table aria-label={`${direction === 'inbound' ? 'Inbound' : 'Outbound'} rules`} className="w-full text-xs">
          <thead>
            <tr>
              <th className={th}>Type</th>
              <th className={th}>Ports</th>
              <th className={th}>{peerLabel}</th>
              <th className={th} />
            </tr>
          </thead>
          <tbody>
            {group[direction].map((rule, index) => (
              <tr key={index} {...highlightRow(marked(index))}>
                <td className={td}>
                  <PresetCell
                    label="Rule type"
                    protocol={rule.protocol}
                    ports={rule.ports}
                    onChange={(p) => edit(index, (r) => Object.assign(r, p), 'type')}
                  />
                </td>
                <td className={td}>
                  <PortsCell
                    label="Port range"
                    ports={rule.ports}
                    disabled={rule.protocol === 'all' || rule.protocol === 'icmp'}
                    onChange={(ports) => edit(index, (r) => void (r.ports = ports), 'ports')}
                  />
                </td>
                <td className={td}>
                  <div className="flex gap-1">
                    <select
                      aria-label={`${peerLabel} kind`}
                      value={rule.peer.type === 'cidr' ? 'cidr' : rule.peer.groupId}
                      onChange={(e) =>
                        edit(
                          index,
                          (r) =>
                            void (r.peer =
                              e.target.value === 'cidr'
                                ? { type: 'cidr', cidr: '0.0.0.0/0' }
                                : { type: 'securityGroup', groupId: e.target.value as SecurityGroup['id'] }),
                          'peer',
                        )
                      }
                      className={`${cellControl} w-24`}
                    >
                      <option value="cidr">CIDR</option>
                      {groups.map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.id === group.id ? `${g.name} (this group)` : g.name}
                        </option>
                      ))}
                    </select>
                    {rule.peer.type === 'cidr' && (
                      <input
                        aria-label={`${peerLabel} CIDR`}
                        value={rule.peer.cidr}
                        aria-invalid={!!cidrError(rule.peer.cidr)}
                        title={cidrError(rule.peer.cidr) ?? undefined}
                        onChange={(e) =>
                          edit(index, (r) => void (r.peer = { type: 'cidr', cidr: e.target.value }), 'cidr')
                        }
                        className={`${cellControl} w-28 font-mono`}
                      />
                    )}
                  </div>
                </td>
                <td className={td}>
                  <RemoveRowButton
                    label={`Remove ${direction} rule ${index + 1}`}
                    onRemove={() => updateResource<SecurityGroup>(group.id, (d) => void d[direction].splice(index, 1))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className={`${smallButton} self-start`}
        onClick={() =>
          updateResource<SecurityGroup>(
            group.id,
            (d) =>
              void d[direction].push({
                protocol: 'tcp',
                ports: { from: 443, to: 443 },
                peer: { type: 'cidr', cidr: '0.0.0.0/0' },
                description: '',
              }),
          )
        }
      >
        Add {direction} rule
      </button>
    </div>
  );
}
