import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { asResourceId, type Design, type RouteTable, type VpcPeeringConnectionId } from '../../domain';
import { evaluateGoals } from './evaluate';
import { LESSONS } from './lessons';
import { SOLUTIONS } from './solutions';

const lesson = LESSONS.find((l) => l.id === 'peering-and-transit-gateways')!;
const unmet = (design: Design) => evaluateGoals(design, lesson.goals).filter((g) => !g.met);

function retarget(d: Design, tableId: string, destination: string, target: string) {
  const route = (d.resources[tableId] as RouteTable).routes.find((r) => r.destination === destination)!;
  route.target = asResourceId(target);
}

describe('the peering and transit gateway lesson', () => {
  it('starts failing only on App to Data, at the first peering, because peering is not transitive', () => {
    const failing = unmet(lesson.start);
    expect(failing.map((g) => g.id)).toEqual(['app-reaches-db']);
    const detail = failing[0]!.detail;
    expect(detail).toContain('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
    expect(detail).toContain('App ↔ Shared services');
    expect(detail).toContain('carries only traffic to addresses in Shared services VPC (10.1.0.0/16)');
  });

  it('is also finished by a direct App ↔ Data peering with routes both ways', () => {
    const direct = produce(lesson.start, (d) => {
      d.resources['pcx-app-data'] = {
        kind: 'vpcPeeringConnection',
        id: 'pcx-app-data' as VpcPeeringConnectionId,
        name: 'App ↔ Data',
        requesterVpcId: d.resources['vpc-a']!.id as never,
        accepterVpcId: d.resources['vpc-c']!.id as never,
        status: 'active',
      };
      retarget(d, 'rtb-a', '10.2.0.0/16', 'pcx-app-data');
      retarget(d, 'rtb-c', '10.0.0.0/16', 'pcx-app-data');
    });
    expect(unmet(direct)).toEqual([]);
  });

  it('needs the way back too: a Data VPC still answering through Shared services fails', () => {
    const oneWay = produce(SOLUTIONS[lesson.id]!(lesson.start), (d) => {
      retarget(d, 'rtb-c', '10.0.0.0/16', 'pcx-shared-data');
    });
    const failing = unmet(oneWay);
    expect(failing.map((g) => g.id)).toEqual(['app-reaches-db']);
    expect(failing[0]!.detail).toContain('on the way back');
    expect(failing[0]!.detail).toContain('not back through Hub');
  });

  it('counts a route to a transit gateway the VPC is not attached to as a blackhole', () => {
    const unattached = produce(SOLUTIONS[lesson.id]!(lesson.start), (d) => {
      delete d.resources['tgw-attach-vpc-c'];
    });
    expect(unmet(unattached).map((g) => g.id)).toEqual(['app-reaches-db', 'routes-carry-traffic']);
  });
});
