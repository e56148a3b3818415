import { Plus } from 'lucide-react';
import {
  AMIS,
  ASG_MAX_SCHEDULED_ACTIONS,
  ASG_MAX_SIZE,
  getResource,
  INSTANCE_TYPES,
  resourcesOfKind,
  type AutoScalingGroup,
  type Design,
  type LaunchTemplate,
  type ScheduledAction,
} from '../../domain';
import { updateResource } from '../../store';
import {
  CheckboxField,
  NumberField,
  RemoveRowButton,
  Section,
  SelectField,
  TextField,
  cellControl,
  smallButton,
} from './fields';
import { IdChecklist, toggled } from './idChecklist';
import type { EditorProps } from './editors';

const editTemplate = (id: string, recipe: (d: LaunchTemplate) => void, field?: string) =>
  updateResource<LaunchTemplate>(id, recipe as never, field);
const editAsg = (id: string, recipe: (d: AutoScalingGroup) => void, field?: string) =>
  updateResource<AutoScalingGroup>(id, recipe as never, field);

export function LaunchTemplateEditor({ resource: template, design }: EditorProps<LaunchTemplate>) {
  const vpcs = new Map(resourcesOfKind(design, 'vpc').map((v) => [v.id, v.name]));
  const groups = resourcesOfKind(design, 'securityGroup').filter(
    (g) => getResource(design, g.vpcId, 'vpc')?.regionId === template.regionId,
  );
  const users = resourcesOfKind(design, 'autoScalingGroup').filter((g) => g.launchTemplateId === template.id);
  return (
    <>
      <Section title="Launch template">
        <SelectField
          label="AMI"
          value={template.amiId}
          options={AMIS.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v) => editTemplate(template.id, (d) => void (d.amiId = v))}
        />
        <SelectField
          label="Instance type"
          value={template.instanceType}
          options={INSTANCE_TYPES.map((t) => ({
            value: t.name,
            group: t.family,
            label: `${t.name} — ${t.vcpu} vCPU, ${t.memoryGiB} GiB, $${t.hourlyUsd}/h`,
          }))}
          onChange={(v) => editTemplate(template.id, (d) => void (d.instanceType = v))}
        />
        <TextField
          label="Instance name (Name tag)"
          value={template.instanceName}
          onChange={(v) => editTemplate(template.id, (d) => void (d.instanceName = v), 'instanceName')}
        />
        <CheckboxField
          label="Public IPv4 address"
          checked={template.associatePublicIp}
          hint="Instances in a public subnet reach the internet only with one (or through a NAT gateway from a private subnet)."
          onChange={(v) => editTemplate(template.id, (d) => void (d.associatePublicIp = v))}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {users.length > 0 ? `Used by ${users.map((g) => g.name).join(', ')}.` : 'No Auto Scaling group uses it yet.'}
        </p>
      </Section>
      <Section title="Security groups">
        <IdChecklist
          items={groups.map((g) => ({ id: g.id, label: g.name, hint: `${vpcs.get(g.vpcId) ?? g.vpcId}` }))}
          chosen={template.securityGroupIds}
          empty="No security group in this Region."
          onToggle={(id, on) =>
            editTemplate(template.id, (d) => void (d.securityGroupIds = toggled(d.securityGroupIds, id, on)))
          }
        />
      </Section>
    </>
  );
}

function SizeFields({ group }: { group: AutoScalingGroup }) {
  const error =
    group.minSize > group.maxSize
      ? 'Minimum is above maximum.'
      : group.desiredCapacity < group.minSize || group.desiredCapacity > group.maxSize
        ? 'Desired capacity must be between minimum and maximum (AWS refuses it).'
        : null;
  const size = (label: string, field: 'minSize' | 'desiredCapacity' | 'maxSize') => (
    <NumberField
      label={label}
      value={group[field]}
      min={0}
      max={ASG_MAX_SIZE}
      onChange={(v) => v !== null && v >= 0 && editAsg(group.id, (d) => void (d[field] = v), field)}
    />
  );
  return (
    <>
      <div className="grid grid-cols-3 gap-2">
        {size('Minimum', 'minSize')}
        {size('Desired', 'desiredCapacity')}
        {size('Maximum', 'maxSize')}
      </div>
      {error && <p className="text-xs text-red-700 dark:text-red-300">{error}</p>}
    </>
  );
}

/** The group's target tracking policy (the first one): its metric and target value, or none. */
function TargetTracking({ group }: { group: AutoScalingGroup }) {
  const index = group.policies.findIndex((p) => p.type === 'targetTracking');
  const policy = index >= 0 ? group.policies[index] : undefined;
  const tracking = policy?.type === 'targetTracking' ? policy : null;
  const others = group.policies.length - (tracking ? 1 : 0);
  return (
    <>
      <SelectField
        label="Target tracking"
        value={tracking?.metric ?? ''}
        options={[
          { value: '', label: 'None' },
          { value: 'ASGAverageCPUUtilization', label: 'Average CPU utilization (%)' },
          { value: 'ALBRequestCountPerTarget', label: 'ALB requests per target (per minute)' },
        ]}
        onChange={(metric) =>
          editAsg(group.id, (d) => {
            const at = d.policies.findIndex((p) => p.type === 'targetTracking');
            if (!metric) {
              if (at >= 0) d.policies.splice(at, 1);
              return;
            }
            const targetValue = metric === 'ASGAverageCPUUtilization' ? 50 : 1000;
            const next = { type: 'targetTracking' as const, metric, targetValue, disableScaleIn: false };
            if (at >= 0) d.policies[at] = next;
            else d.policies.push(next);
          })
        }
      />
      {tracking && (
        <NumberField
          label={tracking.metric === 'ASGAverageCPUUtilization' ? 'Target CPU (%)' : 'Target requests per target'}
          value={tracking.targetValue}
          min={1}
          max={tracking.metric === 'ASGAverageCPUUtilization' ? 100 : undefined}
          onChange={(v) =>
            v !== null &&
            v > 0 &&
            editAsg(
              group.id,
              (d) => {
                const p = d.policies[index];
                if (p?.type === 'targetTracking') p.targetValue = v;
              },
              'targetValue',
            )
          }
        />
      )}
      {others > 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          And {others} step scaling polic{others === 1 ? 'y' : 'ies'} (kept as imported).
        </p>
      )}
    </>
  );
}

function ScheduledActions({ group }: { group: AutoScalingGroup }) {
  const set = (index: number, change: Partial<ScheduledAction>, field: string) =>
    editAsg(group.id, (d) => void Object.assign(d.scheduledActions[index]!, change), `scheduled:${index}:${field}`);
  const sizeCell = (a: ScheduledAction, index: number, field: 'minSize' | 'maxSize' | 'desiredCapacity') => (
    <input
      aria-label={`${a.name} ${field}`}
      type="number"
      min={0}
      max={ASG_MAX_SIZE}
      placeholder="—"
      className={cellControl}
      value={a[field] ?? ''}
      onChange={(e) => {
        const n = e.target.value === '' ? null : Number(e.target.value);
        if (n === null || (Number.isInteger(n) && n >= 0 && n <= ASG_MAX_SIZE)) set(index, { [field]: n }, field);
      }}
    />
  );
  return (
    <Section
      title="Scheduled actions"
      actions={
        <button
          type="button"
          className={smallButton}
          disabled={group.scheduledActions.length >= ASG_MAX_SCHEDULED_ACTIONS}
          onClick={() =>
            editAsg(
              group.id,
              (d) =>
                void d.scheduledActions.push({
                  name: `scale-${d.scheduledActions.length + 1}`,
                  at: 600,
                  everySeconds: null,
                  minSize: null,
                  maxSize: null,
                  desiredCapacity: d.desiredCapacity + 1,
                }),
            )
          }
        >
          <Plus size={12} aria-hidden /> Add
        </button>
      }
    >
      {group.scheduledActions.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          None. AWS schedules by cron in UTC; Nimbus by minutes of simulated time.
        </p>
      ) : (
        <table className="w-full text-xs" aria-label="Scheduled actions">
          <thead>
            <tr className="text-left text-slate-500 dark:text-slate-400">
              <th className="font-medium">At (min)</th>
              <th className="font-medium">Min</th>
              <th className="font-medium">Desired</th>
              <th className="font-medium">Max</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {group.scheduledActions.map((a, index) => (
              <tr key={index}>
                <td className="pr-1">
                  <input
                    aria-label={`${a.name} time in minutes`}
                    type="number"
                    min={0}
                    className={cellControl}
                    value={a.at / 60}
                    onChange={(e) => {
                      const minutes = Number(e.target.value);
                      if (Number.isFinite(minutes) && minutes >= 0) set(index, { at: Math.round(minutes * 60) }, 'at');
                    }}
                  />
                </td>
                <td className="pr-1">{sizeCell(a, index, 'minSize')}</td>
                <td className="pr-1">{sizeCell(a, index, 'desiredCapacity')}</td>
                <td className="pr-1">{sizeCell(a, index, 'maxSize')}</td>
                <td>
                  <RemoveRowButton
                    label={`Remove ${a.name}`}
                    onRemove={() => editAsg(group.id, (d) => void d.scheduledActions.splice(index, 1))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Placement({ group, design }: { group: AutoScalingGroup; design: Design }) {
  const templates = resourcesOfKind(design, 'launchTemplate');
  const subnets = resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === group.vpcId);
  const zoneName = (id: string) => getResource(design, id, 'availabilityZone')?.zoneName ?? id;
  const targetGroups = resourcesOfKind(design, 'targetGroup').filter(
    (g) => g.vpcId === group.vpcId && g.targetType === 'instance',
  );
  return (
    <>
      <Section title="Launch">
        <SelectField
          label="Launch template"
          value={group.launchTemplateId}
          options={templates.map((t) => ({ value: t.id, label: `${t.name} (${t.instanceType})` }))}
          onChange={(v) => editAsg(group.id, (d) => void (d.launchTemplateId = v))}
        />
      </Section>
      <Section title="Subnets">
        <IdChecklist
          items={subnets.map((s) => ({ id: s.id, label: `${s.name} (${s.cidr})`, hint: zoneName(s.azId) }))}
          chosen={group.subnetIds}
          empty="No subnet in this VPC."
          onToggle={(id, on) => editAsg(group.id, (d) => void (d.subnetIds = toggled(d.subnetIds, id, on)))}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          The group spreads its instances evenly over the zones of these subnets.
        </p>
      </Section>
      <Section title="Target groups">
        <IdChecklist
          items={targetGroups.map((g) => ({ id: g.id, label: `${g.name} (${g.protocol}:${g.port})` }))}
          chosen={group.targetGroupIds}
          empty="No instance target group in this VPC."
          onToggle={(id, on) => editAsg(group.id, (d) => void (d.targetGroupIds = toggled(d.targetGroupIds, id, on)))}
        />
      </Section>
    </>
  );
}

export function AutoScalingGroupEditor({ resource: group, design }: EditorProps<AutoScalingGroup>) {
  return (
    <>
      <Section title="Capacity">
        <SizeFields group={group} />
        <TargetTracking group={group} />
        <div className="grid grid-cols-2 gap-2">
          <NumberField
            label="Instance warm-up (s)"
            value={group.defaultInstanceWarmupSeconds}
            min={0}
            max={3600}
            allowEmpty
            hint="Empty: not set."
            onChange={(v) => editAsg(group.id, (d) => void (d.defaultInstanceWarmupSeconds = v), 'warmup')}
          />
          <NumberField
            label="Cooldown (s)"
            value={group.defaultCooldownSeconds}
            min={0}
            max={3600}
            hint="AWS default 300 s."
            onChange={(v) => v !== null && editAsg(group.id, (d) => void (d.defaultCooldownSeconds = v), 'cooldown')}
          />
        </div>
        <NumberField
          label="Requests/s one instance serves at 100% CPU"
          value={group.instanceCapacityRps}
          min={1}
          max={1_000_000}
          hint="Nimbus models CPU from the requests each instance serves; AWS measures it on the instance."
          onChange={(v) => v !== null && v > 0 && editAsg(group.id, (d) => void (d.instanceCapacityRps = v), 'rps')}
        />
      </Section>
      <Section title="Health checks">
        <SelectField
          label="Health check type"
          value={group.healthCheckType}
          options={[
            { value: 'EC2', label: 'EC2 (status checks only)' },
            { value: 'ELB', label: 'ELB (also the target groups’ health checks)' },
          ]}
          onChange={(v) => editAsg(group.id, (d) => void (d.healthCheckType = v))}
        />
        <NumberField
          label="Grace period (s)"
          value={group.healthCheckGracePeriodSeconds}
          min={0}
          max={7200}
          hint="A new instance is not replaced for failing checks before this (console default 300 s)."
          onChange={(v) => v !== null && editAsg(group.id, (d) => void (d.healthCheckGracePeriodSeconds = v), 'grace')}
        />
        <CheckboxField
          label="Rebalance across zones"
          checked={group.azRebalance}
          hint="When a zone comes back, launch there and terminate elsewhere to even the spread."
          onChange={(v) => editAsg(group.id, (d) => void (d.azRebalance = v))}
        />
      </Section>
      <Placement group={group} design={design} />
      <ScheduledActions group={group} />
    </>
  );
}
