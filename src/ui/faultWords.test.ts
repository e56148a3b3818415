import { describe, expect, it } from 'vitest';
import { resourcesOfKind } from '../domain';
import { highlyAvailableWebApp } from '../scenarios/haTemplates';
import { describeFault, scheduleClock } from './faultWords';

const design = highlyAvailableWebApp();
const zoneA = resourcesOfKind(design, 'availabilityZone').find((z) => z.zoneName === 'us-east-1a')!;
const [db] = resourcesOfKind(design, 'dbInstance');
const [nat] = resourcesOfKind(design, 'natGateway');

describe('scheduled faults in words', () => {
  it('names the zone, the time and how long', () => {
    expect(describeFault(design, { fault: 'zoneOutage', zoneId: zoneA.id, at: 600, durationSeconds: 300 })).toBe(
      'Zone outage of us-east-1a at 10:00 for 5 min',
    );
    expect(describeFault(design, { fault: 'zoneOutage', zoneId: zoneA.id, at: 90, durationSeconds: null })).toBe(
      'Zone outage of us-east-1a at 1:30 for the rest of the run',
    );
  });

  it('names NAT gateways and databases by name, and a failover has no duration', () => {
    expect(
      describeFault(design, { fault: 'natGatewayFailure', natGatewayId: nat!.id, at: 3600, durationSeconds: 45 }),
    ).toBe('Failure of NAT gateway NAT A at 01:00:00 for 45 s');
    expect(describeFault(design, { fault: 'dbFailover', dbInstanceId: db!.id, at: 120 })).toBe(
      'Failover of app-db at 2:00',
    );
    expect(
      describeFault(design, { fault: 'instanceFailure', instanceId: 'i-gone', at: 0, durationSeconds: null }),
    ).toBe('Failure of i-gone at 0:00 for the rest of the run');
  });

  it('names a deleted route by its destination and table', () => {
    const [table] = resourcesOfKind(design, 'routeTable').filter((t) => t.name === 'App routes A');
    expect(
      describeFault(design, {
        fault: 'routeDeletion',
        tableId: table!.id,
        destination: '0.0.0.0/0',
        at: 600,
        durationSeconds: 120,
      }),
    ).toBe('Deletion of the route to 0.0.0.0/0 from App routes A at 10:00 for 2 min');
  });

  it('writes times under an hour as minutes and seconds', () => {
    expect(scheduleClock(0)).toBe('0:00');
    expect(scheduleClock(3599)).toBe('59:59');
    expect(scheduleClock(3600)).toBe('01:00:00');
  });
});
