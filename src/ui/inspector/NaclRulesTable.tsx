import type { NaclRule, NetworkAcl } from '../../domain';
import { updateResource, useViewStore } from '../../store';
import { cellControl, smallButton } from './fields';
import { cidrError, highlightRow, PortsCell, PresetCell, td, th, RemoveRowButton } from './ruleCells';

/** Inbound or outbound NACL rules, sorted by number as AWS evaluates them, ending with the `*` deny. */
export function NaclRulesTable({ acl, direction }: { acl: NetworkAcl; direction: 'inbound' | 'outbound' }) {
  const mark = useViewStore((s) => s.highlightedRule);
  const marked = (ruleNumber: number | null) =>
    mark?.resourceId === acl.id &&
    mark.ref.kind === 'nacl' &&
    mark.ref.direction === direction &&
    mark.ref.ruleNumber === ruleNumber;
  const rules = [...acl[direction]]
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.ruleNumber - b.rule.ruleNumber);
  const edit = (index: number, change: Partial<NaclRule>, field: string) =>
    updateResource<NetworkAcl>(
      acl.id,
      (d) => void Object.assign(d[direction][index]!, change),
      `${direction}:${index}:${field}`,
    );
  const peer = direction === 'inbound' ? 'Source' : 'Destination';
  return (
    <div className="flex flex-col gap-2">
      <table aria-label={`${direction === 'inbound' ? 'Inbound' : 'Outbound'} rules`} className="w-full text-xs">
        <thead>
          <tr>
            <th className={th}>Rule</th>
            <th className={th}>Type</th>
            <th className={th}>Ports</th>
            <th className={th}>{peer}</th>
            <th className={th}>Action</th>
            <th className={th} />
          </tr>
        </thead>
        <tbody>
          {rules.map(({ rule, index }) => (
            <tr key={index} {...highlightRow(marked(rule.ruleNumber))}>
              <td className={td}>
                <input
                  aria-label="Rule number"
                  type="number"
                  min={1}
                  max={32766}
                  value={rule.ruleNumber}
                  onChange={(e) => edit(index, { ruleNumber: Number(e.target.value) }, 'number')}
                  className={`${cellControl} w-16`}
                />
              </td>
              <td className={td}>
                <PresetCell
                  label="Rule type"
                  protocol={rule.protocol}
                  ports={rule.ports}
                  onChange={(p) => edit(index, p, 'type')}
                />
              </td>
              <td className={td}>
                <PortsCell
                  label="Port range"
                  ports={rule.ports}
                  disabled={rule.protocol === 'all' || rule.protocol === 'icmp'}
                  onChange={(ports) => edit(index, { ports }, 'ports')}
                />
              </td>
              <td className={td}>
                <input
                  aria-label={`${peer} CIDR`}
                  value={rule.cidr}
                  aria-invalid={!!cidrError(rule.cidr)}
                  title={cidrError(rule.cidr) ?? undefined}
                  onChange={(e) => edit(index, { cidr: e.target.value }, 'cidr')}
                  className={`${cellControl} w-28 font-mono`}
                />
              </td>
              <td className={td}>
                <select
                  aria-label="Allow or deny"
                  value={rule.action}
                  onChange={(e) => edit(index, { action: e.target.value as NaclRule['action'] }, 'action')}
                  className={`${cellControl} ${rule.action === 'deny' ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`}
                >
                  <option value="allow">Allow</option>
                  <option value="deny">Deny</option>
                </select>
              </td>
              <td className={td}>
                <RemoveRowButton
                  label={`Remove rule ${rule.ruleNumber}`}
                  onRemove={() => updateResource<NetworkAcl>(acl.id, (d) => void d[direction].splice(index, 1))}
                />
              </td>
            </tr>
          ))}
          <tr {...highlightRow(marked(null))}>
            <td className={`${td} font-mono`}>*</td>
            <td className={td}>All traffic</td>
            <td className={td}>all</td>
            <td className={`${td} font-mono`}>0.0.0.0/0</td>
            <td className={`${td} font-medium text-red-700 dark:text-red-300`}>Deny</td>
            <td />
          </tr>
        </tbody>
      </table>
      <button
        type="button"
        className={`${smallButton} self-start`}
        onClick={() =>
          updateResource<NetworkAcl>(acl.id, (d) => {
            const next = d[direction].reduce((max, r) => Math.max(max, r.ruleNumber), 0);
            d[direction].push({
              ruleNumber: Math.min(32766, next === 0 ? 100 : Math.ceil((next + 1) / 10) * 10),
              protocol: 'tcp',
              ports: { from: 443, to: 443 },
              cidr: '0.0.0.0/0',
              action: 'allow',
            });
          })
        }
      >
        Add {direction} rule
      </button>
    </div>
  );
}
