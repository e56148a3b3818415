import {
  AMIS,
  FARGATE_TASK_SIZES,
  findInstanceType,
  getResource,
  INSTANCE_TYPES,
  LambdaRuntimeSchema,
  resourcesOfKind,
  type Design,
  type Ec2Instance,
  type EcsService,
  type InternetGateway,
  type LambdaFunction,
  type LambdaTrigger,
  type NatGateway,
  type NetworkAcl,
  type Resource,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type VirtualPrivateGateway,
  type Vpc,
} from '../../domain';
import { networkAclForSubnet, routeTableForSubnet, subnetCidrClash, vpcCidrs } from '../../engine';
import { containsAddress, containsCidr, describeSubnet, isReservedAddress, parseCidr, parseIpv4 } from '../../net';
import { connectResources, setMainRouteTable, setVpcCidrs, updateResource } from '../../store';
import { CheckboxField, NumberField, Section, SelectField, smallButton, TextField } from './fields';
import { NaclRulesTable, RoutesTable, SgRulesTable } from './RuleTables';

type EditorProps<R> = { resource: R; design: Design };

function vpcCidrError(text: string): string | null {
  const parsed = parseCidr(text);
  if (!parsed.ok) return parsed.error;
  if (parsed.value.prefix < 16 || parsed.value.prefix > 28)
    return `A VPC block is /16 to /28; /${parsed.value.prefix} is not allowed.`;
  return null;
}

export function VpcEditor({ resource: vpc }: EditorProps<Vpc>) {
  return (
    <Section title="IPv4 CIDR blocks">
      <TextField
        label="Primary CIDR"
        mono
        value={vpc.cidr}
        error={vpcCidrError(vpc.cidr)}
        hint="/16 to /28, from a private range such as 10.0.0.0/16"
        onChange={(v) => setVpcCidrs(vpc.id, v, vpc.secondaryCidrs, 'cidr')}
      />
      {vpc.secondaryCidrs.map((block, index) => (
        <div key={index} className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              label={`Secondary CIDR ${index + 1}`}
              mono
              value={block}
              error={vpcCidrError(block)}
              onChange={(v) =>
                setVpcCidrs(
                  vpc.id,
                  vpc.cidr,
                  vpc.secondaryCidrs.map((b, i) => (i === index ? v : b)),
                  `secondary:${index}`,
                )
              }
            />
          </div>
          <button
            type="button"
            className={`${smallButton} mb-1`}
            onClick={() =>
              setVpcCidrs(
                vpc.id,
                vpc.cidr,
                vpc.secondaryCidrs.filter((_, i) => i !== index),
                'remove-secondary',
              )
            }
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className={`${smallButton} self-start`}
        disabled={vpc.secondaryCidrs.length >= 4}
        onClick={() => setVpcCidrs(vpc.id, vpc.cidr, [...vpc.secondaryCidrs, '100.64.0.0/16'], 'add-secondary')}
      >
        Add secondary CIDR
      </button>
    </Section>
  );
}

export function SubnetEditor({ resource: subnet, design }: EditorProps<Subnet>) {
  const vpc = getResource(design, subnet.vpcId, 'vpc');
  const parsed = parseCidr(subnet.cidr);
  let error: string | null = parsed.ok ? null : parsed.error;
  if (parsed.ok) {
    const clash = subnetCidrClash(design, subnet, parsed.value);
    if (parsed.value.prefix < 16 || parsed.value.prefix > 28)
      error = `A subnet is /16 to /28; /${parsed.value.prefix} is not allowed.`;
    else if (vpc && !vpcCidrs(vpc).some((range) => containsCidr(range, parsed.value)))
      error = `Not inside ${vpc.name} (${[vpc.cidr, ...vpc.secondaryCidrs].join(', ')}).`;
    else if (clash) error = `Overlaps ${clash.name} (${clash.cidr}).`;
  }
  const info = parsed.ok ? describeSubnet(parsed.value) : null;
  const tables = resourcesOfKind(design, 'routeTable').filter((t) => t.vpcId === subnet.vpcId);
  const acls = resourcesOfKind(design, 'networkAcl').filter((a) => a.vpcId === subnet.vpcId);
  return (
    <>
      <Section title="Addresses">
        <TextField
          label="IPv4 CIDR"
          mono
          value={subnet.cidr}
          error={error}
          hint={
            info
              ? `${info.usable.toLocaleString('en-US')} usable: ${info.firstUsable} – ${info.lastUsable} (AWS keeps 5)`
              : undefined
          }
          onChange={(v) => updateResource<Subnet>(subnet.id, (d) => void (d.cidr = v), 'cidr')}
        />
        <CheckboxField
          label="Auto-assign public IPv4 address"
          checked={subnet.mapPublicIpOnLaunch}
          hint="New instances here get a public address (billed hourly); they reach the internet only if the route table sends 0.0.0.0/0 to an internet gateway."
          onChange={(v) => updateResource<Subnet>(subnet.id, (d) => void (d.mapPublicIpOnLaunch = v))}
        />
      </Section>
      <Section title="Associations">
        <SelectField
          label="Route table"
          value={routeTableForSubnet(design, subnet)?.id ?? ''}
          options={tables.map((t) => ({ value: t.id, label: `${t.name}${t.main ? ' (main)' : ''}` }))}
          onChange={(id) => connectResources(subnet.id, id)}
        />
        <SelectField
          label="Network ACL"
          value={networkAclForSubnet(design, subnet)?.id ?? ''}
          options={acls.map((a) => ({ value: a.id, label: `${a.name}${a.isDefault ? ' (default)' : ''}` }))}
          onChange={(id) => connectResources(subnet.id, id)}
        />
      </Section>
    </>
  );
}

function privateIpError(design: Design, instance: { id: string; subnetId: string; privateIp: string }): string | null {
  const address = parseIpv4(instance.privateIp);
  if (!address.ok) return address.error;
  const subnet = getResource(design, instance.subnetId, 'subnet');
  const block = subnet ? parseCidr(subnet.cidr) : null;
  if (!subnet || !block?.ok) return null;
  if (!containsAddress(block.value, address.value)) return `Not inside ${subnet.name} (${block.value.text}).`;
  if (isReservedAddress(block.value, address.value))
    return 'AWS reserves this address (the first four and the last of a subnet).';
  const twin = [...resourcesOfKind(design, 'ec2Instance'), ...resourcesOfKind(design, 'natGateway')].find(
    (r) => r.id !== instance.id && r.privateIp === instance.privateIp,
  );
  return twin ? `${twin.name} already uses this address.` : null;
}

export function InstanceEditor({ resource: instance, design }: EditorProps<Ec2Instance>) {
  const subnet = getResource(design, instance.subnetId, 'subnet');
  const groups = resourcesOfKind(design, 'securityGroup').filter((g) => g.vpcId === subnet?.vpcId);
  const type = findInstanceType(instance.instanceType);
  const eips = resourcesOfKind(design, 'elasticIp');
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
        <p className="text-xs text-slate-500 dark:text-slate-400">
          State: {instance.state} (the simulation changes it)
        </p>
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
          hint="Changes on every stop/start; an Elastic IP stays."
          onChange={(v) => updateResource<Ec2Instance>(instance.id, (d) => void (d.publicIp = v))}
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
            onChange={(on) =>
              updateResource<Ec2Instance>(
                instance.id,
                (d) =>
                  void (d.securityGroupIds = on
                    ? [...d.securityGroupIds, g.id]
                    : d.securityGroupIds.filter((id) => id !== g.id)),
              )
            }
          />
        ))}
      </Section>
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

export function RouteTableEditor({ resource: table, design }: EditorProps<RouteTable>) {
  return (
    <>
      <Section title="Routes">
        <RoutesTable table={table} design={design} />
      </Section>
      <Section title="Main table">
        <CheckboxField
          label="Main route table of the VPC"
          checked={table.main}
          hint="Subnets without their own association use the main table."
          onChange={(on) => on && setMainRouteTable(table.id)}
        />
      </Section>
    </>
  );
}

export function NetworkAclEditor({ resource: acl }: EditorProps<NetworkAcl>) {
  return (
    <>
      <p className="px-4 pb-2 text-xs text-slate-500 dark:text-slate-400">
        Stateless: rules are checked lowest number first and the first match decides; replies need their own rule for
        ephemeral ports (1024-65535).
      </p>
      <Section title="Inbound rules">
        <NaclRulesTable acl={acl} direction="inbound" />
      </Section>
      <Section title="Outbound rules">
        <NaclRulesTable acl={acl} direction="outbound" />
      </Section>
    </>
  );
}

export function SecurityGroupEditor({ resource: group, design }: EditorProps<SecurityGroup>) {
  return (
    <>
      <p className="px-4 pb-2 text-xs text-slate-500 dark:text-slate-400">
        Stateful: replies to allowed traffic are always allowed. Allow rules only; anything not allowed is denied.
      </p>
      <Section title="Description">
        <TextField
          label="Description"
          value={group.description}
          onChange={(v) => updateResource<SecurityGroup>(group.id, (d) => void (d.description = v), 'description')}
        />
      </Section>
      <Section title="Inbound rules">
        <SgRulesTable group={group} direction="inbound" design={design} />
      </Section>
      <Section title="Outbound rules">
        <SgRulesTable group={group} direction="outbound" design={design} />
      </Section>
    </>
  );
}

export function GatewayEditor({ resource: gateway, design }: EditorProps<InternetGateway | VirtualPrivateGateway>) {
  const vpcs = resourcesOfKind(design, 'vpc');
  return (
    <Section title="Attachment">
      <SelectField
        label="Attached to"
        value={gateway.vpcId ?? ''}
        options={[
          { value: '', label: 'Detached' },
          ...vpcs.map((v) => ({ value: v.id, label: `${v.name} (${v.cidr})` })),
        ]}
        hint="A VPC takes one internet gateway and one virtual private gateway. Routes to a detached gateway are blackholes."
        onChange={(v) =>
          updateResource<InternetGateway>(gateway.id, (d) => void (d.vpcId = (v || null) as InternetGateway['vpcId']))
        }
      />
    </Section>
  );
}

export function NatGatewayEditor({ resource: nat, design }: EditorProps<NatGateway>) {
  const eips = resourcesOfKind(design, 'elasticIp');
  return (
    <Section title="NAT gateway">
      <SelectField
        label="Elastic IP"
        value={nat.elasticIpId ?? ''}
        options={[
          { value: '', label: 'None' },
          ...eips.map((e) => ({ value: e.id, label: `${e.publicIp} (${e.name})` })),
        ]}
        onChange={(v) =>
          updateResource<NatGateway>(nat.id, (d) => void (d.elasticIpId = (v || null) as NatGateway['elasticIpId']))
        }
      />
      <TextField
        label="Private IPv4"
        mono
        value={nat.privateIp}
        error={privateIpError(design, nat)}
        onChange={(v) => updateResource<NatGateway>(nat.id, (d) => void (d.privateIp = v), 'privateIp')}
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Lets private subnets start connections to the internet; nothing from the internet can start one back. $0.045/h
        plus $0.045/GB.
      </p>
    </Section>
  );
}

export function LambdaEditor({ resource: fn }: EditorProps<LambdaFunction>) {
  const set = <K extends keyof LambdaFunction>(key: K, value: LambdaFunction[K], field?: string) =>
    updateResource<LambdaFunction>(fn.id, (d) => void ((d as LambdaFunction)[key] = value), field);
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
        min={128}
        max={10240}
        hint="128 to 10,240 MB; CPU grows with memory (1,769 MB = 1 vCPU)"
        error={fn.memoryMb < 128 || fn.memoryMb > 10240 ? 'Lambda allows 128 to 10,240 MB.' : null}
        onChange={(v) => v !== null && set('memoryMb', v, 'memory')}
      />
      <NumberField
        label="Timeout (s)"
        value={fn.timeoutSeconds}
        min={1}
        max={900}
        error={fn.timeoutSeconds < 1 || fn.timeoutSeconds > 900 ? 'Lambda allows 1 to 900 seconds.' : null}
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
        max={900}
        allowEmpty
        hint="Empty: uses the unreserved pool"
        onChange={(v) => set('reservedConcurrency', v, 'reserved')}
      />
      <NumberField
        label="Provisioned concurrency"
        value={fn.provisionedConcurrency}
        min={0}
        onChange={(v) => v !== null && set('provisionedConcurrency', v, 'provisioned')}
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
        step={0.1}
        onChange={(v) =>
          v !== null && updateResource<LambdaTrigger>(trigger.id, (d) => void (d.eventsPerSecond = v), 'rate')
        }
      />
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
        onChange={(v) =>
          updateResource<EcsService>(service.id, (d) => {
            d.taskCpu = Number(v);
            const allowed = FARGATE_TASK_SIZES.get(d.taskCpu) ?? [];
            if (fargate && !allowed.includes(d.taskMemory)) d.taskMemory = allowed[0] ?? d.taskMemory;
          })
        }
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
        onChange={(v) =>
          v !== null && updateResource<EcsService>(service.id, (d) => void (d.desiredCount = v), 'desired')
        }
      />
    </Section>
  );
}

export const KIND_EDITORS: Partial<Record<Resource['kind'], (props: EditorProps<never>) => React.ReactNode>> = {
  vpc: VpcEditor,
  subnet: SubnetEditor,
  ec2Instance: InstanceEditor,
  routeTable: RouteTableEditor,
  networkAcl: NetworkAclEditor,
  securityGroup: SecurityGroupEditor,
  internetGateway: GatewayEditor,
  virtualPrivateGateway: GatewayEditor,
  natGateway: NatGatewayEditor,
  lambdaFunction: LambdaEditor,
  lambdaTrigger: TriggerEditor,
  ecsService: EcsServiceEditor,
};
