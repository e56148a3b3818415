import { Trash2 } from 'lucide-react';
import type { Draft } from 'immer';
import {
  resourcesOfKind,
  type Design,
  type NaclRule,
  type NetworkAcl,
  type RouteTable,
  type SecurityGroup,
  type SgRule,
} from '../../domain';
import { blackholeReason } from '../../engine';
import { parseCidr } from '../../net';
import { updateResource } from '../../store';
import { cellControl, smallButton } from './fields';
import { formatPorts, parsePorts, presetOf, RULE_PRESETS } from './presets';

const th = 'px-1 py-1 text-left text-[11px] font-medium text-slate-500 dark:text-slate-400';
const td = 'px-1 py-1 align-top';
const cidrError = (text: string) => {
  const parsed = parseCidr(text);
  return parsed.ok ? null : parsed.error;
};

function PortsCell({
  ports,
  disabled,
  onChange,
  label,
}: {
  ports: NaclRule['ports'];
  disabled: boolean;
  onChange: (ports: NaclRule['ports']) => void;
  label: string;
}) {
  const invalid = !disabled && ports !== null && ports.from > ports.to;
  return (
    <input
      aria-label={label}
      defaultValue={formatPorts(ports)}
      key={formatPorts(ports)}
      disabled={disabled}
      aria-invalid={invalid}
      onBlur={(e) => {
        const parsed = parsePorts(e.target.value);
        if (parsed) onChange(parsed);
        else e.target.value = formatPorts(ports);
      }}
      className={`${cellControl} w-24 font-mono disabled:opacity-50`}
    />
  );
}

function PresetCell({
  protocol,
  ports,
  onChange,
  label,
}: {
  protocol: NaclRule['protocol'];
  ports: NaclRule['ports'];
  onChange: (p: Pick<NaclRule, 'protocol' | 'ports'>) => void;
  label: string;
}) {
  return (
    <select
      aria-label={label}
      value={presetOf(protocol, ports).id}
      onChange={(e) => {
        const preset = RULE_PRESETS.find((p) => p.id === e.target.value)!;
        onChange({ protocol: preset.protocol, ports: preset.ports });
      }}
      className={cellControl}
    >
      {RULE_PRESETS.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
        </option>
      ))}
    </select>
  );
}

/** Inbound or outbound NACL rules, sorted by number as AWS evaluates them, ending with the `*` deny. */
export function NaclRulesTable({ acl, direction }: { acl: NetworkAcl; direction: 'inbound' | 'outbound' }) {
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
            <tr key={index}>
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
                <button
                  type="button"
                  aria-label={`Remove rule ${rule.ruleNumber}`}
                  onClick={() => updateResource<NetworkAcl>(acl.id, (d) => void d[direction].splice(index, 1))}
                  className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  <Trash2 size={14} aria-hidden />
                </button>
              </td>
            </tr>
          ))}
          <tr className="text-slate-500 dark:text-slate-400">
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
              <tr key={index}>
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
                  <button
                    type="button"
                    aria-label={`Remove ${direction} rule ${index + 1}`}
                    onClick={() => updateResource<SecurityGroup>(group.id, (d) => void d[direction].splice(index, 1))}
                    className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
                  >
                    <Trash2 size={14} aria-hidden />
                  </button>
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

/** Routes with a target picker; `local` routes are fixed, as in AWS. */
export function RoutesTable({ table, design }: { table: RouteTable; design: Design }) {
  const targets = [
    ...resourcesOfKind(design, 'internetGateway').filter((g) => g.vpcId === table.vpcId),
    ...resourcesOfKind(design, 'natGateway').filter(
      (n) =>
        design.resources[n.subnetId]?.kind === 'subnet' &&
        (design.resources[n.subnetId] as { vpcId: string }).vpcId === table.vpcId,
    ),
    ...resourcesOfKind(design, 'virtualPrivateGateway').filter((g) => g.vpcId === table.vpcId),
    ...resourcesOfKind(design, 'ec2Instance').filter(
      (i) =>
        design.resources[i.subnetId]?.kind === 'subnet' &&
        (design.resources[i.subnetId] as { vpcId: string }).vpcId === table.vpcId,
    ),
  ];
  const edit = (index: number, recipe: (route: Draft<RouteTable['routes'][number]>) => void, field: string) =>
    updateResource<RouteTable>(table.id, (d) => recipe(d.routes[index]!), `route:${index}:${field}`);
  return (
    <div className="flex flex-col gap-2">
      <table aria-label="Routes" className="w-full text-xs">
        <thead>
          <tr>
            <th className={th}>Destination</th>
            <th className={th}>Target</th>
            <th className={th} />
          </tr>
        </thead>
        <tbody>
          {table.routes.map((route, index) => {
            const local = route.target === 'local';
            const blackhole = blackholeReason(design, table, route.target);
            return (
              <tr key={index}>
                <td className={td}>
                  <input
                    aria-label="Destination"
                    value={route.destination}
                    disabled={local}
                    aria-invalid={!!cidrError(route.destination)}
                    title={cidrError(route.destination) ?? undefined}
                    onChange={(e) => edit(index, (r) => void (r.destination = e.target.value), 'destination')}
                    className={`${cellControl} w-32 font-mono disabled:opacity-60`}
                  />
                </td>
                <td className={td}>
                  {local ? (
                    <span className="px-1 font-mono">local</span>
                  ) : (
                    <select
                      aria-label="Target"
                      value={route.target}
                      onChange={(e) =>
                        edit(index, (r) => void (r.target = e.target.value as typeof r.target), 'target')
                      }
                      className={`${cellControl} ${blackhole ? 'border-red-500 text-red-700 dark:text-red-300' : ''}`}
                    >
                      {!targets.some((t) => t.id === route.target) && (
                        <option value={route.target}>{route.target} (blackhole)</option>
                      )}
                      {targets.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name} (
                          {t.kind === 'ec2Instance' ? 'instance' : t.kind.replace(/([A-Z])/g, ' $1').toLowerCase()})
                        </option>
                      ))}
                    </select>
                  )}
                  {blackhole && (
                    <p className="mt-0.5 text-[11px] text-red-700 dark:text-red-300">Blackhole: {blackhole}.</p>
                  )}
                </td>
                <td className={td}>
                  {!local && (
                    <button
                      type="button"
                      aria-label={`Remove route to ${route.destination}`}
                      onClick={() => updateResource<RouteTable>(table.id, (d) => void d.routes.splice(index, 1))}
                      className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
                    >
                      <Trash2 size={14} aria-hidden />
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className={`${smallButton} self-start`}
        disabled={targets.length === 0}
        title={
          targets.length === 0
            ? 'Add an internet gateway, NAT gateway or virtual private gateway to this VPC first'
            : undefined
        }
        onClick={() =>
          updateResource<RouteTable>(
            table.id,
            (d) =>
              void d.routes.push({
                destination: '0.0.0.0/0',
                target: targets[0]!.id as RouteTable['routes'][number]['target'],
              }),
          )
        }
      >
        Add route
      </button>
    </div>
  );
}
