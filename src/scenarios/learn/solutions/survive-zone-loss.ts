import { produce } from 'immer';
import type { Design, ElasticIp, NatGateway, RouteTable } from '../../../domain';
import { addResource, draftOf } from './edit';

const id = <T>(text: string) => text as T;

/**
 * Two zones all the way, from the single-zone shop: the Auto Scaling group
 * launches into App B (us-east-1b) too, us-east-1b gets its own NAT gateway
 * with a route table for App B, and the database is Multi-AZ with its standby
 * in DB B.
 */
export const solveSurviveZoneLoss = (start: Design): Design =>
  produce(start, (d) => {
    draftOf(d, 'asg-1', 'autoScalingGroup').subnetIds.push(id('subnet-5'));
    const eip = addResource<ElasticIp>(d, {
      kind: 'elasticIp',
      id: id('eipalloc-nat-b'),
      name: 'NAT B address',
      publicIp: '203.0.113.11',
    });
    const nat = addResource<NatGateway>(d, {
      kind: 'natGateway',
      id: id('nat-b'),
      name: 'NAT B',
      subnetId: id('subnet-4'),
      elasticIpId: eip.id,
      privateIp: '10.0.1.5',
    });
    addResource<RouteTable>(d, {
      kind: 'routeTable',
      id: id('rtb-app-b'),
      name: 'App routes B',
      vpcId: id('vpc-1'),
      main: false,
      routes: [
        { destination: '10.0.0.0/16', target: id('local') },
        { destination: '0.0.0.0/0', target: id(nat.id) },
      ],
      subnetIds: [id('subnet-5')],
      propagatingGatewayIds: [],
    });
    const db = draftOf(d, 'db-1', 'dbInstance');
    db.multiAz = true;
    db.standbySubnetId = id('subnet-6');
    db.standbyPrivateIp = '10.0.21.10';
  });
