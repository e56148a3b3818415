import type { PathOptions } from './context';
import type { Endpoint } from './endpoints';

/**
 * An end of a path as the running simulation has it now: an interface in a
 * zone that is down, or an instance that is impaired (failing its status
 * checks), sends and answers nothing; its state step says why. The endpoint
 * itself when nothing is out.
 */
export function withOutage<E extends Endpoint>(endpoint: E, options: PathOptions): E {
  if (endpoint.kind !== 'interface' || endpoint.outage) return endpoint;
  if (options.zonesDown?.includes(endpoint.subnet.azId))
    return {
      ...endpoint,
      outage: {
        code: 'ZONE_OUTAGE',
        text: `${endpoint.name} is in ${endpoint.subnet.name}, whose Availability Zone is down: nothing there sends or answers.`,
      },
    } as E;
  if (options.outOfService?.includes(endpoint.ownerId))
    return {
      ...endpoint,
      outage: {
        code: 'BAD_STATE',
        text: `${endpoint.name} is impaired (failing its status checks): it answers nothing until it recovers or is replaced.`,
      },
    } as E;
  return endpoint;
}

/** Why a NAT gateway forwards nothing now (failed, or its zone is down), or null. */
export function natGatewayOutage(options: PathOptions, natId: string, zoneId: string): string | null {
  if (options.zonesDown?.includes(zoneId)) return 'its Availability Zone is down';
  if (options.outOfService?.includes(natId)) return 'it has failed';
  return null;
}
