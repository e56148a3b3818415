import { hasPorts, protocolLabel, type Design, type PacketProtocol } from '../../domain';
import type { PathContext, PathOptions } from './context';
import { endpointLabel, resolveEndpoint, type Endpoint, type EndpointSpec } from './endpoints';
import { walkBetween } from './walk';
import { analyzeThroughLoadBalancer, loadBalancerNamed, type LoadBalancerReach } from './loadBalancers';
import type { Block, Hop, HopPacket } from './trace';

/**
 * "Can A reach B on this protocol and port?" for one concrete packet, forward
 * and back, hop by hop, as AWS VPC Reachability Analyzer explains a path.
 * Semantics: aws-semantics.md "The path of a packet" and its pitfalls.
 */
export interface ReachQuery {
  from: EndpointSpec;
  to: EndpointSpec;
  /** TCP, UDP, ICMP or another IP protocol by number (e.g. 50, ESP); only TCP and UDP have ports. */
  protocol: PacketProtocol;
  port: number;
  /** The client's source port; by default the first of its OS's ephemeral range. */
  sourcePort?: number;
}

export interface ReachResult {
  reachable: boolean;
  forward: Hop[];
  return: Hop[];
  blockedBy: (Block & { direction: 'forward' | 'return' }) | null;
  sourcePort: number;
  summary: string;
  /**
   * Set when the response was blocked for this client's port but another
   * ephemeral port would have passed (Reachability Analyzer calls a path
   * reachable if any port works; Nimbus answers for the concrete packet).
   */
  workingSourcePort: number | null;
  /** The two ends as the analysis resolved them. */
  source: Endpoint;
  destination: Endpoint;
  /** The request as the source sends it (each hop carries the packet as it leaves that hop). */
  sent: HopPacket;
  /** Set when the destination is a load balancer: the listener, the target group and one verdict per target. */
  loadBalancer?: LoadBalancerReach;
}

/** Ports worth trying for the response: the edges of each OS's ephemeral range and AWS's suggested 1024-65535. */
const ALTERNATIVE_SOURCE_PORTS = [1024, 32768, 49152, 60999, 61000, 65535] as const;

export type ReachOutcome = { ok: true; result: ReachResult } | { ok: false; error: string };

/** Resolves both ends and walks the path; the context holds both traces. */
function walk(
  design: Design,
  query: ReachQuery,
  options: PathOptions,
): { ok: true; ctx: PathContext; sourcePort: number } | { ok: false; error: string } {
  const from = resolveEndpoint(design, query.from, options);
  if (!from.ok) return { ok: false, error: `source: ${from.error}` };
  if (from.endpoint.kind === 'interface' && from.endpoint.ownerKind === 'loadBalancer')
    return { ok: false, error: 'source: a load balancer only answers clients; it starts no connections of its own' };
  const to = resolveEndpoint(design, query.to, options);
  if (!to.ok) return { ok: false, error: `destination: ${to.error}` };
  if (to.endpoint.kind === 'interface' && to.endpoint.clientVpn)
    return {
      ok: false,
      error: 'destination: a Client VPN user starts connections; Nimbus does not model connections to the device',
    };
  return walkBetween(design, from.endpoint, to.endpoint, query, options);
}

/**
 * Whether the packet gets there and its response back: `analyzeReachability`'s
 * verdict without the summary or the search for another working source port
 * (what exposure asks, many times over).
 */
export function reaches(design: Design, query: ReachQuery, options: PathOptions = {}): boolean {
  if (loadBalancerNamed(design, query.to)) {
    const outcome = analyzeReachability(design, query, options);
    return outcome.ok && outcome.result.reachable;
  }
  const walked = walk(design, query, options);
  return walked.ok && walked.ctx.forward.ok && walked.ctx.back.ok;
}

export function analyzeReachability(design: Design, query: ReachQuery, options: PathOptions = {}): ReachOutcome {
  const balancer = loadBalancerNamed(design, query.to);
  if (balancer) return analyzeThroughLoadBalancer(design, query, balancer, options);
  const walked = walk(design, query, options);
  if (!walked.ok) return walked;
  const { ctx, sourcePort } = walked;
  const { forward: fwd, back, source: src, destination: dst } = ctx;

  const blockedBy = fwd.blocked
    ? { ...fwd.blocked, direction: 'forward' as const }
    : back.blocked
      ? { ...back.blocked, direction: 'return' as const }
      : null;
  const what = `${protocolLabel(query.protocol)}${hasPorts(query.protocol) ? ` ${query.port}` : ''}`;
  const summary = blockedBy
    ? `${endpointLabel(src)} can't reach ${endpointLabel(dst)} on ${what}: blocked ${blockedBy.direction === 'return' ? 'on the way back ' : ''}at ${blockedBy.component} (${blockedBy.code}).`
    : `${endpointLabel(src)} reaches ${endpointLabel(dst)} on ${what}, and the response gets back (source port ${sourcePort}).`;
  let workingSourcePort: number | null = null;
  if (
    blockedBy?.direction === 'return' &&
    blockedBy.code === 'SUBNET_ACL_RESTRICTION' &&
    query.sourcePort === undefined
  ) {
    workingSourcePort =
      ALTERNATIVE_SOURCE_PORTS.find((port) => {
        const retry = analyzeReachability(design, { ...query, sourcePort: port }, options);
        return retry.ok && retry.result.reachable;
      }) ?? null;
  }
  const other =
    workingSourcePort === null
      ? ''
      : ` A client whose source port is ${workingSourcePort} would get through: the ACL allows only part of the ephemeral range.`;
  const sentence = summary.charAt(0).toUpperCase() + summary.slice(1) + other;
  return {
    ok: true,
    result: {
      reachable: blockedBy === null,
      forward: fwd.hops,
      return: back.hops,
      blockedBy,
      sourcePort,
      summary: sentence,
      workingSourcePort,
      source: src,
      destination: dst,
      sent: ctx.sent,
    },
  };
}
