import type { Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  createNetworkAcl,
  createSecurityGroup,
  type Design,
  type Ec2Instance,
  type NetworkAcl,
  type Resource,
} from '../domain';
import {
  addFargateService,
  base,
  byName,
  codes,
  edit,
  fillSgInbound,
  fixedIds,
  lambda,
  one,
} from './testing/validationEdits';
import { validateDesign } from './validate';

/** Each rule is shown firing on a small edit of the valid sample design. */

describe('validateDesign', () => {
  it('finds nothing wrong in the valid sample design', () => {
    expect(validateDesign(base)).toEqual([]);
  });

  const cases: Array<[code: string, recipe: (d: Draft<Design>) => void]> = [
    ['VPC_CIDR_INVALID', (d) => void (one(d, 'vpc').cidr = '10.0.0.1/16')],
    ['VPC_CIDR_PREFIX', (d) => void (one(d, 'vpc').cidr = '10.0.0.0/15')],
    ['VPC_CIDR_PREFIX', (d) => void (one(d, 'vpc').secondaryCidrs = ['10.1.0.0/29'])],
    ['VPC_CIDR_PUBLIC_RANGE', (d) => void (one(d, 'vpc').secondaryCidrs = ['52.0.0.0/16'])],
    [
      'VPC_TOO_MANY_CIDRS',
      (d) =>
        void (one(d, 'vpc').secondaryCidrs = [
          '10.1.0.0/16',
          '10.2.0.0/16',
          '10.3.0.0/16',
          '10.4.0.0/16',
          '10.5.0.0/16',
        ]),
    ],
    ['VPC_SECONDARY_CIDR_OVERLAP', (d) => void (one(d, 'vpc').secondaryCidrs = ['10.0.128.0/17'])],
    ['VPC_SECONDARY_CIDR_RESTRICTED', (d) => void (one(d, 'vpc').secondaryCidrs = ['192.168.0.0/16'])],
    ['SUBNET_CIDR_INVALID', (d) => void (byName<Resource & { cidr: string }>(d, 'Private subnet').cidr = '10.0.2.0')],
    ['SUBNET_CIDR_PREFIX', (d) => void (byName<Resource & { cidr: string }>(d, 'Private subnet').cidr = '10.0.2.0/29')],
    ['SUBNET_OUTSIDE_VPC', (d) => void (byName<Resource & { cidr: string }>(d, 'Private subnet').cidr = '10.1.2.0/24')],
    ['SUBNET_OVERLAP', (d) => void (byName<Resource & { cidr: string }>(d, 'Private subnet').cidr = '10.0.0.0/23')],
    ['SUBNET_AZ_MISSING', (d) => void (one(d, 'subnet').azId = 'az-gone' as never)],
    ['SUBNET_VPC_MISSING', (d) => void (one(d, 'subnet').vpcId = 'vpc-gone' as never)],
    ['PRIVATE_IP_OUTSIDE_SUBNET', (d) => void (byName<Ec2Instance>(d, 'App server').privateIp = '10.0.1.50')],
    ['PRIVATE_IP_RESERVED', (d) => void (byName<Ec2Instance>(d, 'App server').privateIp = '10.0.2.3')],
    ['PRIVATE_IP_RESERVED', (d) => void (byName<Ec2Instance>(d, 'App server').privateIp = '10.0.2.255')],
    ['PRIVATE_IP_INVALID', (d) => void (byName<Ec2Instance>(d, 'App server').privateIp = '10.0.2')],
    [
      'PRIVATE_IP_DUPLICATE',
      (d) => {
        const web = byName<Ec2Instance>(d, 'Web server');
        d.resources['i-copy'] = { ...web, id: 'i-copy' as never, name: 'Copy' };
      },
    ],
    ['ROUTE_BLACKHOLE', (d) => void delete d.resources['igw-1']],
    ['ROUTE_BLACKHOLE', (d) => void (one(d, 'internetGateway').vpcId = null)],
    [
      'ROUTE_DESTINATION_INVALID',
      (d) =>
        void byName<Extract<Resource, { kind: 'routeTable' }>>(d, 'Public routes').routes.push({
          destination: '0.0.0.0/33',
          target: 'local',
        }),
    ],
    [
      'ROUTE_DUPLICATE',
      (d) =>
        void byName<Extract<Resource, { kind: 'routeTable' }>>(d, 'Public routes').routes.push({
          destination: '0.0.0.0/0',
          target: 'igw-1' as never,
        }),
    ],
    [
      'ROUTE_LOCAL_MISSING',
      (d) => void byName<Extract<Resource, { kind: 'routeTable' }>>(d, 'Public routes').routes.splice(0, 1),
    ],
    ['VPC_NO_MAIN_ROUTE_TABLE', (d) => void (one(d, 'routeTable').main = false)],
    [
      'VPC_SEVERAL_MAIN_ROUTE_TABLES',
      (d) => void (byName<Extract<Resource, { kind: 'routeTable' }>>(d, 'Public routes').main = true),
    ],
    ['SUBNET_SEVERAL_ROUTE_TABLES', (d) => void one(d, 'routeTable').subnetIds.push('subnet-1' as never)],
    [
      'NAT_GATEWAY_PRIVATE_SUBNET',
      (d) => {
        d.resources['eipalloc-1'] = { kind: 'elasticIp', id: 'eipalloc-1' as never, name: 'EIP', publicIp: '3.3.3.3' };
        d.resources['nat-1'] = {
          kind: 'natGateway',
          id: 'nat-1' as never,
          name: 'NAT',
          subnetId: 'subnet-2' as never,
          elasticIpId: 'eipalloc-1' as never,
          privateIp: '10.0.2.20',
        };
      },
    ],
    [
      'NAT_GATEWAY_NO_ELASTIC_IP',
      (d) => {
        d.resources['nat-1'] = {
          kind: 'natGateway',
          id: 'nat-1' as never,
          name: 'NAT',
          subnetId: 'subnet-1' as never,
          elasticIpId: null,
          privateIp: '10.0.1.20',
        };
      },
    ],
    ['PUBLIC_IP_WITHOUT_INTERNET_ROUTE', (d) => void (byName<Ec2Instance>(d, 'App server').publicIp = true)],
    ['INTERFACE_NO_SECURITY_GROUP', (d) => void (byName<Ec2Instance>(d, 'App server').securityGroupIds = [])],
    [
      'INTERFACE_TOO_MANY_SECURITY_GROUPS',
      (d) => {
        const ids = [1, 2, 3, 4, 5, 6].map((n) => {
          const group = { ...createSecurityGroup(fixedIds, 'vpc-1' as never), id: `sg-x${n}` as never };
          d.resources[group.id] = group;
          return group.id;
        });
        byName<Ec2Instance>(d, 'App server').securityGroupIds = ids;
      },
    ],
    [
      'SECURITY_GROUP_MISSING',
      (d) => void byName<Ec2Instance>(d, 'App server').securityGroupIds.push('sg-gone' as never),
    ],
    [
      'NACL_RULE_NUMBER_RANGE',
      (d) =>
        void one(d, 'networkAcl').inbound.push({
          ruleNumber: 32767,
          protocol: 'all',
          ports: null,
          cidr: '0.0.0.0/0',
          action: 'deny',
        }),
    ],
    [
      'NACL_RULE_NUMBER_RANGE',
      (d) =>
        void one(d, 'networkAcl').inbound.push({
          ruleNumber: 0,
          protocol: 'all',
          ports: null,
          cidr: '0.0.0.0/0',
          action: 'deny',
        }),
    ],
    [
      'NACL_RULE_NUMBER_DUPLICATE',
      (d) =>
        void one(d, 'networkAcl').outbound.push({
          ruleNumber: 100,
          protocol: 'tcp',
          ports: { from: 22, to: 22 },
          cidr: '0.0.0.0/0',
          action: 'deny',
        }),
    ],
    [
      'NACL_RULE_QUOTA',
      (d) => {
        const acl = one(d, 'networkAcl');
        for (let n = 1; n <= 19; n++)
          acl.inbound.push({
            ruleNumber: 100 + n,
            protocol: 'tcp',
            ports: { from: n, to: n },
            cidr: '0.0.0.0/0',
            action: 'allow',
          });
      },
    ],
    [
      'RULE_PORTS_INVALID',
      (d) =>
        void one(d, 'networkAcl').inbound.push({
          ruleNumber: 200,
          protocol: 'tcp',
          ports: { from: 443, to: 80 },
          cidr: '0.0.0.0/0',
          action: 'allow',
        }),
    ],
    [
      'NACL_RULE_CIDR_INVALID',
      (d) =>
        void one(d, 'networkAcl').inbound.push({
          ruleNumber: 200,
          protocol: 'all',
          ports: null,
          cidr: 'anywhere',
          action: 'allow',
        }),
    ],
    [
      'SUBNET_SEVERAL_NACLS',
      (d) => {
        const a = {
          ...createNetworkAcl(fixedIds, 'vpc-1' as never),
          id: 'acl-a' as never,
          subnetIds: ['subnet-1' as never],
        };
        const b = {
          ...createNetworkAcl(fixedIds, 'vpc-1' as never),
          id: 'acl-b' as never,
          subnetIds: ['subnet-1' as never],
        };
        d.resources[a.id] = a as NetworkAcl;
        d.resources[b.id] = b as NetworkAcl;
      },
    ],
    [
      'SG_RULE_QUOTA',
      (d) => {
        fillSgInbound(one(d, 'securityGroup'), 61);
      },
    ],
    [
      'SG_RULE_GROUP_MISSING',
      (d) =>
        void one(d, 'securityGroup').inbound.push({
          protocol: 'tcp',
          ports: { from: 22, to: 22 },
          peer: { type: 'securityGroup', groupId: 'sg-gone' as never },
          description: '',
        }),
    ],
    [
      'SG_RULE_CIDR_INVALID',
      (d) =>
        void one(d, 'securityGroup').inbound.push({
          protocol: 'tcp',
          ports: { from: 22, to: 22 },
          peer: { type: 'cidr', cidr: '1.2.3.4' },
          description: '',
        }),
    ],
    ['INSTANCE_ARCHITECTURE_MISMATCH', (d) => void (byName<Ec2Instance>(d, 'App server').instanceType = 'm7g.large')],
    [
      'INSTANCE_ARCHITECTURE_MISMATCH',
      (d) => {
        const server = byName<Ec2Instance>(d, 'App server');
        server.amiId = 'ami-0a1b2c3d4e5f60004';
        server.instanceType = 't4g.micro';
      },
    ],
    ['LAMBDA_MEMORY_RANGE', (d) => void (d.resources['fn-1'] = lambda({ memoryMb: 64 }))],
    ['LAMBDA_MEMORY_RANGE', (d) => void (d.resources['fn-1'] = lambda({ memoryMb: 10241 }))],
    ['LAMBDA_TIMEOUT_RANGE', (d) => void (d.resources['fn-1'] = lambda({ timeoutSeconds: 901 }))],
    ['LAMBDA_RESERVED_OVER_LIMIT', (d) => void (d.resources['fn-1'] = lambda({ reservedConcurrency: 901 }))],
    [
      'FARGATE_TASK_SIZE_INVALID',
      (d) => {
        addFargateService(d, 4096);
      },
    ],
  ];

  it.each(cases)('reports %s', (code, recipe) => {
    expect(codes(edit(recipe))).toContain(code);
  });

  it('an arm64 AMI on an arm64 type launches; on an x86 type AWS’s own refusal is quoted', () => {
    const graviton = edit((d) => {
      const server = byName<Ec2Instance>(d, 'App server');
      server.amiId = 'ami-0a1b2c3d4e5f60002';
      server.instanceType = 'm7g.large';
    });
    expect(codes(graviton)).not.toContain('INSTANCE_ARCHITECTURE_MISMATCH');
    const onIntel = validateDesign(
      edit((d) => void (byName<Ec2Instance>(d, 'App server').amiId = 'ami-0a1b2c3d4e5f60002')),
    ).find((f) => f.code === 'INSTANCE_ARCHITECTURE_MISMATCH');
    expect(onIntel?.message).toContain(
      "The architecture 'x86_64' of the specified instance type does not match the architecture 'arm64' of the specified AMI.",
    );
  });

  it('names both subnets and the shared range in an overlap', () => {
    const findings = validateDesign(
      edit((d) => void (byName<Resource & { cidr: string }>(d, 'Private subnet').cidr = '10.0.1.128/25')),
    );
    const overlap = findings.filter((f) => f.code === 'SUBNET_OVERLAP');
    expect(overlap.map((f) => f.resourceId).sort()).toEqual(['subnet-1', 'subnet-2']);
    expect(overlap[0]?.message).toContain('10.0.1.128–10.0.1.255');
  });

  it('puts errors before warnings', () => {
    const findings = validateDesign(
      edit((d) => {
        byName<Ec2Instance>(d, 'App server').publicIp = true;
        one(d, 'vpc').cidr = '10.0.0.0/8';
      }),
    );
    expect(findings.map((f) => f.severity)).toEqual([...findings.map((f) => f.severity)].sort());
    expect(findings[0]?.severity).toBe('error');
  });
});
