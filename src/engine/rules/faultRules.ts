import { kindLabel, resourceById, type Design, type FaultEvent, type Kind } from '../../domain';
import { finding, type Finding } from '../findings';

/** What one kind of fault names: the id, and the kind of resource it must be. */
type FaultTarget = { id: string; kind: Kind };

/**
 * What each kind of fault acts on. A new kind of fault is one more entry
 * (the record lists every kind, so the compiler asks for it).
 */
const FAULT_TARGETS: { [F in FaultEvent['fault']]: (fault: Extract<FaultEvent, { fault: F }>) => FaultTarget } = {
  zoneOutage: (f) => ({ id: f.zoneId, kind: 'availabilityZone' }),
  instanceFailure: (f) => ({ id: f.instanceId, kind: 'ec2Instance' }),
  natGatewayFailure: (f) => ({ id: f.natGatewayId, kind: 'natGateway' }),
  dbFailover: (f) => ({ id: f.dbInstanceId, kind: 'dbInstance' }),
  routeDeletion: (f) => ({ id: f.tableId, kind: 'routeTable' }),
};

const targetOf = <F extends FaultEvent>(fault: F): FaultTarget =>
  (FAULT_TARGETS[fault.fault] as (f: F) => FaultTarget)(fault);

/**
 * Faults in `design.simulation.faults` that name nothing of their kind (a
 * zone, instance, NAT gateway or DB instance deleted or mistyped): the
 * simulation could only skip them, so `nimbus validate` says so first.
 */
export function faultRules(design: Design): Finding[] {
  const out: Finding[] = [];
  (design.simulation?.faults ?? []).forEach((fault, index) => {
    const { id, kind } = targetOf(fault);
    const found = resourceById(design, id);
    if (found?.kind === kind) return;
    const which = `Fault ${index + 1} (simulation.faults[${index}], ${fault.fault} at ${fault.at} s)`;
    const label = kindLabel(kind).replace(/^an? /, '');
    out.push(
      finding(
        'error',
        'FAULT_TARGET_MISSING',
        id,
        found
          ? `${which} names ${found.name}, which is ${kindLabel(found.kind)}, not ${kindLabel(kind)}: the simulation can't inject it.`
          : `${which} names "${id}", but the design has no such ${label}: the simulation can't inject it.`,
        `Point the fault at an existing ${label}, or delete the fault.`,
      ),
    );
  });
  return out;
}
