import { protocolLabel, type Design, type Listener, type LoadBalancer, type TargetGroup } from '../../domain';
import { targetsOf } from '../designIndex';
import type { PathContext } from './context';
import { endpointLabel, type Endpoint } from './endpoints';
import type { ReachQuery, ReachResult } from './reachability';
import type { Block, BlockCode, HopInput } from './trace';

/** The load balancer's own answers: what stops a request before any target, and the verdict in a sentence. */

export const listenerLabel = (listener: Listener): string => `${listener.protocol}:${listener.port}`;

/** A target a verdict names, as the summary words it. */
interface Named {
  name: string;
}

/** What stops a request at the load balancer itself: its scheme, no node, no listener, no target group, no targets. */
export function gateOf(
  design: Design,
  lb: LoadBalancer,
  src: Endpoint,
  ctx: PathContext,
  listener: Listener | null,
  group: TargetGroup | undefined,
  anyNode: boolean,
): { hop: HopInput; block: Block } | null {
  const at = (code: BlockCode, explanation: string, id: string = lb.id, component = lb.name) => ({
    hop: { step: 'arrive' as const, component, id, rule: null, explanation },
    block: { component, id, code },
  });
  if (lb.scheme === 'internal' && (src.kind === 'internet' || ctx.toPublic))
    return at(
      'ELB_SCHEME_INTERNAL',
      `${lb.name} is internal: its nodes have private addresses only, reachable from inside its VPC, a peered VPC or on premises, never from the internet.`,
    );
  if (!anyNode)
    return at('ZONE_OUTAGE', `Every node of ${lb.name} is in a zone that is down: nothing answers its address.`);
  if (!listener)
    return at(
      'ELB_LISTENERS_MISMATCH',
      `${lb.name} has no listener on ${protocolLabel(ctx.request.protocol)} port ${ctx.request.port} (it listens on ${lb.listeners.map(listenerLabel).join(', ') || 'nothing'}): the connection is refused.`,
    );
  if (!group)
    return at(
      'ELBV2_LISTENER_HAS_NO_TG',
      `${lb.name}'s listener ${listenerLabel(listener)} forwards to no target group, so it answers ${lb.type === 'application' ? 'HTTP 503' : 'by closing the connection'}.`,
    );
  if (targetsOf(design, group).length === 0)
    return at(
      'ELB_NO_REGISTERED_TARGETS',
      `Target group ${group.name} has no registered targets, so ${lb.name} answers ${lb.type === 'application' ? 'HTTP 503 (Service Unavailable)' : 'by resetting the connection'}.`,
      group.id,
      `target group ${group.name}`,
    );
  return null;
}

export function summaryOf(
  src: Endpoint,
  lb: LoadBalancer,
  query: ReachQuery,
  blockedBy: ReachResult['blockedBy'],
  chosen: Named | null,
): string {
  const what = `${protocolLabel(query.protocol)} ${query.port}`;
  const who = endpointLabel(src);
  if (!blockedBy)
    return `${who.charAt(0).toUpperCase()}${who.slice(1)} reaches ${lb.name} on ${what}, and through it ${chosen?.name ?? 'its target'}; the response gets back.`;
  const where = blockedBy.direction === 'return' ? 'on the way back ' : '';
  return `${who.charAt(0).toUpperCase()}${who.slice(1)} can't reach ${chosen ? `${chosen.name} through ` : ''}${lb.name} on ${what}: blocked ${where}at ${blockedBy.component} (${blockedBy.code}).`;
}
