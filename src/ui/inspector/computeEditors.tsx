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
  MAX_LOAD_PER_SECOND,
  resourcesOfKind,
  type Ec2Instance,
  type EcsService,
} from '../../domain';

import { setInstanceSecurityGroup, setServiceScaling, setTaskCpu, updateResource, useLibraryStore } from '../../store';
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
