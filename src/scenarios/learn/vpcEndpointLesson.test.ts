import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  asResourceId,
  kindSpec,
  type Design,
  type ElasticIpId,
  type InternetGatewayId,
  type NatGatewayId,
  type Resource,
  type RouteTable,
  type Subnet,
  type VpcEndpoint,
} from '../../domain';
import { evaluateGoals } from './evaluate';
import { LESSONS } from './lessons';
import { SOLUTIONS } from './solutions';

const lesson = LESSONS.find((l) => l.id === 'vpc-endpoints')!;
const unmet = (design: Design) => evaluateGoals(design, lesson.goals).filter((g) => !g.met);

/** What dropping a gateway endpoint on the Reports VPC from the palette adds. */
function dropGatewayEndpoint(design: Design): Resource[] {
  const vpc = design.resources['vpc-1'];
  const region = design.resources['region-1'];
  if (vpc?.kind !== 'vpc' || region?.kind !== 'region') throw new Error('the lesson has a VPC and a Region');
  let n = 0;
  const made = kindSpec('vpcEndpoint').create({
    design,
    container: vpc,
    region,
    vpc,
    ids: { next: <T extends string>(kind: string) => `${kind}-${++n}` as T } as never,
    proposeVpcCidr: () => '10.9.0.0/16',
    proposeSubnetCidr: () => null,
    proposePrivateIp: () => null,
    nextPublicIp: () => '203.0.113.9',
  });
  if (!made.ok) throw new Error(made.reason);
  return made.resources;
}

describe('the VPC endpoints lesson', () => {
  it('starts with no route to S3 from the private subnet, and no way to the internet', () => {
    const failing = unmet(lesson.start);
    expect(failing.map((g) => g.id)).toEqual(['reports-reach-s3']);
    expect(failing[0]!.detail).toContain('NO_ROUTE_TO_DESTINATION');
  });

  it('is finished by a gateway endpoint dropped from the palette, which reuses the S3 prefix list', () => {
    const dropped = dropGatewayEndpoint(lesson.start);
    expect(dropped.map((r) => r.kind)).toEqual(['vpcEndpoint']);
    const design = produce(lesson.start, (d) => {
      for (const r of dropped) d.resources[r.id] = r;
    });
    expect(unmet(design)).toEqual([]);
  });

  it('does not reach S3 when the endpoint leaves out the private subnet’s route table', () => {
    const design = produce(SOLUTIONS[lesson.id]!(lesson.start), (d) => {
      (d.resources['vpce-s3'] as VpcEndpoint).routeTableIds = [d.resources['rtb-1']!.id as never];
    });
    expect(unmet(design).map((g) => g.id)).toEqual(['reports-reach-s3']);
  });

  it('refuses the NAT gateway way: S3 is reached, but so is the whole internet', () => {
    const throughNat = produce(lesson.start, (d) => {
      const igw = { kind: 'internetGateway', id: 'igw-1' as InternetGatewayId, name: 'IGW', vpcId: 'vpc-1' } as const;
      d.resources[igw.id] = igw as never;
      d.resources['subnet-public'] = {
        ...(d.resources['subnet-private'] as Subnet),
        id: 'subnet-public' as Subnet['id'],
        name: 'Public subnet',
        cidr: '10.0.0.0/24',
        mapPublicIpOnLaunch: true,
      };
      (d.resources['rtb-1'] as RouteTable).routes.push({ destination: '0.0.0.0/0', target: asResourceId(igw.id) });
      d.resources['eipalloc-nat'] = {
        kind: 'elasticIp',
        id: 'eipalloc-nat' as ElasticIpId,
        name: 'NAT address',
        publicIp: '203.0.113.60',
      } as never;
      d.resources['nat-1'] = {
        kind: 'natGateway',
        id: 'nat-1' as NatGatewayId,
        name: 'NAT',
        subnetId: 'subnet-public',
        elasticIpId: 'eipalloc-nat',
        privateIp: '10.0.0.5',
      } as never;
      (d.resources['rtb-private'] as RouteTable).routes.push({
        destination: '0.0.0.0/0',
        target: asResourceId('nat-1'),
      });
    });
    expect(unmet(throughNat).map((g) => g.id)).toEqual(['no-internet']);
  });
});
