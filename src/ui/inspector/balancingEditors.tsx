import { Plus } from 'lucide-react';
import {
  ELB_MAX_LISTENERS,
  getResource,
  resourcesOfKind,
  type Design,
  type Listener,
  type LoadBalancer,
} from '../../domain';
import { updateResource } from '../../store';
import { CheckboxField, RemoveRowButton, Section, SelectField, cellControl, smallButton } from './fields';
import { IdChecklist, toggled } from './idChecklist';
import type { EditorProps } from './editors';

const ALB_LISTENER_PROTOCOLS = ['HTTP', 'HTTPS'] as const;
const NLB_LISTENER_PROTOCOLS = ['TCP', 'UDP', 'TLS', 'TCP_UDP'] as const;

const editLb = (id: string, recipe: (d: LoadBalancer) => void, field?: string) =>
  updateResource<LoadBalancer>(id, recipe as never, field);

/** One subnet per zone: the zones of the VPC, each with a choice of its subnets (or none). */
function ZoneSubnets({ lb, design }: { lb: LoadBalancer; design: Design }) {
  const subnets = resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === lb.vpcId);
  const zones = [...new Set(subnets.map((s) => s.azId))];
  return (
    <>
      {zones.map((zoneId) => {
        const inZone = subnets.filter((s) => s.azId === zoneId);
        const mapped = lb.subnetMappings.find((m) => inZone.some((s) => s.id === m.subnetId));
        const zone = getResource(design, zoneId, 'availabilityZone');
        return (
          <SelectField
            key={zoneId}
            label={zone?.zoneName ?? zoneId}
            value={mapped?.subnetId ?? ''}
            options={[
              { value: '', label: 'Not enabled' },
              ...inZone.map((s) => ({ value: s.id, label: `${s.name} (${s.cidr})` })),
            ]}
            onChange={(subnetId) =>
              editLb(lb.id, (d) => {
                d.subnetMappings = d.subnetMappings.filter((m) => !inZone.some((s) => s.id === m.subnetId));
                if (subnetId)
                  d.subnetMappings.push({
                    subnetId: subnetId as LoadBalancer['subnetMappings'][number]['subnetId'],
                    privateIp: null,
                    elasticIpId: null,
                  });
              })
            }
          />
        );
      })}
    </>
  );
}

function ListenersTable({ lb, design }: { lb: LoadBalancer; design: Design }) {
  const protocols = lb.type === 'application' ? ALB_LISTENER_PROTOCOLS : NLB_LISTENER_PROTOCOLS;
  const groups = resourcesOfKind(design, 'targetGroup').filter((g) => g.vpcId === lb.vpcId);
  const set = (index: number, change: Partial<Listener>, field?: string) =>
    editLb(lb.id, (d) => void Object.assign(d.listeners[index]!, change), field && `listener:${index}:${field}`);
  return (
    <table className="w-full text-xs" aria-label="Listeners">
      <thead>
        <tr className="text-left text-slate-500 dark:text-slate-400">
          <th className="font-medium">Protocol</th>
          <th className="font-medium">Port</th>
          <th className="font-medium">Forward to</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {lb.listeners.map((listener, index) => (
          <tr key={index}>
            <td className="pr-1">
              <select
                aria-label={`Listener ${index + 1} protocol`}
                className={cellControl}
                value={listener.protocol}
                onChange={(e) => set(index, { protocol: e.target.value as Listener['protocol'] })}
              >
                {protocols.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </td>
            <td className="w-20 pr-1">
              <input
                aria-label={`Listener ${index + 1} port`}
                type="number"
                min={1}
                max={65535}
                className={cellControl}
                value={listener.port}
                onChange={(e) => {
                  const port = Number(e.target.value);
                  if (Number.isInteger(port) && port >= 1 && port <= 65535) set(index, { port }, 'port');
                }}
              />
            </td>
            <td className="pr-1">
              <select
                aria-label={`Listener ${index + 1} target group`}
                className={cellControl}
                value={listener.targetGroupId ?? ''}
                onChange={(e) => set(index, { targetGroupId: (e.target.value || null) as Listener['targetGroupId'] })}
              >
                <option value="">None (503)</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name} ({g.protocol}:{g.port})
                  </option>
                ))}
              </select>
            </td>
            <td>
              <RemoveRowButton
                label={`Remove listener ${listener.protocol}:${listener.port}`}
                onRemove={() => editLb(lb.id, (d) => void d.listeners.splice(index, 1))}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LoadBalancerEditor({ resource: lb, design }: EditorProps<LoadBalancer>) {
  const groups = resourcesOfKind(design, 'securityGroup').filter((g) => g.vpcId === lb.vpcId);
  const alb = lb.type === 'application';
  return (
    <>
      <Section title={alb ? 'Application Load Balancer' : 'Network Load Balancer'}>
        <SelectField
          label="Scheme"
          value={lb.scheme}
          options={[
            { value: 'internet-facing', label: 'Internet-facing (public addresses)' },
            { value: 'internal', label: 'Internal (private addresses only)' },
          ]}
          hint="AWS fixes the scheme and type at creation; Nimbus lets you change the scheme to compare."
          onChange={(v) => editLb(lb.id, (d) => void (d.scheme = v))}
        />
        {!alb && (
          <CheckboxField
            label="Cross-zone load balancing"
            checked={lb.crossZone}
            hint="Off by default for an NLB: each zone's node sends only to targets in its zone. An ALB always balances across zones."
            onChange={(v) => editLb(lb.id, (d) => void (d.crossZone = v))}
          />
        )}
      </Section>
      <Section title="Subnets (one per zone)">
        <ZoneSubnets lb={lb} design={design} />
        {alb && (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            An Application Load Balancer needs subnets in at least two Availability Zones.
          </p>
        )}
      </Section>
      <Section
        title="Listeners"
        actions={
          <button
            type="button"
            className={smallButton}
            disabled={lb.listeners.length >= ELB_MAX_LISTENERS}
            onClick={() =>
              editLb(lb.id, (d) => {
                const taken = new Set(d.listeners.map((l) => l.port));
                let port = alb ? 80 : 443;
                while (taken.has(port)) port++;
                d.listeners.push({ protocol: alb ? 'HTTP' : 'TCP', port, targetGroupId: null });
              })
            }
          >
            <Plus size={12} aria-hidden /> Add listener
          </button>
        }
      >
        {lb.listeners.length > 0 ? (
          <ListenersTable lb={lb} design={design} />
        ) : (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            No listener: the load balancer takes no connections.
          </p>
        )}
      </Section>
      {(alb || lb.securityGroupIds.length > 0) && (
        <Section title="Security groups">
          <IdChecklist
            items={groups.map((g) => ({ id: g.id, label: g.name, hint: g.description || undefined }))}
            chosen={lb.securityGroupIds}
            empty="No security group in this VPC."
            onToggle={(id, on) => editLb(lb.id, (d) => void (d.securityGroupIds = toggled(d.securityGroupIds, id, on)))}
          />
        </Section>
      )}
    </>
  );
}
