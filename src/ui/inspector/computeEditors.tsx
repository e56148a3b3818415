import {
  AMIS,
  AUTO_ASSIGNED_PUBLIC_RANGE,
  autoAssignedPublicIpv4,
  autoPublicIpv4Of,
  FARGATE_TASK_SIZES,
  findInstanceType,
  getResource,
  INSTANCE_TYPES,
  ECS_MAX_TASKS_PER_SERVICE,
  LAMBDA_ACCOUNT_CONCURRENCY,
  LAMBDA_MAX_ACCOUNT_CONCURRENCY,
  MAX_LOAD_PER_SECOND,
  LAMBDA_MAX_MEMORY_MB,
  LAMBDA_MAX_TIMEOUT_S,
  LAMBDA_MIN_MEMORY_MB,
  LAMBDA_MIN_UNRESERVED,
  LambdaRuntimeSchema,
  resourcesOfKind,
  type Ec2Instance,
  type EcsService,
  type LambdaFunction,
  type LambdaTrigger,
} from '../../domain';

import {
  connectResources,
  setInstanceSecurityGroup,
  setLoadShape,
  setServiceScaling,
  setTaskCpu,
  updateResource,
  useLibraryStore,
} from '../../store';
import { CheckboxField, NumberField, Section, SelectField, TextField } from './fields';

import { useSimStore } from '../../store';
import { privateIpError } from './checks';
import { SimInstanceSection } from './SimInstanceSection';
import type { EditorProps } from './editors';

/**
 * Where an instance's public IPv4 comes from: AWS's own after an import,
 * otherwise drawn by Nimbus from an EC2 range AWS publishes (a simplification:
 * AWS picks one from its pool at launch).
 */
const publicIpv4Hint = (address: string | null) =>
  `${address ? `${address}: AWS's address after an import, else one Nimbus draws from ${AUTO_ASSIGNED_PUBLIC_RANGE.cidr} (an EC2 range of AWS's ip-ranges.json). ` : ''}Changes on every stop/start; an Elastic IP stays.`;

export function InstanceEditor({ resource: instance, design }: EditorProps<Ec2Instance>) {
  const subnet = getResource(design, instance.subnetId, 'subnet');
  const groups = resourcesOfKind(design, 'securityGroup').filter((g) => g.vpcId === subnet?.vpcId);
  const type = findInstanceType(instance.instanceType);
  const eips = resourcesOfKind(design, 'elasticIp');
  // A view-only design shows the simulation actions above the (disabled) fields instead.
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  // While the simulation runs its section shows the live state; the design's state would contradict it.
  const simulating = useSimStore((s) => s.frame?.instances[instance.id] !== undefined);
  return (
    <>
      <Section title="Instance">
        <SelectField
          label="Instance type"
          value={instance.instanceType}
          options={INSTANCE_TYPES.map((t) => ({
            value: t.name,
            group: t.family,
            label: `${t.name} — ${t.vcpu} vCPU, ${t.memoryGiB} GiB, $${t.hourlyUsd}/h`,
          }))}
          hint={
            type
              ? `${type.family} · ${type.architecture} · $${(type.hourlyUsd * 730).toFixed(2)} a month if always on`
              : undefined
          }
          onChange={(v) => updateResource<Ec2Instance>(instance.id, (d) => void (d.instanceType = v))}
        />
        <SelectField
          label="AMI"
          value={instance.amiId}
          options={AMIS.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v) => updateResource<Ec2Instance>(instance.id, (d) => void (d.amiId = v))}
        />
        {!simulating && (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            State: {instance.state} (the simulation changes it)
          </p>
        )}
      </Section>
      <Section title="Network">
        <TextField
          label="Private IPv4"
          mono
          value={instance.privateIp}
          error={privateIpError(design, instance)}
          onChange={(v) => updateResource<Ec2Instance>(instance.id, (d) => void (d.privateIp = v), 'privateIp')}
        />
        <CheckboxField
          label="Public IPv4 address"
          checked={instance.publicIp}
          hint={publicIpv4Hint(autoPublicIpv4Of(instance))}
          onChange={(v) =>
            updateResource<Ec2Instance>(instance.id, (d) => {
              d.publicIp = v;
              // Turned on, it gets an address from AWS's EC2 range (drawn from its id); turned off, it has none.
              d.publicIpAddress = v ? (d.publicIpAddress ?? autoAssignedPublicIpv4(d.id)) : null;
            })
          }
        />
        <SelectField
          label="Elastic IP"
          value={instance.elasticIpId ?? ''}
          options={[
            { value: '', label: 'None' },
            ...eips.map((e) => ({ value: e.id, label: `${e.publicIp} (${e.name})` })),
          ]}
          onChange={(v) =>
            updateResource<Ec2Instance>(
              instance.id,
              (d) => void (d.elasticIpId = (v || null) as Ec2Instance['elasticIpId']),
            )
          }
        />
      </Section>
      <Section title="Security groups">
        {groups.map((g) => (
          <CheckboxField
            key={g.id}
            label={g.name}
            checked={instance.securityGroupIds.includes(g.id)}
            hint={g.description || undefined}
            onChange={(on) => setInstanceSecurityGroup(instance.id, g.id, on)}
          />
        ))}
      </Section>
      <Section title="Networking">
        <CheckboxField
          label="Source/destination check"
          checked={instance.sourceDestCheck !== false}
          hint="On by default: the interface drops packets not addressed to it or not sent by it. Turn it off on an appliance (firewall, NAT instance) that routes send traffic through (Amazon VPC User Guide, “Routing for a middlebox appliance”)."
          onChange={(v) =>
            updateResource<Ec2Instance>(instance.id, (d) => {
              // Absent means on, AWS's default; only an appliance's "off" is written.
              if (v) delete d.sourceDestCheck;
              else d.sourceDestCheck = false;
            })
          }
        />
      </Section>
      {!viewOnly && <SimInstanceSection instanceId={instance.id} />}
      <Section title="Lifecycle">
        <CheckboxField
          label="Hibernation enabled"
          checked={instance.hibernationEnabled}
          hint="Must be chosen at launch; stop-hibernate then keeps memory on EBS."
          onChange={(v) => updateResource<Ec2Instance>(instance.id, (d) => void (d.hibernationEnabled = v))}
        />
        <CheckboxField
          label="Termination protection"
          checked={instance.terminationProtection}
          onChange={(v) => updateResource<Ec2Instance>(instance.id, (d) => void (d.terminationProtection = v))}
        />
      </Section>
    </>
  );
}

export function LambdaEditor({ resource: fn }: EditorProps<LambdaFunction>) {
  const set = <K extends keyof LambdaFunction>(key: K, value: LambdaFunction[K], field?: string) =>
    updateResource<LambdaFunction>(fn.id, (d) => void ((d as LambdaFunction)[key] = value), field);
  const setAsync = (patch: Partial<LambdaFunction['asyncInvocation']>, field?: string) =>
    set('asyncInvocation', { ...fn.asyncInvocation, ...patch }, field);
  return (
    <Section title="Function">
      <SelectField
        label="Runtime"
        value={fn.runtime}
        options={LambdaRuntimeSchema.options.map((r) => ({ value: r, label: r }))}
        onChange={(v) => set('runtime', v)}
      />
      <SelectField
        label="Architecture"
        value={fn.architecture}
        options={[
          { value: 'x86_64', label: 'x86_64' },
          { value: 'arm64', label: 'arm64 (Graviton, cheaper per GB-s)' },
        ]}
        onChange={(v) => set('architecture', v)}
      />
      <NumberField
        label="Memory (MB)"
        value={fn.memoryMb}
        min={LAMBDA_MIN_MEMORY_MB}
        max={LAMBDA_MAX_MEMORY_MB}
        hint={`${LAMBDA_MIN_MEMORY_MB} to ${LAMBDA_MAX_MEMORY_MB.toLocaleString('en-US')} MB; CPU grows with memory (1,769 MB = 1 vCPU)`}
        error={
          fn.memoryMb < LAMBDA_MIN_MEMORY_MB || fn.memoryMb > LAMBDA_MAX_MEMORY_MB
            ? `Lambda allows ${LAMBDA_MIN_MEMORY_MB} to ${LAMBDA_MAX_MEMORY_MB.toLocaleString('en-US')} MB.`
            : null
        }
        onChange={(v) => v !== null && set('memoryMb', v, 'memory')}
      />
      <NumberField
        label="Timeout (s)"
        value={fn.timeoutSeconds}
        min={1}
        max={LAMBDA_MAX_TIMEOUT_S}
        error={
          fn.timeoutSeconds < 1 || fn.timeoutSeconds > LAMBDA_MAX_TIMEOUT_S
            ? `Lambda allows 1 to ${LAMBDA_MAX_TIMEOUT_S} seconds.`
            : null
        }
        onChange={(v) => v !== null && set('timeoutSeconds', v, 'timeout')}
      />
      <NumberField
        label="Average duration (ms)"
        value={fn.averageDurationMs}
        min={1}
        onChange={(v) => v !== null && set('averageDurationMs', v, 'duration')}
      />
      <NumberField
        label="Reserved concurrency"
        value={fn.reservedConcurrency}
        min={0}
        max={LAMBDA_ACCOUNT_CONCURRENCY - LAMBDA_MIN_UNRESERVED}
        allowEmpty
        hint="Empty: uses the unreserved pool"
        onChange={(v) => set('reservedConcurrency', v, 'reserved')}
      />
      <NumberField
        label="Provisioned concurrency"
        value={fn.provisionedConcurrency}
        min={0}
        max={LAMBDA_MAX_ACCOUNT_CONCURRENCY}
        onChange={(v) => v !== null && set('provisionedConcurrency', v, 'provisioned')}
      />
      <NumberField
        label="Errors (% of invocations)"
        value={Math.round(fn.errorRate * 1000) / 10}
        min={0}
        max={100}
        step={0.1}
        hint="Function errors; asynchronous events (S3, EventBridge) are retried"
        onChange={(v) => v !== null && set('errorRate', Math.max(0, v) / 100, 'errors')}
      />
      <NumberField
        label="Async retry attempts"
        value={fn.asyncInvocation.maximumRetryAttempts}
        min={0}
        max={2}
        hint="0 to 2 (default 2), about 1 and 2 minutes apart"
        onChange={(v) => v !== null && setAsync({ maximumRetryAttempts: Math.max(0, Math.round(v)) }, 'retries')}
      />
      <NumberField
        label="Maximum event age (s)"
        value={fn.asyncInvocation.maximumEventAgeSeconds}
        min={60}
        max={21_600}
        hint="60 to 21,600 (6 hours, the default): how long a throttled event keeps being retried"
        error={fn.asyncInvocation.maximumEventAgeSeconds < 60 ? 'Lambda allows 60 to 21,600 seconds.' : null}
        onChange={(v) => v !== null && setAsync({ maximumEventAgeSeconds: Math.round(v) }, 'eventAge')}
      />
      <SelectField
        label="Failed async events go to"
        value={fn.asyncInvocation.onFailure}
        options={[
          { value: 'discard', label: 'Nowhere (discarded)' },
          { value: 'deadLetterQueue', label: 'A dead-letter queue (SQS or SNS)' },
          { value: 'destination', label: 'An on-failure destination' },
        ]}
        onChange={(v) => setAsync({ onFailure: v })}
      />
    </Section>
  );
}

export function TriggerEditor({ resource: trigger, design }: EditorProps<LambdaTrigger>) {
  const functions = resourcesOfKind(design, 'lambdaFunction');
  return (
    <Section title="Trigger">
      <SelectField
        label="Source"
        value={trigger.source}
        options={[
          { value: 'apiGateway', label: 'API Gateway' },
          { value: 'sqs', label: 'SQS queue' },
          { value: 's3', label: 'S3 event' },
          { value: 'eventBridgeSchedule', label: 'EventBridge schedule' },
        ]}
        onChange={(v) => updateResource<LambdaTrigger>(trigger.id, (d) => void (d.source = v))}
      />
      <SelectField
        label="Invokes"
        value={trigger.functionId}
        options={functions.map((f) => ({ value: f.id, label: f.name }))}
        onChange={(v) => connectResources(trigger.id, v)}
      />
      <NumberField
        label="Events per second"
        value={trigger.eventsPerSecond}
        min={0}
        max={MAX_LOAD_PER_SECOND}
        step={0.1}
        onChange={(v) =>
          v !== null && updateResource<LambdaTrigger>(trigger.id, (d) => void (d.eventsPerSecond = v), 'rate')
        }
      />
      <SelectField
        label="Load shape"
        value={trigger.load.shape}
        options={[
          { value: 'constant', label: 'Constant' },
          { value: 'ramp', label: 'Ramp up over 60 s' },
          { value: 'spike', label: 'Spike (peak for 2 minutes)' },
          { value: 'daily', label: 'Daily curve' },
          { value: 'schedule', label: 'Schedule (one event a minute)' },
        ]}
        onChange={(shape) => setLoadShape(trigger.id, shape, useSimStore.getState().frame?.now ?? 0)}
      />
      {trigger.load.shape === 'spike' && (
        <NumberField
          label="Spike peak (events per second)"
          value={trigger.load.peak}
          min={0}
          max={MAX_LOAD_PER_SECOND}
          onChange={(v) =>
            v !== null &&
            updateResource<LambdaTrigger>(
              trigger.id,
              (d) => void (d.load.shape === 'spike' && (d.load.peak = v)),
              'peak',
            )
          }
        />
      )}
    </Section>
  );
}

export function EcsServiceEditor({ resource: service }: EditorProps<EcsService>) {
  const memories = FARGATE_TASK_SIZES.get(service.taskCpu) ?? [];
  const fargate = service.launchType === 'FARGATE';
  return (
    <Section title="Service">
      <SelectField
        label="Launch type"
        value={service.launchType}
        options={[
          { value: 'FARGATE', label: 'Fargate (serverless)' },
          { value: 'EC2', label: 'EC2 container instances' },
        ]}
        onChange={(v) => updateResource<EcsService>(service.id, (d) => void (d.launchType = v))}
      />
      <SelectField
        label="Task CPU"
        value={String(service.taskCpu)}
        options={[...FARGATE_TASK_SIZES.keys()].map((c) => ({
          value: String(c),
          label: `${c / 1024} vCPU (${c} units)`,
        }))}
        onChange={(v) => setTaskCpu(service.id, Number(v))}
      />
      {fargate ? (
        <SelectField
          label="Task memory"
          value={String(service.taskMemory)}
          error={memories.includes(service.taskMemory) ? null : 'Not a valid Fargate size for this CPU.'}
          options={[...new Set([service.taskMemory, ...memories])].map((m) => ({
            value: String(m),
            label: `${m.toLocaleString('en-US')} MiB`,
          }))}
          onChange={(v) => updateResource<EcsService>(service.id, (d) => void (d.taskMemory = Number(v)))}
        />
      ) : (
        <NumberField
          label="Task memory (MiB)"
          value={service.taskMemory}
          min={128}
          onChange={(v) =>
            v !== null && updateResource<EcsService>(service.id, (d) => void (d.taskMemory = v), 'memory')
          }
        />
      )}
      <NumberField
        label="Desired tasks"
        value={service.desiredCount}
        min={0}
        max={ECS_MAX_TASKS_PER_SERVICE}
        hint={`Up to ${ECS_MAX_TASKS_PER_SERVICE.toLocaleString('en-US')} (Amazon ECS quota "Tasks per service")`}
        onChange={(v) =>
          v !== null && updateResource<EcsService>(service.id, (d) => void (d.desiredCount = v), 'desired')
        }
      />
      <NumberField
        label="Requests per second (simulation)"
        value={service.requestsPerSecond}
        min={0}
        max={MAX_LOAD_PER_SECOND}
        onChange={(v) =>
          v !== null && updateResource<EcsService>(service.id, (d) => void (d.requestsPerSecond = v), 'rps')
        }
      />
      <CheckboxField
        label="Target tracking: add and remove tasks with the load"
        checked={service.scaling !== null}
        hint="Keeps about the target requests per task; adjusts at most once a minute."
        onChange={(on) => setServiceScaling(service.id, on)}
      />
      {service.scaling && (
        <NumberField
          label="Target requests per task"
          value={service.scaling.targetRequestsPerTask}
          min={1}
          onChange={(v) =>
            v !== null &&
            v > 0 &&
            updateResource<EcsService>(
              service.id,
              (d) => void (d.scaling && (d.scaling.targetRequestsPerTask = v)),
              'target',
            )
          }
        />
      )}
    </Section>
  );
}
