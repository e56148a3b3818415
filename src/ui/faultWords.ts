import { getResource, type Design, type FaultEvent, type LiveFault } from '../domain';
import { formatClock } from '../sim/clock';

/** Simulated time as people say it for a schedule: "10:00" under an hour, the toolbar's clock past it. */
export function scheduleClock(seconds: number): string {
  if (seconds >= 3600) return formatClock(seconds);
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const duration = (seconds: number | null) =>
  seconds === null ? ' for the rest of the run' : seconds % 60 === 0 ? ` for ${seconds / 60} min` : ` for ${seconds} s`;

/** The resource a fault event names, by the name people see on the canvas. */
export function faultTargetId(event: FaultEvent | LiveFault): string {
  switch (event.fault) {
    case 'zoneOutage':
      return event.zoneId;
    case 'instanceFailure':
      return event.instanceId;
    case 'natGatewayFailure':
      return event.natGatewayId;
    case 'dbFailover':
      return event.dbInstanceId;
    case 'routeDeletion':
      return event.tableId;
  }
}

/** One scheduled fault in words: "Zone outage of us-east-1a at 10:00 for 5 min". */
export function describeFault(design: Design, event: FaultEvent): string {
  const id = faultTargetId(event);
  const at = ` at ${scheduleClock(event.at)}`;
  switch (event.fault) {
    case 'zoneOutage': {
      const zone = getResource(design, id, 'availabilityZone');
      return `Zone outage of ${zone?.zoneName ?? id}${at}${duration(event.durationSeconds)}`;
    }
    case 'instanceFailure':
      return `Failure of ${design.resources[id]?.name ?? id}${at}${duration(event.durationSeconds)}`;
    case 'natGatewayFailure':
      return `Failure of NAT gateway ${design.resources[id]?.name ?? id}${at}${duration(event.durationSeconds)}`;
    case 'dbFailover':
      return `Failover of ${design.resources[id]?.name ?? id}${at}`;
    case 'routeDeletion':
      return `Deletion of the route to ${event.destination} from ${design.resources[id]?.name ?? id}${at}${duration(event.durationSeconds)}`;
  }
}
