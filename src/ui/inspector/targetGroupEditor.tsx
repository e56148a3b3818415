import {
  HEALTH_CHECK_INTERVAL,
  HEALTH_CHECK_THRESHOLD,
  HEALTH_CHECK_TIMEOUT,
  getResource,
  resourcesOfKind,
  type HealthCheck,
  type TargetGroup,
} from '../../domain';
import { updateResource } from '../../store';
import { CheckboxField, NumberField, Section, SelectField, TextField } from './fields';
import { IdChecklist, toggled } from './idChecklist';
import type { EditorProps } from './editors';

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'TCP_UDP'] as const;

const editGroup = (id: string, recipe: (d: TargetGroup) => void, field?: string) =>
  updateResource<TargetGroup>(id, recipe as never, field);
const editCheck = (id: string, change: Partial<HealthCheck>, field?: string) =>
  editGroup(id, (d) => void Object.assign(d.healthCheck, change), field && `healthCheck:${field}`);

/** A bounded health-check number: AWS's range is the field's min and max, and the hint says it. */
function RangeField(props: {
  group: TargetGroup;
  label: string;
  field: 'intervalSeconds' | 'timeoutSeconds' | 'healthyThreshold' | 'unhealthyThreshold';
  range: { min: number; max: number };
  unit: string;
}) {
  return (
    <NumberField
      label={props.label}
      value={props.group.healthCheck[props.field]}
      min={props.range.min}
      max={props.range.max}
      hint={`${props.range.min}–${props.range.max} ${props.unit}`}
      onChange={(v) => {
        if (v !== null && v >= props.range.min) editCheck(props.group.id, { [props.field]: v }, props.field);
      }}
    />
  );
}

function HealthCheckSection({ group }: { group: TargetGroup }) {
  const hc = group.healthCheck;
  const timeoutTooLong = hc.timeoutSeconds >= hc.intervalSeconds;
  return (
    <Section title="Health checks">
      <CheckboxField
        label="Health checks on"
        checked={hc.enabled}
        hint={hc.enabled ? undefined : 'Off: every target counts as healthy (AWS allows it only for Lambda targets).'}
        onChange={(v) => editCheck(group.id, { enabled: v })}
      />
      {hc.enabled && (
        <>
          <SelectField
            label="Protocol"
            value={hc.protocol}
            options={(['HTTP', 'HTTPS', 'TCP'] as const).map((p) => ({ value: p, label: p }))}
            onChange={(v) => editCheck(group.id, { protocol: v })}
          />
          {hc.protocol !== 'TCP' && (
            <TextField
              label="Path"
              mono
              value={hc.path}
              error={hc.path.startsWith('/') ? null : 'The path starts with /.'}
              onChange={(v) => editCheck(group.id, { path: v }, 'path')}
            />
          )}
          <SelectField
            label="Port"
            value={hc.port === 'traffic-port' ? 'traffic-port' : 'override'}
            options={[
              { value: 'traffic-port', label: `Traffic port (${group.port})` },
              { value: 'override', label: 'Another port' },
            ]}
            onChange={(v) => editCheck(group.id, { port: v === 'traffic-port' ? 'traffic-port' : group.port })}
          />
          {hc.port !== 'traffic-port' && (
            <NumberField
              label="Health check port"
              value={hc.port}
              min={1}
              max={65535}
              onChange={(v) => v !== null && v >= 1 && editCheck(group.id, { port: v }, 'port')}
            />
          )}
          <div className="grid grid-cols-2 gap-2">
            <RangeField group={group} label="Interval" field="intervalSeconds" range={HEALTH_CHECK_INTERVAL} unit="s" />
            <RangeField group={group} label="Timeout" field="timeoutSeconds" range={HEALTH_CHECK_TIMEOUT} unit="s" />
            <RangeField
              group={group}
              label="Healthy after"
              field="healthyThreshold"
              range={HEALTH_CHECK_THRESHOLD}
              unit="passes"
            />
            <RangeField
              group={group}
              label="Unhealthy after"
              field="unhealthyThreshold"
              range={HEALTH_CHECK_THRESHOLD}
              unit="failures"
            />
          </div>
          {timeoutTooLong && (
            <p className="text-xs text-red-700 dark:text-red-300">
              The timeout must be shorter than the interval (AWS refuses it).
            </p>
          )}
          <p className="text-xs text-slate-500 dark:text-slate-400">
            A new target is healthy after about {hc.healthyThreshold * hc.intervalSeconds} s; a failed one is taken out
            after about {hc.unhealthyThreshold * hc.intervalSeconds} s.
          </p>
        </>
      )}
    </Section>
  );
}

function TargetsSection({ group, design }: { group: TargetGroup; design: EditorProps<TargetGroup>['design'] }) {
  const fromGroups = resourcesOfKind(design, 'autoScalingGroup').filter((g) => g.targetGroupIds.includes(group.id));
  const vpcSubnets = new Set(
    resourcesOfKind(design, 'subnet')
      .filter((s) => s.vpcId === group.vpcId)
      .map((s) => s.id),
  );
  return (
    <Section title="Registered targets">
      {fromGroups.length > 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Registered by {fromGroups.map((g) => g.name).join(', ')}: the instances they launch join while the simulation
          runs.
        </p>
      )}
      {group.targetType === 'instance' && (
        <IdChecklist
          items={resourcesOfKind(design, 'ec2Instance')
            .filter((i) => vpcSubnets.has(i.subnetId))
            .map((i) => ({ id: i.id, label: `${i.name} (${i.privateIp})` }))}
          chosen={group.targetIds}
          empty="No instance in this VPC."
          onToggle={(id, on) => editGroup(group.id, (d) => void (d.targetIds = toggled(d.targetIds, id, on)))}
        />
      )}
      {group.targetType === 'ip' && (
        <TextField
          label="IP addresses (comma-separated)"
          mono
          value={group.targetIps.join(', ')}
          onChange={(v) =>
            editGroup(
              group.id,
              (d) =>
                void (d.targetIps = v
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean)),
              'targetIps',
            )
          }
        />
      )}
      {group.targetType === 'lambda' && (
        <SelectField
          label="Function"
          value={group.targetIds[0] ?? ''}
          options={[
            { value: '', label: 'None' },
            ...resourcesOfKind(design, 'lambdaFunction').map((f) => ({ value: f.id, label: f.name })),
          ]}
          hint="A Lambda target group holds one function."
          onChange={(v) => editGroup(group.id, (d) => void (d.targetIds = v ? [v] : []))}
        />
      )}
    </Section>
  );
}

export function TargetGroupEditor({ resource: group, design }: EditorProps<TargetGroup>) {
  const vpc = getResource(design, group.vpcId, 'vpc');
  return (
    <>
      <Section title="Target group">
        <SelectField
          label="Target type"
          value={group.targetType}
          options={[
            { value: 'instance', label: 'Instances' },
            { value: 'ip', label: 'IP addresses' },
            { value: 'lambda', label: 'Lambda function' },
          ]}
          hint={`In ${vpc?.name ?? 'its VPC'}. AWS fixes the target type at creation; changing it here clears the targets.`}
          onChange={(v) =>
            editGroup(group.id, (d) => {
              d.targetType = v;
              d.targetIds = [];
              d.targetIps = [];
            })
          }
        />
        {group.targetType !== 'lambda' && (
          <div className="grid grid-cols-2 gap-2">
            <SelectField
              label="Protocol"
              value={group.protocol}
              options={PROTOCOLS.map((p) => ({ value: p, label: p }))}
              onChange={(v) => editGroup(group.id, (d) => void (d.protocol = v))}
            />
            <NumberField
              label="Port"
              value={group.port}
              min={1}
              max={65535}
              onChange={(v) => v !== null && v >= 1 && editGroup(group.id, (d) => void (d.port = v), 'port')}
            />
          </div>
        )}
        {(group.protocol === 'TCP' || group.protocol === 'TLS') && (
          <SelectField
            label="Client IP preservation (NLB)"
            value={
              group.preserveClientIp === undefined || group.preserveClientIp === null
                ? 'default'
                : group.preserveClientIp
                  ? 'on'
                  : 'off'
            }
            options={[
              {
                value: 'default',
                label: `AWS's default (${group.targetType === 'ip' ? 'off for ip targets' : 'on for instance targets'})`,
              },
              { value: 'on', label: 'On: targets see the client' },
              { value: 'off', label: "Off: targets see the load balancer's address" },
            ]}
            hint="With it off, the targets' groups must allow the load balancer's node addresses. UDP keeps the client's address always (NLB guide, Client IP preservation)."
            onChange={(v) =>
              editGroup(group.id, (d) => void (d.preserveClientIp = v === 'default' ? null : v === 'on'))
            }
          />
        )}
        <NumberField
          label="Deregistration delay (s)"
          value={group.deregistrationDelaySeconds}
          min={0}
          max={3600}
          hint="How long a leaving target keeps its open requests (draining); AWS's default is 300 s."
          onChange={(v) =>
            v !== null && v >= 0 && editGroup(group.id, (d) => void (d.deregistrationDelaySeconds = v), 'delay')
          }
        />
      </Section>
      <HealthCheckSection group={group} />
      <TargetsSection group={group} design={design} />
    </>
  );
}
