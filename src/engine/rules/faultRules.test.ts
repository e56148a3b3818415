import { describe, expect, it } from 'vitest';
import { simulationSettings, type Design, type FaultEvent } from '../../domain';
import { validateDesign } from '../validate';
import { haDesign } from './testing/haDesign';

const withFaults = (design: Design, faults: FaultEvent[]): Design => ({
  ...design,
  simulation: simulationSettings({ ...design.simulation, faults }),
});
const faultFindings = (design: Design) => validateDesign(design).filter((f) => f.code === 'FAULT_TARGET_MISSING');

describe('fault targets', () => {
  const { design, ids } = haDesign();
  const nat = Object.values(design.resources).find((r) => r.kind === 'natGateway');

  it('faults naming what exists have no finding', () => {
    const faults: FaultEvent[] = [
      { at: 60, fault: 'zoneOutage', zoneId: ids.publicA.azId, durationSeconds: 600 },
      { at: 60, fault: 'instanceFailure', instanceId: ids.web.id, durationSeconds: null },
      { at: 60, fault: 'dbFailover', dbInstanceId: ids.db.id },
    ];
    if (nat) faults.push({ at: 60, fault: 'natGatewayFailure', natGatewayId: nat.id, durationSeconds: null });
    expect(faultFindings(withFaults(design, faults))).toEqual([]);
  });

  it('each kind of fault naming something missing, or of another kind, is an error with its index', () => {
    const found = faultFindings(
      withFaults(design, [
        { at: 60, fault: 'instanceFailure', instanceId: ids.web.id, durationSeconds: null },
        { at: 60, fault: 'zoneOutage', zoneId: 'az-gone', durationSeconds: 600 },
        { at: 60, fault: 'instanceFailure', instanceId: 'i-gone', durationSeconds: null },
        { at: 60, fault: 'natGatewayFailure', natGatewayId: ids.web.id, durationSeconds: null },
        { at: 90, fault: 'dbFailover', dbInstanceId: 'db-gone' },
        { at: 90, fault: 'routeDeletion', tableId: 'rtb-gone', destination: '0.0.0.0/0', durationSeconds: null },
      ]),
    );
    expect(found.map((f) => [f.severity, f.resourceId])).toEqual([
      ['error', 'az-gone'],
      ['error', 'i-gone'],
      ['error', ids.web.id],
      ['error', 'db-gone'],
      ['error', 'rtb-gone'],
    ]);
    expect(found[0]!.message).toContain('Fault 2 (simulation.faults[1], zoneOutage at 60 s)');
    expect(found[0]!.message).toContain('names "az-gone", but the design has no such Availability Zone');
    expect(found[2]!.message).toContain('Fault 4 (simulation.faults[3], natGatewayFailure at 60 s)');
    expect(found[2]!.message).toContain('is an instance, not a NAT gateway');
    expect(found[3]!.message).toContain('Fault 5 (simulation.faults[4], dbFailover at 90 s)');
    expect(found[4]!.message).toContain('Fault 6 (simulation.faults[5], routeDeletion at 90 s)');
  });
});
