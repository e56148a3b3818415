import { describe, expect, it } from 'vitest';
import { getResource, resourcesOfKind, type Design } from '../domain';
import { highlyAvailableWebApp, singleZoneWebApp } from './haTemplates';
import { checkServedThroughZoneOutage } from './learn/simChecks';
import { validateDesign } from '../engine';

const zonesOf = (design: Design, subnetIds: readonly string[]) =>
  new Set(subnetIds.map((id) => getResource(design, id, 'subnet')?.azId));

describe('high availability templates', () => {
  it.each([
    ['two zones', highlyAvailableWebApp],
    ['single AZ', singleZoneWebApp],
  ])('open with no finding at all (%s)', (_, build) => {
    expect(validateDesign(build()).map((f) => `${f.severity} ${f.code}: ${f.message}`)).toEqual([]);
  });

  it('spreads the ALB, the web tier, the NAT gateways and the database over two zones', () => {
    const design = highlyAvailableWebApp();
    const [alb] = resourcesOfKind(design, 'loadBalancer');
    const [asg] = resourcesOfKind(design, 'autoScalingGroup');
    const [db] = resourcesOfKind(design, 'dbInstance');
    expect(
      zonesOf(
        design,
        alb!.subnetMappings.map((m) => m.subnetId),
      ).size,
    ).toBe(2);
    expect(zonesOf(design, asg!.subnetIds).size).toBe(2);
    expect(resourcesOfKind(design, 'natGateway')).toHaveLength(2);
    expect(db).toMatchObject({ multiAz: true, engine: 'mysql', port: 3306 });
    expect(zonesOf(design, [db!.subnetId, db!.standbySubnetId!]).size).toBe(2);
    expect(asg).toMatchObject({ healthCheckType: 'ELB', targetGroupIds: [alb!.listeners[0]!.targetGroupId] });
    // Each private app subnet leaves through the NAT gateway of its own zone.
    for (const subnetId of asg!.subnetIds) {
      const table = resourcesOfKind(design, 'routeTable').find((t) => t.subnetIds.includes(subnetId))!;
      const nat = getResource(design, table.routes.find((r) => r.destination === '0.0.0.0/0')!.target, 'natGateway')!;
      expect(getResource(design, nat.subnetId, 'subnet')!.azId).toBe(getResource(design, subnetId, 'subnet')!.azId);
    }
  });

  it('lets 80 in from anywhere to the ALB, 80 from the ALB to the web servers and 3306 from them to the database', () => {
    const design = highlyAvailableWebApp();
    const groups = Object.fromEntries(resourcesOfKind(design, 'securityGroup').map((g) => [g.name, g]));
    expect(groups.alb!.inbound).toMatchObject([{ ports: { from: 80 }, peer: { cidr: '0.0.0.0/0' } }]);
    expect(groups.web!.inbound).toMatchObject([{ ports: { from: 80 }, peer: { groupId: groups.alb!.id } }]);
    expect(groups.db!.inbound).toMatchObject([{ ports: { from: 3306 }, peer: { groupId: groups.web!.id } }]);
    expect(design.flows?.map((f) => [f.from, f.to, f.port])).toEqual([
      ['internet', resourcesOfKind(design, 'loadBalancer')[0]!.id, 80],
    ]);
  });

  it('keeps the single-AZ variant in us-east-1a but for the second subnets AWS requires', () => {
    const design = singleZoneWebApp();
    const zoneA = resourcesOfKind(design, 'availabilityZone').find((z) => z.zoneName === 'us-east-1a')!.id;
    const [alb] = resourcesOfKind(design, 'loadBalancer');
    const [asg] = resourcesOfKind(design, 'autoScalingGroup');
    const [db] = resourcesOfKind(design, 'dbInstance');
    expect(
      zonesOf(
        design,
        alb!.subnetMappings.map((m) => m.subnetId),
      ).size,
    ).toBe(2);
    expect([...zonesOf(design, asg!.subnetIds)]).toEqual([zoneA]);
    expect(resourcesOfKind(design, 'natGateway')).toHaveLength(1);
    expect(db).toMatchObject({ multiAz: false, standbySubnetId: null });
    expect(getResource(design, db!.subnetId, 'subnet')!.azId).toBe(zoneA);
  });
});

describe('losing us-east-1a, as the zone-loss lesson measures it', () => {
  const check = (design: Design) =>
    checkServedThroughZoneOutage(design, {
      type: 'servedThroughZoneOutage',
      zoneId: resourcesOfKind(design, 'availabilityZone').find((z) => z.zoneName === 'us-east-1a')!.id,
      atSeconds: 600,
      recoverySeconds: 180,
      untilSeconds: 1800,
      atLeastPercent: 99,
    });

  it('the two-zone template keeps serving three minutes after the zone fails', () => {
    expect(check(highlyAvailableWebApp())).toMatchObject({ met: true });
  });

  it('the single-AZ template does not', () => {
    expect(check(singleZoneWebApp())).toMatchObject({
      met: false,
      detail: expect.stringMatching(/requests were served/),
    });
  });
});
