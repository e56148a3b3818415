import { protocolNumber } from '../../domain/common';
import type { Design, Resource } from '../../domain/design';
import type { NaclRule, SgRule } from '../../domain/kinds';
import { KIND_SPECS } from '../../domain/kinds/registry';
import { sidecarOf, type IacSidecar } from '../iac/sidecar';
import type { CfnProperties, CfnResource, CfnValue, ExportContext } from './context';
import { CFN_MAPPINGS } from './mapping';
import { readTemplateObject } from './import';

/** A CloudFormation template as Nimbus writes it. */
export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Metadata: { Nimbus: IacSidecar };
  Parameters?: Record<string, CfnProperties>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Description: string; Value: CfnValue }>;
}

/** Logical ids: letters and digits only, at most 255 (AWS CloudFormation User Guide, "Resources" section). */
const MAX_LOGICAL_ID = 255;

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** Whether a resource is written as CloudFormation, or kept whole in the metadata. */
export function inCode(resource: Resource, design: Design): boolean {
  const mapping = CFN_MAPPINGS[resource.kind];
  if ('inMetadataOnly' in mapping) return false;
  const check = mapping.inCode as ((r: Resource, d: Design) => boolean) | undefined;
  return check ? check(resource, design) : true;
}

/**
 * The template of a design: every resource CloudFormation can declare as its
 * real type, references as `Ref`/`Fn::GetAtt`, outputs for addresses, and the
 * rest in `Metadata.Nimbus`: Nimbus ids by logical id, the drawing, flows,
 * simulation settings, resources CloudFormation has no type for, and the
 * fields the code has no property for (found by reading the template back and
 * comparing, so whatever the mapping can't say is kept, never lost).
 */
export function designToTemplate(design: Design): CfnTemplate {
  return exportTemplate(design).template;
}

/** The template of a design, and what it could not say in a way CloudFormation accepts (see `designToTemplate`). */
export function exportTemplate(design: Design): { template: CfnTemplate; warnings: string[] } {
  const warnings: string[] = [];
  const taken = new Set<string>();
  const allocate = (base: string) => {
    const clean = (/^[A-Za-z]/.test(base) ? base : `R${base}`).slice(0, MAX_LOGICAL_ID - 6) || 'Resource';
    let name = clean;
    for (let n = 2; taken.has(name); n++) name = `${clean}${n}`;
    taken.add(name);
    return name;
  };
  const resources = Object.values(design.resources);
  const logical = new Map<string, string>();
  for (const resource of resources)
    if (inCode(resource, design))
      logical.set(
        resource.id,
        allocate(pascal(resource.name) || pascal(KIND_SPECS[resource.kind].label.replace(/^an? /, ''))),
      );

  const template: CfnTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${design.name}: exported by Nimbus`,
    Metadata: { Nimbus: sidecarOf(design) },
    Resources: {},
  };
  const parameters: Record<string, CfnProperties> = {};
  const outputs: NonNullable<CfnTemplate['Outputs']> = {};
  const vpcDefault = (id: string): CfnValue | undefined => {
    const r = design.resources[id];
    if ((r?.kind === 'securityGroup' || r?.kind === 'networkAcl') && r.isDefault && logical.has(r.vpcId))
      return {
        'Fn::GetAtt': [
          logical.get(r.vpcId)!,
          r.kind === 'securityGroup' ? 'DefaultSecurityGroup' : 'DefaultNetworkAcl',
        ],
      };
    return undefined;
  };
  const attachments = new Map<string, string>();
  const ctx: ExportContext = {
    design,
    ref: (id) => (id ? (vpcDefault(id) ?? (logical.has(id) ? { Ref: logical.get(id)! } : id)) : id),
    att: (id, attribute) => vpcDefault(id) ?? (logical.has(id) ? { 'Fn::GetAtt': [logical.get(id)!, attribute] } : id),
    logicalOf: (id) => logical.get(id),
    add(base, resource) {
      const name = allocate(base);
      template.Resources[name] = withoutEmptyDependsOn(resource);
      return name;
    },
    attachmentOf(gatewayId) {
      let name = attachments.get(gatewayId);
      if (!name) {
        name = allocate(`${logical.get(gatewayId) ?? 'Gateway'}Attachment`);
        attachments.set(gatewayId, name);
      }
      return name;
    },
    put(name, resource) {
      template.Resources[name] = withoutEmptyDependsOn(resource);
    },
    parameter(name, spec) {
      parameters[name] ??= spec;
      return { Ref: name };
    },
    output(name, value, description) {
      outputs[allocateOutput(outputs, name)] = { Description: description, Value: value };
    },
  };
  const ids: Record<string, string> = {};
  const extra: IacSidecar['extra'] = {};
  for (const resource of resources) {
    const name = logical.get(resource.id);
    if (!name) {
      extra[resource.id] = { ...resource };
      continue;
    }
    ids[name] = resource.id;
    const mapping = CFN_MAPPINGS[resource.kind];
    if ('inMetadataOnly' in mapping) continue;
    const write = mapping.write as (r: Resource, c: ExportContext) => CfnResource;
    template.Resources[name] = withoutEmptyDependsOn(write(resource, ctx));
  }
  // What each VPC comes with, by the VPC's logical id.
  for (const resource of resources) {
    if (resource.kind === 'vpc' && logical.has(resource.id)) continue;
    const vpcLogical =
      (resource.kind === 'securityGroup' || resource.kind === 'networkAcl') && resource.isDefault
        ? logical.get(resource.vpcId)
        : resource.kind === 'routeTable' && resource.main && !logical.has(resource.id)
          ? logical.get(resource.vpcId)
          : undefined;
    if (!vpcLogical) continue;
    const key =
      resource.kind === 'securityGroup'
        ? 'DefaultSecurityGroup'
        : resource.kind === 'networkAcl'
          ? 'DefaultNetworkAcl'
          : 'MainRouteTable';
    if (!Object.hasOwn(ids, `${vpcLogical}.${key}`)) {
      ids[`${vpcLogical}.${key}`] = resource.id;
      delete extra[resource.id];
    }
  }
  writeDefaultRules(design, logical, ctx, (text) => {
    if (!warnings.includes(text)) warnings.push(text);
  });
  if (Object.keys(parameters).length > 0) template.Parameters = parameters;
  if (Object.keys(outputs).length > 0) template.Outputs = outputs;
  template.Metadata.Nimbus = { ...template.Metadata.Nimbus, ids: ids as IacSidecar['ids'], extra };
  keepWhatTheCodeCantSay(design, template);
  return { template, warnings };
}

/** Rules and associations of a VPC's default group and ACL beyond AWS's own, written against `!GetAtt Vpc.Default…`. */
function writeDefaultRules(
  design: Design,
  logical: ReadonlyMap<string, string>,
  ctx: ExportContext,
  warn: (text: string) => void,
) {
  for (const resource of Object.values(design.resources)) {
    if (resource.kind === 'securityGroup' && resource.isDefault && logical.has(resource.vpcId)) {
      const base = `${logical.get(resource.vpcId)}DefaultGroup`;
      const vpcName = logical.get(resource.vpcId)!;
      const fromMembers = (r: SgRule) =>
        r.peer.type === 'securityGroup' && r.peer.groupId === resource.id && r.protocol === 'all';
      const toAnywhere = (r: SgRule) => r.protocol === 'all' && r.peer.type === 'cidr' && r.peer.cidr === '0.0.0.0/0';
      // CloudFormation adds rules to the default group; it can't take AWS's own away.
      if (!resource.inbound.some(fromMembers))
        warn(
          `${vpcName}: the default security group's rule "all traffic from members of this group" can't be removed in CloudFormation; the deployed group keeps it.`,
        );
      if (!resource.outbound.some(toAnywhere))
        warn(
          `${vpcName}: the default security group's rule "all traffic out" can't be removed in CloudFormation; the deployed group keeps it.`,
        );
      const own = resource.inbound.filter((r, i) => !(i === resource.inbound.findIndex(fromMembers) && fromMembers(r)));
      const out = resource.outbound.filter((r, i) => !(i === resource.outbound.findIndex(toAnywhere) && toAnywhere(r)));
      const group = ctx.att(resource.id, 'GroupId');
      own.forEach((rule) =>
        ctx.add(`${base}Ingress`, {
          Type: 'AWS::EC2::SecurityGroupIngress',
          Properties: { GroupId: group, ...ruleProps(rule, 'in', ctx) },
        }),
      );
      out.forEach((rule) =>
        ctx.add(`${base}Egress`, {
          Type: 'AWS::EC2::SecurityGroupEgress',
          Properties: { GroupId: group, ...ruleProps(rule, 'out', ctx) },
        }),
      );
    }
    if (resource.kind === 'networkAcl' && resource.isDefault && logical.has(resource.vpcId)) {
      const base = `${logical.get(resource.vpcId)}DefaultAcl`;
      const acl = ctx.ref(resource.id);
      const vpcName = logical.get(resource.vpcId)!;
      const awsOwn = (r: NaclRule) =>
        r.ruleNumber === 100 && r.protocol === 'all' && r.cidr === '0.0.0.0/0' && r.action === 'allow';
      // The default ACL already holds rule 100 (allow all) each way: an entry of that number is refused
      // (NetworkAclEntryAlreadyExists), and CloudFormation can't delete AWS's own entries.
      const beyondAws = (rules: readonly NaclRule[], direction: string) => {
        if (!rules.some(awsOwn))
          warn(
            `${vpcName}: the default network ACL's ${direction} rule 100 (allow all traffic) can't be removed or changed in CloudFormation; the deployed ACL keeps it.`,
          );
        return rules.filter((r) => {
          if (awsOwn(r)) return false;
          if (r.ruleNumber !== 100) return true;
          warn(
            `${vpcName}: the default network ACL's ${direction} rule 100 (${r.action} ${r.protocol} ${r.cidr}) was not written: AWS's own rule 100 holds that number, and CloudFormation refuses a second. Use another rule number or a network ACL of your own.`,
          );
          return false;
        });
      };
      for (const [rules, egress] of [
        [beyondAws(resource.inbound, 'inbound'), false],
        [beyondAws(resource.outbound, 'outbound'), true],
      ] as const)
        for (const rule of rules)
          ctx.add(`${base}${egress ? 'Out' : 'In'}${rule.ruleNumber}`, {
            Type: 'AWS::EC2::NetworkAclEntry',
            Properties: aclEntry(acl, rule, egress),
          });
      resource.subnetIds.forEach((subnetId) =>
        ctx.add(`${base}Association`, {
          Type: 'AWS::EC2::SubnetNetworkAclAssociation',
          Properties: { NetworkAclId: acl, SubnetId: ctx.ref(subnetId) },
        }),
      );
    }
  }
}

function ruleProps(rule: SgRule, direction: 'in' | 'out', ctx: ExportContext): CfnProperties {
  const props: CfnProperties = { IpProtocol: rule.protocol === 'all' ? '-1' : String(rule.protocol) };
  if (rule.ports) Object.assign(props, { FromPort: rule.ports.from, ToPort: rule.ports.to });
  else if (rule.protocol === 'icmp') Object.assign(props, { FromPort: -1, ToPort: -1 });
  if (rule.peer.type === 'cidr') props.CidrIp = rule.peer.cidr;
  else if (rule.peer.type === 'securityGroup')
    props[direction === 'in' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId'] = ctx.att(
      rule.peer.groupId,
      'GroupId',
    );
  else props[direction === 'in' ? 'SourcePrefixListId' : 'DestinationPrefixListId'] = ctx.ref(rule.peer.prefixListId);
  if (rule.description) props.Description = rule.description;
  return props;
}

function aclEntry(acl: CfnValue, rule: NaclRule, egress: boolean): CfnProperties {
  return {
    NetworkAclId: acl,
    RuleNumber: rule.ruleNumber,
    Protocol: protocolNumber(rule.protocol),
    RuleAction: rule.action,
    Egress: egress,
    CidrBlock: rule.cidr,
    ...(rule.ports ? { PortRange: { From: rule.ports.from, To: rule.ports.to } } : {}),
    ...(rule.protocol === 'icmp' ? { Icmp: { Code: -1, Type: -1 } } : {}),
  };
}

function withoutEmptyDependsOn(resource: CfnResource): CfnResource {
  if (resource.DependsOn && resource.DependsOn.length > 0) return resource;
  const { DependsOn: _, ...rest } = resource;
  return rest;
}

function allocateOutput(outputs: Record<string, unknown>, base: string) {
  let name = base;
  for (let n = 2; Object.hasOwn(outputs, name); n++) name = `${base}${n}`;
  return name;
}

/** The field of a resource in `extra` that records fields the code gave but the design lacks. */
export const ABSENT_FIELDS = '$absent';
/** Resources the code implies (say a VPC's default group) that the design does not have. */
export const NOT_IN_DESIGN = '$notInDesign';

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
};

/** Reads the template back and keeps, per resource, each field it doesn't give back as it was. */
function keepWhatTheCodeCantSay(design: Design, template: CfnTemplate) {
  const read = readTemplateObject(template, { forExport: true });
  if (!read.ok) throw new Error(`Nimbus wrote a template it can't read back: ${read.message}`);
  const sidecar = template.Metadata.Nimbus;
  const extra = sidecar.extra;
  for (const resource of Object.values(design.resources)) {
    const back = read.resources.get(resource.id);
    if (!back) {
      extra[resource.id] = { ...resource };
      continue;
    }
    const original = resource as unknown as Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    const absent: string[] = [];
    for (const key of new Set([...Object.keys(original), ...Object.keys(back)])) {
      if (same(original[key], back[key])) continue;
      if (Object.hasOwn(original, key)) fields[key] = original[key];
      else absent.push(key);
    }
    if (absent.length > 0) fields[ABSENT_FIELDS] = absent;
    if (Object.keys(fields).length > 0) extra[resource.id] = { ...(extra[resource.id] ?? {}), ...fields };
  }
  const implied = [...read.resources.keys()].filter((id) => !Object.hasOwn(design.resources, id));
  if (implied.length > 0) extra[NOT_IN_DESIGN] = { ids: implied };
}
