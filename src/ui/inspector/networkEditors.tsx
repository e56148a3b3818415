import {
  getResource,
  resourcesOfKind,
  type InternetGateway,
  type NatGateway,
  type NetworkAcl,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type VirtualPrivateGateway,
  type Vpc,
} from '../../domain';
import { networkAclForSubnet, routeTableForSubnet, subnetCidrClash, vpcCidrs } from '../../engine';
import { containsCidr, describeSubnet, parseCidr } from '../../net';
import { connectResources, setMainRouteTable, setVpcCidrs, updateResource } from '../../store';
import { CheckboxField, Section, SelectField, smallButton, TextField } from './fields';
import { NaclRulesTable } from './NaclRulesTable';
import { RoutesTable } from './RoutesTable';
import { SgRulesTable } from './SgRulesTable';
import { privateIpError } from './checks';
import type { EditorProps } from './editors';

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

/**
 * The routes gateway endpoints add to this table (destination the service's
 * prefix list): AWS lists them with the table's routes but they can't be
 * edited, only by changing the endpoint's tables (AWS PrivateLink, "Gateway endpoints").
 */
function EndpointRoutes({ table, design }: { table: RouteTable; design: EditorProps<RouteTable>['design'] }) {
  const endpoints = resourcesOfKind(design, 'vpcEndpoint').filter(
    (e) => e.type === 'gateway' && e.routeTableIds.includes(table.id),
  );
  if (endpoints.length === 0) return null;
  return (
    <ul aria-label="Gateway endpoint routes" className="text-xs text-slate-600 dark:text-slate-300">
      {endpoints.map((e) => {
        const list = getResource(design, e.prefixListId, 'managedPrefixList');
        return (
          <li key={e.id} className="font-mono">
            {list ? `${list.id} (${list.name})` : 'no prefix list'} → {e.name}{' '}
            <span className="font-sans text-slate-500">(added by the endpoint; not editable here)</span>
          </li>
        );
      })}
    </ul>
  );
}

export function RouteTableEditor({ resource: table, design }: EditorProps<RouteTable>) {
  return (
    <>
      <Section title="Routes">
        <RoutesTable table={table} design={design} />
        <EndpointRoutes table={table} design={design} />
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
        Stateful: replies to allowed traffic are allowed. A tracked connection stays open when its rule is removed; one
        let in from anywhere by a group that allows all traffic out is untracked and stops at once. Allow rules only;
        anything not allowed is denied.
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
