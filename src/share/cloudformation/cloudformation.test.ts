import { specification } from '@aws-cdk/cfnspec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateDesign,
  generateInstances,
  generateJoinedVpcs,
  generateMultiVpc,
  bigRuleDesign,
} from '../../../bench/generate';
import type { Design } from '../../domain/design';
import { parseWholeDesign } from '../../domain/parse';
import { TEMPLATES } from '../../scenarios/templates';
import { LESSONS } from '../../scenarios/learn/lessons';
import { SOLUTIONS } from '../../scenarios/learn/solutions';
import { IAC_FORMATS, recogniseIacFormat } from '../iac';
import { CLOUDFORMATION_JSON, CLOUDFORMATION_YAML, designToTemplate, importCloudFormation, templateText } from '.';
import { validateDesign } from '../../engine';

type CfnProps = Record<string, unknown>;
import { DesignBuilder } from '../../domain/builder';
import { AMIS } from '../../domain/catalogs/amis';
import {
  createElasticIp,
  createNatGateway,
  createNetworkAcl,
  createRouteTable,
  createSecurityGroup,
} from '../../domain/factories';
import type { NaclRule, SgRule } from '../../domain/kinds';
import { asResourceId, type SecurityGroupId } from '../../domain/ids';

/** Every design the checks run over: the templates, each lesson's start and solution, the benchmark's generators. */
const DESIGNS: [string, () => Design][] = [
  ...TEMPLATES.map((t): [string, () => Design] => [`template ${t.id}`, t.build]),
  ...LESSONS.map((l): [string, () => Design] => [`lesson ${l.id} start`, () => l.start]),
  ...LESSONS.filter((l) => Object.hasOwn(SOLUTIONS, l.id)).map((l): [string, () => Design] => [
    `lesson ${l.id} solution`,
    () => SOLUTIONS[l.id]!(l.start),
  ]),
  ['generated design of 300', () => generateDesign(300)],
  ['generated instances 60', () => generateInstances(60)],
  ['generated multi-VPC', () => generateMultiVpc(40, 4)],
  ['generated joined VPCs', () => generateJoinedVpcs(40, 4)],
  ['generated big rules', () => bigRuleDesign(200, 10)],
];

const plain = (design: Design) => JSON.parse(JSON.stringify(design)) as unknown;

// ---- generated designs: VPCs with subnets, gateways, groups and ACLs of random rules, instances ----

const protocolArb = fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'all' as const, 50);
const ruleArb = fc.record({
  protocol: protocolArb,
  from: fc.integer({ min: 0, max: 65_000 }),
  span: fc.integer({ min: 0, max: 500 }),
  peer: fc.constantFrom('cidr', 'self', 'other', 'default'),
  cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '203.0.113.0/24'),
  description: fc.constantFrom('', 'SSH from the office'),
  deny: fc.boolean(),
});
type RuleSeed = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;
const instanceArb = fc.record({
  publicIp: fc.boolean(),
  ami: fc.constantFrom(...AMIS.map((a) => a.id), 'ami-0123456789abcdef0'),
  state: fc.constantFrom('running' as const, 'stopped' as const),
  elasticIp: fc.boolean(),
});
const vpcArb = fc.record({
  subnets: fc.array(fc.record({ public: fc.boolean(), instances: fc.array(instanceArb, { maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  internetGateway: fc.boolean(),
  natGateway: fc.boolean(),
  inbound: fc.array(ruleArb, { maxLength: 4 }),
  outbound: fc.array(ruleArb, { maxLength: 3 }),
  defaultGroupRules: fc.array(ruleArb, { maxLength: 2 }),
  aclRules: fc.array(ruleArb, { maxLength: 4 }),
  defaultAclRules: fc.array(ruleArb, { maxLength: 2 }),
  groupDescription: fc.constantFrom('', 'Web servers'),
});

const arbitraryDesign = fc.array(vpcArb, { minLength: 1, maxLength: 3 }).map((vpcs) => {
  const b = new DesignBuilder('Generated');
  const region = b.region('eu-west-1');
  vpcs.forEach((seed, v) => {
    const vpc = b.vpc(region, `10.${v}.0.0/16`, `VPC ${v}`);
    const zones = ['eu-west-1a', 'eu-west-1b'].map((name) => b.zone(region, name, vpc));
    const group = b.add(createSecurityGroup(b.ids, vpc.vpc.id, `group-${v}`, seed.groupDescription));
    const other = b.add(createSecurityGroup(b.ids, vpc.vpc.id, `other-${v}`));
    const peerOf = (r: RuleSeed): SgRule['peer'] =>
      r.peer === 'cidr'
        ? { type: 'cidr', cidr: r.cidr }
        : {
            type: 'securityGroup',
            groupId: (r.peer === 'self' ? group : r.peer === 'other' ? other : vpc.defaultSecurityGroup)
              .id as SecurityGroupId,
          };
    const ports = (r: RuleSeed) =>
      r.protocol === 'tcp' || r.protocol === 'udp' ? { from: r.from, to: r.from + r.span } : null;
    const sgRule = (r: RuleSeed): SgRule => ({
      protocol: r.protocol,
      ports: ports(r),
      peer: peerOf(r),
      description: r.description,
    });
    const aclRule = (r: RuleSeed, i: number): NaclRule => ({
      ruleNumber: (i + 1) * 10,
      protocol: r.protocol,
      ports: ports(r),
      cidr: r.cidr,
      action: r.deny ? 'deny' : 'allow',
    });
    group.inbound = seed.inbound.map(sgRule);
    group.outbound = seed.outbound.map(sgRule);
    vpc.defaultSecurityGroup.inbound.push(...seed.defaultGroupRules.map(sgRule));
    vpc.defaultNetworkAcl.inbound.push(...seed.defaultAclRules.map((r, i) => aclRule(r, i + 1)));
    const acl = b.add(createNetworkAcl(b.ids, vpc.vpc.id, `ACL ${v}`));
    acl.inbound = seed.aclRules.map(aclRule);
    acl.outbound = seed.aclRules.map(aclRule).reverse();
    const gateway = seed.internetGateway ? b.internetGateway(vpc) : null;
    const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, `Public ${v}`));
    if (gateway) b.route(publicTable, '0.0.0.0/0', gateway.id);
    let nat: string | null = null;
    seed.subnets.forEach((subnetSeed, s) => {
      const subnet = b.subnet(vpc, zones[s % 2]!, `10.${v}.${s}.0/24`, `Subnet ${v}.${s}`, {
        public: subnetSeed.public,
      });
      if (subnetSeed.public) publicTable.subnetIds.push(subnet.id);
      if (s === 1) acl.subnetIds.push(subnet.id);
      if (s === 0 && seed.natGateway) {
        const address = b.add(createElasticIp(b.ids, `198.51.100.${v + 1}`));
        nat = b.add(createNatGateway(b.ids, subnet.id, address.id, `10.${v}.${s}.5`)).id;
      }
      subnetSeed.instances.forEach((i, n) => {
        const instance = b.instance(
          subnet,
          `10.${v}.${s}.${10 + n}`,
          [group.id as SecurityGroupId],
          `Host ${v}.${s}.${n}`,
        );
        instance.amiId = i.ami;
        instance.publicIp = i.publicIp;
        instance.state = i.state;
        if (i.elasticIp) instance.elasticIpId = b.add(createElasticIp(b.ids, `192.0.2.${v * 20 + s * 5 + n + 1}`)).id;
      });
    });
    if (nat) {
      const privateTable = b.add(createRouteTable(b.ids, vpc.vpc, `Private ${v}`));
      b.route(privateTable, '0.0.0.0/0', nat);
    }
  });
  return b.build();
});

describe('CloudFormation round trip: design → template → the same design', () => {
  for (const [name, build] of DESIGNS) {
    for (const syntax of ['yaml', 'json'] as const) {
      it(`${name} (${syntax})`, () => {
        const design = build();
        const back = importCloudFormation(templateText(design, syntax), `design.${syntax}`);
        if (!back.ok) throw new Error(back.message);
        expect(plain(back.design)).toEqual(plain(design));
        expect(back.note.unsupported).toEqual([]);
      });
    }
  }

  it('holds over generated designs (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        const checked = parseWholeDesign(plain(design));
        if (!checked.ok) throw new Error(checked.errors.join('; '));
        for (const syntax of ['yaml', 'json'] as const) {
          const back = importCloudFormation(templateText(checked.design, syntax), `design.${syntax}`);
          if (!back.ok) throw new Error(back.message);
          expect(plain(back.design)).toEqual(plain(checked.design));
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('is recognised by the format table and read back by its own entry', () => {
    const design = TEMPLATES[1]!.build();
    for (const format of IAC_FORMATS.filter((f) => f.id.startsWith('cloudformation'))) {
      const [file] = format.exportDesign(design);
      expect(recogniseIacFormat(file!.text, file!.name)?.id).toBe(format.id);
      const back = format.importText(file!.text, file!.name);
      expect(back.ok && plain(back.design)).toEqual(plain(design));
    }
  });
});

// ---- the specification check -----------------------------------------------

interface SpecProperty {
  Required?: boolean;
  PrimitiveType?: string;
  Type?: string;
  ItemType?: string;
  PrimitiveItemType?: string;
}
interface SpecType {
  Properties?: Record<string, SpecProperty>;
  Attributes?: Record<string, unknown>;
}
const SPEC = specification() as unknown as {
  ResourceTypes: Record<string, SpecType>;
  PropertyTypes: Record<string, SpecType & SpecProperty>;
  ResourceSpecificationVersion: string;
};

const isIntrinsic = (v: unknown) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
};

function primitiveProblem(value: unknown, primitive: string): string | null {
  if (isIntrinsic(value)) return null;
  switch (primitive) {
    case 'String':
      return typeof value === 'string' ? null : `a String, not ${JSON.stringify(value)}`;
    case 'Integer':
    case 'Long':
      return Number.isInteger(value) ? null : `an ${primitive}, not ${JSON.stringify(value)}`;
    case 'Double':
      return typeof value === 'number' ? null : `a Double, not ${JSON.stringify(value)}`;
    case 'Boolean':
      return typeof value === 'boolean' ? null : `a Boolean, not ${JSON.stringify(value)}`;
    default:
      return null; // Json, Timestamp: any shape
  }
}

/** Problems of one property value against its specification: shape, nested property names, required ones. */
function checkValue(resourceType: string, path: string, value: unknown, spec: SpecProperty, problems: string[]) {
  if (spec.PrimitiveType) {
    const problem = primitiveProblem(value, spec.PrimitiveType);
    if (problem) problems.push(`${path}: must be ${problem}`);
    return;
  }
  if (spec.Type === 'List') {
    if (isIntrinsic(value)) return;
    if (!Array.isArray(value)) return void problems.push(`${path}: must be a list`);
    value.forEach((item, i) =>
      checkValue(
        resourceType,
        `${path}[${i}]`,
        item,
        spec.PrimitiveItemType ? { PrimitiveType: spec.PrimitiveItemType } : { Type: spec.ItemType },
        problems,
      ),
    );
    return;
  }
  if (spec.Type === 'Map') return;
  if (spec.Type) {
    const type = SPEC.PropertyTypes[`${resourceType}.${spec.Type}`] ?? SPEC.PropertyTypes[spec.Type];
    if (!type) return void problems.push(`${path}: the specification has no property type ${spec.Type}`);
    if (isIntrinsic(value)) return;
    checkProperties(resourceType, path, value, type.Properties ?? {}, problems);
  }
}

function checkProperties(
  resourceType: string,
  path: string,
  value: unknown,
  properties: Record<string, SpecProperty>,
  problems: string[],
) {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return void problems.push(`${path}: must be an object`);
  for (const [name, item] of Object.entries(value)) {
    const spec = properties[name];
    if (!spec) problems.push(`${path}.${name}: ${resourceType} has no such property`);
    else checkValue(resourceType, `${path}.${name}`, item, spec, problems);
  }
  for (const [name, spec] of Object.entries(properties))
    if (spec.Required && !Object.hasOwn(value, name)) problems.push(`${path}.${name}: required, missing`);
}

/** Every `Ref` names a parameter, a resource or a pseudo parameter; every `GetAtt` an attribute of its resource's type. */
function checkReferences(
  template: Record<string, unknown>,
  resources: Record<string, { Type: string }>,
  problems: string[],
) {
  const parameters = new Set(Object.keys((template.Parameters as object | undefined) ?? {}));
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) return v.forEach((item, i) => walk(item, `${at}[${i}]`));
    if (!v || typeof v !== 'object') return;
    const record = v as Record<string, unknown>;
    if (typeof record.Ref === 'string') {
      const name = record.Ref;
      if (!name.startsWith('AWS::') && !parameters.has(name) && !Object.hasOwn(resources, name))
        problems.push(`${at}: !Ref ${name} names nothing`);
    }
    const att = record['Fn::GetAtt'];
    if (Array.isArray(att)) {
      const [logical, attribute] = att as [string, string];
      const type = resources[logical]?.Type;
      if (!type) problems.push(`${at}: !GetAtt ${logical} names no resource`);
      else if (!Object.hasOwn(SPEC.ResourceTypes[type]?.Attributes ?? {}, attribute))
        problems.push(`${at}: ${type} has no attribute ${attribute}`);
    }
    for (const [k, item] of Object.entries(record)) if (k !== 'Metadata') walk(item, `${at}.${k}`);
  };
  walk(template.Resources, 'Resources');
  walk(template.Outputs, 'Outputs');
}

function specificationProblems(design: Design): string[] {
  const template = JSON.parse(JSON.stringify(designToTemplate(design))) as Record<string, unknown>;
  const resources = template.Resources as Record<string, { Type: string; Properties?: unknown; DependsOn?: string[] }>;
  const problems: string[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!/^[A-Za-z0-9]{1,255}$/.test(logicalId)) problems.push(`${logicalId}: not a valid logical id`);
    const type = SPEC.ResourceTypes[resource.Type];
    if (!type) {
      problems.push(`${logicalId}: ${resource.Type} is not a CloudFormation resource type`);
      continue;
    }
    checkProperties(resource.Type, logicalId, resource.Properties ?? {}, type.Properties ?? {}, problems);
    for (const dependency of resource.DependsOn ?? [])
      if (!Object.hasOwn(resources, dependency)) problems.push(`${logicalId}: DependsOn ${dependency} names nothing`);
  }
  checkReferences(template, resources, problems);
  return problems;
}

describe(`the CloudFormation resource specification check (@aws-cdk/cfnspec, specification ${SPEC.ResourceSpecificationVersion})`, () => {
  for (const [name, build] of DESIGNS)
    it(`${name} exports a template whose types, properties, required properties and attributes all exist`, () => {
      expect(specificationProblems(build())).toEqual([]);
    });

  it('holds over generated designs (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        const checked = parseWholeDesign(plain(design));
        if (!checked.ok) throw new Error(checked.errors.join('; '));
        expect(specificationProblems(checked.design)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('bites: a wrong property, a missing required one and a wrong attribute are reported', () => {
    const problems: string[] = [];
    checkProperties(
      'AWS::EC2::Subnet',
      'S',
      { VpcId: { Ref: 'V' }, Colour: 'red', MapPublicIpOnLaunch: 'yes' },
      SPEC.ResourceTypes['AWS::EC2::Subnet']!.Properties!,
      problems,
    );
    checkProperties(
      'AWS::EC2::SecurityGroup',
      'G',
      {},
      SPEC.ResourceTypes['AWS::EC2::SecurityGroup']!.Properties!,
      problems,
    );
    checkReferences(
      { Resources: { V: { Type: 'AWS::EC2::VPC', Properties: { X: { 'Fn::GetAtt': ['V', 'Colour'] } } } } },
      { V: { Type: 'AWS::EC2::VPC' } },
      problems,
    );
    expect(problems).toEqual([
      'S.Colour: AWS::EC2::Subnet has no such property',
      'S.MapPublicIpOnLaunch: must be a Boolean, not "yes"',
      'G.GroupDescription: required, missing',
      'Resources.V.Properties.X: AWS::EC2::VPC has no attribute Colour',
    ]);
  });
});

// ---- what the template deploys, read as AWS reads it --------------------------

/** The template as a user would deploy it by hand: Nimbus's metadata taken away. */
const withoutMetadata = (design: Design) => {
  const template = JSON.parse(JSON.stringify(designToTemplate(design))) as Record<string, unknown>;
  delete template.Metadata;
  return JSON.stringify(template);
};

describe('a main route table with routes of its own', () => {
  const build = () => {
    const b = new DesignBuilder('Main routes');
    const region = b.region('eu-west-1');
    const vpc = b.vpc(region, '10.0.0.0/16', 'V');
    const zone = b.zone(region, 'eu-west-1a', vpc);
    const gateway = b.internetGateway(vpc);
    const publicSubnet = b.subnet(vpc, zone, '10.0.0.0/24', 'pub', { public: true });
    const design = b.build();
    const main = Object.values(design.resources).find((r) => r.kind === 'routeTable' && r.main);
    if (main?.kind !== 'routeTable') throw new Error('the VPC has no main table');
    main.routes.push({ destination: '0.0.0.0/0', target: asResourceId(gateway.id) });
    return { design, main, publicSubnet };
  };

  it('is written as a table with that route, associated with the subnets that use it', () => {
    const { design, main, publicSubnet } = build();
    const resources = Object.values(designToTemplate(design).Resources);
    const tables = resources.filter((r) => r.Type === 'AWS::EC2::RouteTable');
    expect(tables).toHaveLength(1);
    expect(resources.filter((r) => r.Type === 'AWS::EC2::Route').map((r) => r.Properties)).toEqual([
      expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'InternetGateway' } }),
    ]);
    const associations = resources.filter((r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation');
    expect(associations.map((a) => a.Properties?.SubnetId)).toEqual([{ Ref: 'Pub' }]);
    expect(specificationProblems(design)).toEqual([]);
    // With the metadata, it comes back as the main table it was.
    const back = importCloudFormation(templateText(design, 'json'), 'x.json');
    if (!back.ok) throw new Error(back.message);
    expect(back.design.resources[main.id]).toEqual(main);
    expect(Object.values(back.design.resources).filter((r) => r.kind === 'routeTable')).toHaveLength(1);
    // Without it, as AWS deploys it: the VPC's own main table, and the written one holding the subnet.
    const deployed = importCloudFormation(withoutMetadata(design), 'x.json');
    if (!deployed.ok) throw new Error(deployed.message);
    const written = Object.values(deployed.design.resources).find((r) => r.kind === 'routeTable' && !r.main);
    expect(written).toMatchObject({ subnetIds: [publicSubnet.id] });
    expect(written?.kind === 'routeTable' && written.routes.map((r) => r.destination)).toEqual([
      '10.0.0.0/16',
      '0.0.0.0/0',
    ]);
  });
});

describe('security group egress as AWS creates it (AWS CloudFormation User Guide, AWS::EC2::SecurityGroup, SecurityGroupEgress)', () => {
  const vpcYaml = (groups: string) => `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
${groups}`;
  const groupNamed = (text: string, name: string) => {
    const result = importCloudFormation(text, 'x.yaml');
    if (!result.ok) throw new Error(result.message);
    const group = Object.values(result.design.resources).find((r) => r.kind === 'securityGroup' && r.name === name);
    if (group?.kind !== 'securityGroup') throw new Error(`no group ${name}`);
    return group;
  };

  it('a group with no outbound rules deploys with none: one rule that matches nothing, read back as none', () => {
    const b = new DesignBuilder('No egress');
    const vpc = b.vpc(b.region('eu-west-1'), '10.0.0.0/16', 'V');
    const group = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'noout', 'no outbound'));
    group.outbound = [];
    const design = b.build();
    const written = designToTemplate(design).Resources.Noout?.Properties?.SecurityGroupEgress;
    expect(written).toEqual([
      expect.objectContaining({ IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32' }),
    ]);
    expect(groupNamed(withoutMetadata(design), 'noout').outbound).toEqual([]);
    expect(specificationProblems(design)).toEqual([]);
  });

  it('a hand-written group without egress rules, or with `SecurityGroupEgress: []`, gets all traffic out', () => {
    const text = vpcYaml(`
  Absent:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: absent, GroupName: absent, VpcId: !Ref Vpc }
  Empty:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: empty, GroupName: empty, VpcId: !Ref Vpc, SecurityGroupEgress: [] }
`);
    const allOut = [expect.objectContaining({ protocol: 'all', peer: { type: 'cidr', cidr: '0.0.0.0/0' } })];
    expect(groupNamed(text, 'absent').outbound).toEqual(allOut);
    expect(groupNamed(text, 'empty').outbound).toEqual(allOut);
  });

  it('a separate AWS::EC2::SecurityGroupEgress takes the default away: only that rule', () => {
    const text = vpcYaml(`
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: web, GroupName: web, VpcId: !Ref Vpc }
  WebOut:
    Type: AWS::EC2::SecurityGroupEgress
    Properties: { GroupId: !GetAtt Web.GroupId, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8 }
`);
    expect(groupNamed(text, 'web').outbound).toEqual([
      { protocol: 'tcp', ports: { from: 443, to: 443 }, peer: { type: 'cidr', cidr: '10.0.0.0/8' }, description: '' },
    ]);
  });

  it('an IPv6-only rule is left out with a warning, never read as 0.0.0.0/0', () => {
    const text = vpcYaml(`
  V6Only:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh from ipv6 office
      GroupName: v6
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIpv6: "2001:db8::/32" }
`);
    const result = importCloudFormation(text, 'x.yaml');
    if (!result.ok) throw new Error(result.message);
    expect(groupNamed(text, 'v6').inbound).toEqual([]);
    expect(result.note.warnings).toContainEqual(expect.stringContaining('IPv6 2001:db8::/32 was left out'));
  });
});

describe('the default network ACL and group: what CloudFormation can and cannot say', () => {
  it('rule 100 of the default ACL is not written (AWS holds it: NetworkAclEntryAlreadyExists) and the export says so', () => {
    const b = new DesignBuilder('Default ACL');
    const vpc = b.vpc(b.region('eu-west-1'), '10.0.0.0/16', 'V');
    vpc.defaultNetworkAcl.inbound = [
      { ruleNumber: 100, protocol: 'tcp', ports: { from: 22, to: 22 }, cidr: '0.0.0.0/0', action: 'deny' },
      { ruleNumber: 110, protocol: 'tcp', ports: { from: 80, to: 80 }, cidr: '0.0.0.0/0', action: 'allow' },
    ];
    vpc.defaultSecurityGroup.outbound = [];
    const design = b.build();
    const [file] = CLOUDFORMATION_JSON.exportDesign(design);
    const template = JSON.parse(file!.text) as { Resources: Record<string, { Type: string; Properties: CfnProps }> };
    const entries = Object.values(template.Resources).filter((r) => r.Type === 'AWS::EC2::NetworkAclEntry');
    expect(entries.map((e) => e.Properties.RuleNumber)).toEqual([110]);
    expect(file!.warnings).toEqual([
      expect.stringContaining("default network ACL's inbound rule 100 (allow all traffic) can't be removed"),
      expect.stringContaining("default network ACL's inbound rule 100 (deny tcp 0.0.0.0/0) was not written"),
      expect.stringContaining(`default security group's rule "all traffic out" can't be removed`),
    ]);
  });

  it('a design CloudFormation can say whole exports without warnings', () => {
    const b = new DesignBuilder('Plain');
    b.vpc(b.region('eu-west-1'), '10.0.0.0/16', 'V');
    expect(CLOUDFORMATION_YAML.exportDesign(b.build())[0]!.warnings).toBeUndefined();
  });
});

describe('what a template leaves to AWS', () => {
  const text = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Zoned:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1b }
  Unzoned:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  Pinned:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-12345678, InstanceType: t3.micro, SubnetId: !Ref Unzoned, PrivateIpAddress: 10.0.1.4 }
  Web:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-12345678, InstanceType: t3.micro, SubnetId: !Ref Unzoned }
`;
  const result = importCloudFormation(text, 'x.yaml');
  if (!result.ok) throw new Error(result.message);
  const byName = (name: string) => Object.values(result.design.resources).find((r) => r.name === name);

  it('a subnet without AvailabilityZone is drawn in the Region’s first zone, by its code', () => {
    const subnet = byName('Unzoned');
    const zone = subnet?.kind === 'subnet' ? result.design.resources[subnet.azId] : undefined;
    expect(zone).toMatchObject({ kind: 'availabilityZone', zoneName: 'eu-west-1a' });
  });

  it('an instance without PrivateIpAddress gets the subnet’s lowest free address, said as picked', () => {
    // The first four addresses of a subnet are AWS's (Amazon VPC User Guide, "Subnet CIDR blocks"); .4 is taken.
    expect(byName('Web')).toMatchObject({ privateIp: '10.0.1.5' });
    expect(result.note.unknownValues).toContain('Web.PrivateIpAddress: assigned at launch; Nimbus picked 10.0.1.5');
    expect(validateDesign(result.design).filter((i) => i.code === 'PRIVATE_IP_INVALID')).toEqual([]);
  });
});
