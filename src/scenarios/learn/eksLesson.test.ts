import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { asResourceId, type Design, type SubnetId } from '../../domain';
import { evaluateGoals } from './evaluate';
import { LESSONS } from './lessons';
import { parseLesson } from './schema';
import { SOLUTIONS } from './solutions';
import { draftOf } from './solutions/edit';

const lesson = LESSONS.find((l) => l.id === 'containers-on-eks')!;
const solve = SOLUTIONS['containers-on-eks']!;
const verdicts = (design: Design) => Object.fromEntries(evaluateGoals(design, lesson.goals).map((r) => [r.id, r]));
const unmet = (design: Design) =>
  evaluateGoals(design, lesson.goals)
    .filter((r) => !r.met)
    .map((r) => r.id);

/** The reference solution with Nodes B sent to the NAT gateway of us-east-1a: one NAT gateway for both zones. */
const oneNatGateway = (design: Design) =>
  produce(design, (d) => {
    delete d.resources['nat-b'];
    delete d.resources['eipalloc-nat-b'];
    draftOf(d, 'rtb-nodes-b', 'routeTable').routes[1]!.target = asResourceId('nat-a');
  });

describe('the containers on EKS lesson', () => {
  it('starts failing every goal, each for the reason the lesson teaches', () => {
    const start = verdicts(lesson.start);
    expect(Object.values(start).filter((v) => v.met)).toEqual([]);
    expect(start['cluster-two-zones']!.detail).toContain('"Subnets specified must be in at least two different AZs"');
    expect(start['nodes-through-nat']!.detail).toContain('2 nodes not at all, so they have not joined the cluster');
    expect(start['survives-zone-loss']!.detail).toContain('Pending: no nodes available to schedule pods');
    // Two r5.large nodes ($0.126/h) and the control plane ($0.10/h) over a 730-hour month, with 20 GiB root volumes.
    expect(start['under-budget']!.detail).toContain('About $260.16 a month');
  });

  it('is finished by the reference solution: both zones, a NAT gateway in each, t3.medium nodes', () => {
    const solved = verdicts(solve(lesson.start));
    expect(Object.values(solved).filter((v) => !v.met)).toEqual([]);
    expect(solved['nodes-through-nat']!.detail).toContain('2 nodes through a NAT gateway');
    expect(solved['survives-zone-loss']!.detail).toBe('900 s after us-east-1a failed, web has 4 of 4 pods running.');
    // $73.00 control plane + 2 × $32.85 NAT gateways + 2 × $3.65 of their public IPv4 + 2 × ($30.37 t3.medium + $1.60 volume).
    expect(solved['under-budget']!.detail).toContain('About $209.94 a month');
  });

  it('fails the zone-loss goal with one NAT gateway for both zones: the survivors lose their way to the endpoint', () => {
    const result = verdicts(oneNatGateway(solve(lesson.start)));
    expect(unmet(oneNatGateway(solve(lesson.start)))).toEqual(['survives-zone-loss']);
    expect(result['survives-zone-loss']!.detail).toContain('web has 2 of 4 pods running');
    expect(result['survives-zone-loss']!.detail).toContain("can't reach the cluster's endpoint");
  });

  it('fails the NAT goal with the nodes moved into the public subnets, though their pods run', () => {
    const publicNodes = produce(solve(lesson.start), (d) => {
      const both = ['subnet-public-a', 'subnet-public-b'] as SubnetId[];
      draftOf(d, 'eks-shop', 'eksCluster').subnetIds = [...both];
      draftOf(d, 'ng-web', 'eksNodeGroup').subnetIds = [...both];
    });
    expect(unmet(publicNodes)).toEqual(['nodes-through-nat']);
    expect(verdicts(publicNodes)['nodes-through-nat']!.detail).toContain('with their own public IPv4 address');
  });

  it('fails the zone-loss goal when only the cluster spans both zones and the node group stays in us-east-1a', () => {
    const nodesInOneZone = produce(solve(lesson.start), (d) => {
      draftOf(d, 'ng-web', 'eksNodeGroup').subnetIds = ['subnet-nodes-a' as SubnetId];
    });
    expect(unmet(nodesInOneZone)).toEqual(['survives-zone-loss']);
  });

  it('fails the budget when the network is fixed but the r5.large nodes stay', () => {
    const bigNodes = produce(solve(lesson.start), (d) => {
      draftOf(d, 'ng-web', 'eksNodeGroup').instanceType = 'r5.large';
    });
    expect(unmet(bigNodes)).toEqual(['under-budget']);
  });

  it('refuses a pods goal naming a deployment the cluster does not have', () => {
    const raw = JSON.parse(JSON.stringify({ ...lesson, start: lesson.start })) as { goals: Array<{ check: object }> };
    raw.goals[2]!.check = { ...raw.goals[2]!.check, deployment: 'api' };
    const parsed = parseLesson(raw);
    expect(parsed.ok ? [] : parsed.errors).toEqual(['goals.2.check.deployment: no deployment "api" in cluster shop']);
  });
});
