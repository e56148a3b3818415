import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourcesOfKind, type Design } from '../../domain/design';
import { importCloudFormation } from '.';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function imported(text: string, fileName: string) {
  const result = importCloudFormation(text, fileName);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const byName = (design: Design, name: string) => Object.values(design.resources).find((r) => r.name === name);

describe('a hand-written YAML template: a VPC over two zones with NAT gateways, instances, groups, and unmodelled types', () => {
  const { design, note } = imported(fixture('two-az-vpc.yaml'), 'two-az-vpc.yaml');

  it('draws the VPC from the parameter default, with what AWS creates beside it', () => {
    const [vpc] = resourcesOfKind(design, 'vpc');
    expect(vpc).toMatchObject({ name: 'prod-vpc', cidr: '10.20.0.0/16' });
    expect(resourcesOfKind(design, 'routeTable').filter((t) => t.main)).toHaveLength(1);
    expect(resourcesOfKind(design, 'securityGroup').filter((g) => g.isDefault)).toHaveLength(1);
    expect(resourcesOfKind(design, 'networkAcl').filter((a) => a.isDefault)).toHaveLength(1);
    expect(resourcesOfKind(design, 'region').map((r) => r.code)).toEqual(['us-east-1']);
  });

  it('computes !Cidr blocks and !GetAZs zones for the four subnets', () => {
    const subnets = resourcesOfKind(design, 'subnet').map((s) => {
      const zone = design.resources[s.azId];
      return [s.name, s.cidr, zone?.kind === 'availabilityZone' ? zone.zoneName : null, s.mapPublicIpOnLaunch];
    });
    expect(subnets).toEqual([
      ['public-a', '10.20.0.0/24', 'us-east-1a', true],
      ['public-b', '10.20.1.0/24', 'us-east-1b', true],
      ['private-a', '10.20.2.0/24', 'us-east-1a', false],
      ['private-b', '10.20.3.0/24', 'us-east-1b', false],
    ]);
    // Zones drawn in the VPC, nothing else placed: the app lays out the rest.
    expect(Object.keys(design.layout).sort()).toEqual(
      resourcesOfKind(design, 'availabilityZone')
        .map((z) => z.id)
        .sort(),
    );
  });

  it('reads a NAT gateway per zone with its Elastic IP, and the routes to them and to the internet gateway', () => {
    const nats = resourcesOfKind(design, 'natGateway');
    expect(nats.map((n) => design.resources[n.subnetId]?.name)).toEqual(['public-a', 'public-b']);
    expect(nats.every((n) => design.resources[n.elasticIpId ?? '']?.kind === 'elasticIp')).toBe(true);
    const igw = resourcesOfKind(design, 'internetGateway')[0]!;
    expect(igw.vpcId).toBe(resourcesOfKind(design, 'vpc')[0]!.id);
    const tables = resourcesOfKind(design, 'routeTable').filter((t) => !t.main);
    expect(
      tables.map((t) => [
        t.routes.map((r) => `${r.destination}→${design.resources[r.target]?.kind ?? r.target}`),
        t.subnetIds.map((id) => design.resources[id]?.name),
      ]),
    ).toEqual([
      [
        ['10.20.0.0/16→local', '0.0.0.0/0→internetGateway'],
        ['public-a', 'public-b'],
      ],
      [['10.20.0.0/16→local', '0.0.0.0/0→natGateway'], ['private-a']],
      [['10.20.0.0/16→local', '0.0.0.0/0→natGateway'], ['private-b']],
    ]);
  });

  it('reads groups that name each other, inline and as separate rules', () => {
    const web = resourcesOfKind(design, 'securityGroup').find((g) => g.description === 'HTTPS from anywhere')!;
    const app = resourcesOfKind(design, 'securityGroup').find((g) => g.description === '8080 from the web tier')!;
    expect(web.inbound.map((r) => [r.ports, r.peer])).toEqual([
      [
        { from: 443, to: 443 },
        { type: 'cidr', cidr: '0.0.0.0/0' },
      ],
      [
        { from: 9000, to: 9000 },
        { type: 'securityGroup', groupId: app.id },
      ],
      // `!Sub "${WebA.PublicIp}/32"` is known once deployed.
      [
        { from: 22, to: 22 },
        { type: 'cidr', cidr: '' },
      ],
    ]);
    expect(app.inbound[0]!.peer).toEqual({ type: 'securityGroup', groupId: web.id });
    // Without egress rules AWS allows all out; with them, only those.
    expect(web.outbound).toEqual([
      { protocol: 'all', ports: null, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: 'All outbound traffic' },
    ]);
    expect(app.outbound.map((r) => r.ports)).toEqual([{ from: 5432, to: 5432 }]);
  });

  it('reads instances: SSM AMI, FindInMap and If, public addresses from the subnet, the condition-false one left out', () => {
    const instances = resourcesOfKind(design, 'ec2Instance').map((i) => [
      i.name,
      i.amiId,
      i.instanceType,
      i.publicIp,
      design.resources[i.subnetId]?.name,
    ]);
    expect(instances).toEqual([
      ['web-a', 'ami-0a1b2c3d4e5f60001', 't3.small', true, 'public-a'],
      ['web-b', 'ami-0a1b2c3d4e5f60001', 't3.small', true, 'public-b'],
      ['app-a', 'ami-0123456789abcdef0', 'm7i.large', false, 'private-a'],
    ]);
    expect(byName(design, 'app-a')).toMatchObject({ privateIp: '10.20.2.10' });
    expect(note.warnings).toContain(
      "DevOnlyBox is left out: its condition IsDev is false with the parameters' defaults.",
    );
  });

  it('lists the unmodelled types with counts and the values known only once deployed', () => {
    expect(note.source).toBe('cloudformation');
    expect(note.unsupported).toEqual([
      { type: 'AWS::SNS::Topic', count: 1 },
      { type: 'AWS::SQS::Queue', count: 2 },
    ]);
    expect(note.unknownValues).toContain(
      'AdminSsh.CidrIp: !Sub "${WebA.PublicIp}/32" (${WebA.PublicIp} is known once deployed)',
    );
    expect(note.unknownValues.some((v) => v.startsWith('NatEipA.PublicIp'))).toBe(true);
  });
});

describe('a hand-written JSON template: two peered VPCs, a function and a queue', () => {
  const { design, note } = imported(fixture('peered.json'), 'peered.json');

  it('reads the peering and its route, the zones’ Region, the function in the VPC’s default group', () => {
    const [left, right] = resourcesOfKind(design, 'vpc');
    expect(resourcesOfKind(design, 'vpcPeeringConnection')[0]).toMatchObject({
      requesterVpcId: left!.id,
      accepterVpcId: right!.id,
    });
    const table = resourcesOfKind(design, 'routeTable').find((t) => !t.main)!;
    expect(table.routes[1]).toEqual({
      destination: '10.2.0.0/16',
      target: resourcesOfKind(design, 'vpcPeeringConnection')[0]!.id,
    });
    expect(resourcesOfKind(design, 'region').map((r) => r.code)).toEqual(['eu-west-1']);
    const fn = resourcesOfKind(design, 'lambdaFunction')[0]!;
    const defaultGroup = resourcesOfKind(design, 'securityGroup').find((g) => g.isDefault && g.vpcId === left!.id)!;
    expect(fn).toMatchObject({ name: 'Worker', runtime: 'python3.13', memoryMb: 256, timeoutSeconds: 10 });
    expect(fn.vpcConfig).toEqual({
      subnetIds: [resourcesOfKind(design, 'subnet')[0]!.id],
      securityGroupIds: [defaultGroup.id],
    });
    expect(resourcesOfKind(design, 'lambdaTrigger')[0]).toMatchObject({ source: 'sqs', functionId: fn.id });
  });

  it('says what it could not bring in', () => {
    expect(note.unsupported).toEqual([{ type: 'AWS::SQS::Queue', count: 1 }]);
    expect(note.warnings).toContain('The parameter AccountName has no default: what it sets is unknown.');
    expect(note.unknownValues.some((v) => v.includes('parameter AccountName'))).toBe(true);
  });
});

describe('bad input gets one clear message', () => {
  const message = (text: string, name = 'bad.yaml') => {
    const result = importCloudFormation(text, name);
    return result.ok ? 'imported' : result.message;
  };

  it('refuses what is not YAML or JSON', () => {
    expect(message('Resources: [unclosed')).toMatch(/^bad\.yaml is not valid YAML/);
    expect(message('{"Resources": ', 'bad.json')).toMatch(/^bad\.json is not valid JSON/);
  });

  it('refuses YAML that is not a template', () => {
    expect(message('name: my shopping list\nitems: [eggs, milk]\n')).toBe(
      'bad.yaml: not a CloudFormation template (it has no Resources section).',
    );
    expect(message('Resources:\n  A:\n    Properties: {}\n')).toBe(
      'bad.yaml: the resource A has no Type, so this is not a CloudFormation template.',
    );
    expect(message('Resources:\n  A: !Foo bar\n')).toMatch(/not a CloudFormation template: Unresolved tag: !Foo/);
  });

  it('stops an alias bomb at once', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [from, to] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
      ['g', 'h'],
    ])
      lines.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(',')}]`);
    lines.push('Resources: {}');
    expect(message(lines.join('\n'))).toMatch(/resource exhaustion/);
  });

  it('names a !Ref to nothing, a !GetAtt to nothing and a cycle of conditions', () => {
    expect(message('Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Nowhere\n')).toBe(
      'bad.yaml: !Ref Nowhere names no parameter or resource of the template',
    );
    expect(
      message('Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !GetAtt Nowhere.VpcId\n'),
    ).toBe('bad.yaml: !GetAtt names Nowhere, which is not a resource of the template');
    expect(
      message('Conditions:\n  A: !Condition A\nResources:\n  S:\n    Type: AWS::SQS::Queue\n    Condition: A\n'),
    ).toBe('bad.yaml: the condition A refers to itself');
  });

  it('refuses a file past the size bound and nesting past the depth bound', () => {
    expect(message('#'.repeat(5_000_001))).toMatch(/too large to read/);
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { 'Fn::Base64': deep };
    expect(
      message(JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { P: deep } } } }), 'deep.json'),
    ).toBe('deep.json: nested more than 64 levels deep');
  });

  it('imports a template of only unmodelled types, and says so', () => {
    const result = importCloudFormation('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 'queue.yaml');
    expect(result.ok && result.note.unsupported).toEqual([{ type: 'AWS::SQS::Queue', count: 1 }]);
    expect(result.ok && result.note.warnings).toContain('Nimbus models none of the resource types in this template.');
  });
});

describe('intrinsic functions, evaluated as far as the template allows', () => {
  const template = `
Parameters:
  Zones: { Type: CommaDelimitedList, Default: "eu-west-1a,eu-west-1b" }
  Prefix: { Type: String, Default: "10.9" }
  Size: { Type: String, Default: large }
Conditions:
  Big: !Or [!Equals [!Ref Size, large], !Equals [!Ref Size, huge]]
  Both: !And [!Condition Big, !Not [!Equals [!Ref Prefix, "10.0"]]]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Join ["", [!Ref Prefix, ".0.0/16"]]
      Tags: [{ Key: Name, Value: !Sub ["\${Env}-\${AWS::Region}", { Env: staging }] }]
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]
      AvailabilityZone: !Select [1, !Ref Zones]
      MapPublicIpOnLaunch: !If [Both, true, false]
      Tags: [{ Key: Name, Value: !Select [0, !Split ["-", "first-second"]] }]
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Sub "\${Prefix}.1.0/24"
      AvailabilityZone: !ImportValue shared-zone
`;

  it('computes !Join, !Sub (both forms), !Split, !Select, !If with !And/!Or/!Not, list parameters; !ImportValue is unknown', () => {
    const { design, note } = imported(template, 'intrinsics.yaml');
    const [vpc] = resourcesOfKind(design, 'vpc');
    expect(vpc).toMatchObject({ cidr: '10.9.0.0/16', name: 'staging-eu-west-1' });
    const [a, b] = resourcesOfKind(design, 'subnet');
    expect(a).toMatchObject({ name: 'first', mapPublicIpOnLaunch: true, cidr: '' });
    expect(design.resources[a!.azId]).toMatchObject({ zoneName: 'eu-west-1b' });
    expect(b).toMatchObject({ cidr: '10.9.1.0/24' });
    // `!Cidr` of an attribute known only once deployed, and another stack's export, are unknown and said so.
    expect(note.unknownValues).toEqual([
      'A.CidrBlock: a !Cidr of Vpc.CidrBlock',
      'B.AvailabilityZone: !ImportValue "shared-zone" (another stack\'s export)',
    ]);
  });
});

describe('addresses the template leaves to AWS', () => {
  it('gives each instance its subnet’s lowest free address, and the note says it is Nimbus’s choice', () => {
    const result = importCloudFormation(
      `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.3.0.0/16 } }
  Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.3.1.0/24, AvailabilityZone: eu-west-1a } }
  Fixed: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Subnet, ImageId: ami-0123456789abcdef0, PrivateIpAddress: 10.3.1.4 } }
  Free: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Subnet, ImageId: ami-0123456789abcdef0 } }
`,
      'addresses.yaml',
    );
    if (!result.ok) throw new Error(result.message);
    const byLogicalName = Object.fromEntries(
      resourcesOfKind(result.design, 'ec2Instance').map((i) => [i.name, i.privateIp]),
    );
    // AWS reserves a subnet's first four addresses: 10.3.1.4 is the first an instance may have, and Fixed has it.
    expect(byLogicalName).toEqual({ Fixed: '10.3.1.4', Free: '10.3.1.5' });
    expect(result.note.unknownValues).toContain('Free.PrivateIpAddress: assigned at launch; Nimbus picked 10.3.1.5');
  });
});
