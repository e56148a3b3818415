import {
  balancesAcrossZones,
  getResource,
  resourceById,
  type Design,
  type Listener,
  type LoadBalancer,
  type PacketProtocol,
  type Resource,
  type TargetGroup,
} from '../../domain';
import { formatIpv4 } from '../../net';
import { targetsOf, type RegisteredTarget } from '../designIndex';
import { sourceSeenAt, type PathContext, type PathOptions } from './context';
import { resolveEndpoint, type Endpoint, type EndpointSpec } from './endpoints';
import { loadBalancerNodes, nodeFor, type LoadBalancerNode } from './loadBalancerNodes';
import { backLegPacket, backLegSource, keepsClient, targetEndpoint } from './loadBalancerBackLeg';
import type { ReachOutcome, ReachQuery, ReachResult } from './reachability';
import type { BlockCode, Hop, HopInput, HopPacket } from './trace';
import { cachedWalk, outageSet, walkHoldsUnder, type Walked } from './walk';
import { networkEpochOf } from './networkEpoch';
import { gateOf, listenerLabel, summaryOf } from './loadBalancerGate';

export { listenerLabel };

/**
 * Reachability through Elastic Load Balancing, lowered onto ordinary walks:
 * an ALB ends the client's connection at a node and opens a second one from
 * the node's private address to the target (two walks); an NLB passes the
 * client's connection on with the client's address when its group preserves
 * it (`preservesClientIp`: the second walk starts at the node but carries the
 * client's address, so the target's groups and ACL see the client), else
 * from the node's own address. Sources: ELB User Guide, "Application Load
 * Balancers" (security groups, "X-Forwarded headers"), NLB guide ("Client IP
 * preservation", "Security groups"), aws-semantics-2 section 5.
 */

/** What a target does with the requests the load balancer sends it, when the network stops them. */
export type TargetFailure = '502' | '504' | 'reset';

export interface TargetReach {
  target: RegisteredTarget;
  name: string;
  /** The node that sends to it (null: none can). */
  nodeSubnetId: string | null;
  reachable: boolean;
  /** How a request to it fails on the network: ALB 502 (nothing runs at the target) or 504 (no answer in time: a silent drop, a zone that is down, an impaired target), NLB reset. */
  failure: TargetFailure | null;
  blockedBy: ReachResult['blockedBy'];
  forward: Hop[];
  return: Hop[];
  /** The health the options say (absent: healthy). */
  health: string;
  /** The target as an end of a path, when it is one (an instance or an address in the VPC). */
  endpoint?: Endpoint;
  /**
   * A load balancer that balances across zones with more than one node in
   * service: the verdict through each node, the client's node first (DNS
   * gives clients every node's address, so each takes its share of the
   * requests). The target's own fields are then its first failing leg's, else
   * the first leg's.
   */
  legs?: TargetLeg[];
}

/** A target's verdict through one node. */
export type TargetLeg = Pick<
  TargetReach,
  'nodeSubnetId' | 'reachable' | 'failure' | 'blockedBy' | 'forward' | 'return'
>;

export interface LoadBalancerReach {
  loadBalancerId: string;
  type: LoadBalancer['type'];
  /** The listener that took the request (`HTTP:80`), null when none did. */
  listener: string | null;
  targetGroupId: string | null;
  targets: TargetReach[];
}

/** The load balancer a query's destination names, if it names one. */
export function loadBalancerNamed(design: Design, spec: EndpointSpec): LoadBalancer | null {
  if (spec.kind !== 'resource') return null;
  const resource = resourceById(design, spec.id);
  return resource?.kind === 'loadBalancer' ? resource : null;
}

/** Whether a listener takes this protocol: TCP for HTTP, HTTPS, TCP and TLS; UDP for UDP; both for TCP_UDP. */
function listenerTakes(listener: Listener, protocol: PacketProtocol): boolean {
  if (listener.protocol === 'TCP_UDP') return protocol === 'tcp' || protocol === 'udp';
  return listener.protocol === 'UDP' ? protocol === 'udp' : protocol === 'tcp';
}

/** The listener on a port for a protocol, or null. */
export const listenerOn = (lb: LoadBalancer, protocol: PacketProtocol, port: number): Listener | null =>
  lb.listeners.find((l) => l.port === port && listenerTakes(l, protocol)) ?? null;

const ip = formatIpv4;

/** A hop the load balancer writes itself (the walks write the others). */
function lbHop(input: HopInput, packet: HopPacket, decision: Hop['decision']): Hop {
  return { ...input, decision: input.decision ?? decision, packet };
}

function blockOf(ctx: PathContext): ReachResult['blockedBy'] {
  if (ctx.forward.blocked) return { ...ctx.forward.blocked, direction: 'forward' };
  return ctx.back.blocked ? { ...ctx.back.blocked, direction: 'return' } : null;
}

/**
 * "Can this client reach this load balancer's targets on this port?": one
 * verdict per registered target of the listener's group, each the client's
 * leg to the node that serves the target, the listener, and the node's leg
 * to the target. A verdict is network-only; `health` carries what the
 * options say of the target's health.
 */
export function analyzeThroughLoadBalancer(
  design: Design,
  query: ReachQuery,
  lb: LoadBalancer,
  options: PathOptions = {},
): ReachOutcome {
  const from = resolveEndpoint(design, query.from, options);
  if (!from.ok) return { ok: false, error: `source: ${from.error}` };
  const src = from.endpoint;
  const nodes = loadBalancerNodes(design, lb, options);
  // A client inside the VPC is shown its own zone's node first, when that node is in service.
  const own = src.kind === 'interface' ? src.subnet.azId : null;
  const inService = nodes
    .filter((n) => !n.eni.outage)
    .sort((a, b) => Number(b.zoneId === own) - Number(a.zoneId === own));
  const fronts = new Map<string, Walked>();
  const walkTo = (node: LoadBalancerNode): Walked => {
    let walked = fronts.get(node.subnet.id);
    if (!walked) {
      walked = cachedWalk(design, src, node.eni, query, options);
      fronts.set(node.subnet.id, walked);
    }
    return walked;
  };
  // Across zones every node in service takes clients (DNS gives each one's address): the first a client gets
  // through to is the front the gate is read at; otherwise the first in service.
  const passes = (node: LoadBalancerNode) => {
    const walked = walkTo(node);
    return walked.ok && walked.ctx.forward.ok && walked.ctx.back.ok;
  };
  const front = (balancesAcrossZones(lb) ? inService.find(passes) : undefined) ?? inService[0] ?? nodes[0];
  if (!front) return { ok: false, error: `destination: ${lb.name} has no subnet mapping, so it has no node` };
  const first = walkTo(front);
  if (!first.ok) return first;
  const listener = listenerOn(lb, query.protocol, query.port);
  const group = getResource(design, listener?.targetGroupId, 'targetGroup');
  const reach: LoadBalancerReach = {
    loadBalancerId: lb.id,
    type: lb.type,
    listener: listener ? listenerLabel(listener) : null,
    targetGroupId: group?.id ?? null,
    targets: [],
  };
  const stop = gateOf(design, lb, src, first.ctx, listener, group, inService.length > 0);
  // An internal load balancer's DNS name resolves to private addresses: the internet has no way in at all.
  const outsideIn = lb.scheme === 'internal' && src.kind === 'internet';
  const base = {
    sourcePort: first.sourcePort,
    workingSourcePort: null,
    source: src,
    destination: front.eni,
    sent: first.ctx.sent,
  };
  if (stop || !first.ctx.forward.ok || !first.ctx.back.ok || !group || !listener) {
    const forward = outsideIn ? [] : [...first.ctx.forward.hops];
    let blockedBy = outsideIn ? null : blockOf(first.ctx);
    if ((outsideIn || first.ctx.forward.ok) && stop) {
      forward.push(lbHop(stop.hop, first.ctx.forward.packet, 'drop'));
      blockedBy = { ...stop.block, direction: 'forward' };
    }
    return {
      ok: true,
      result: {
        ...base,
        reachable: false,
        forward,
        return: blockedBy?.direction === 'forward' ? [] : first.ctx.back.hops,
        blockedBy,
        summary: summaryOf(src, lb, query, blockedBy, null),
        loadBalancer: reach,
      },
    };
  }
  const listenerHop = listenerHopOf(lb, listener, group, first.ctx);
  const walks: Walks = { fronts, backs: new Map() };
  const legNodes =
    balancesAcrossZones(lb) && inService.length > 1 ? [front, ...inService.filter((n) => n !== front)] : [];
  for (const target of targetsOf(design, group))
    reach.targets.push(
      targetReach({ design, lb, group, nodes, front, legNodes, src, query, options, walks, listenerHop }, target),
    );
  const chosen = reach.targets.find((t) => t.reachable) ?? reach.targets[0];
  const blockedBy = chosen ? chosen.blockedBy : null;
  const legs = chosen?.legs;
  const through = legs?.filter((l) => l.reachable).length ?? 0;
  const nodeNames = (reachable: boolean) =>
    (legs ?? [])
      .filter((l) => l.reachable === reachable)
      .map((l) => nodes.find((n) => n.subnet.id === l.nodeSubnetId)?.eni.name ?? l.nodeSubnetId)
      .join(', ');
  const partly =
    legs && through > 0 && through < legs.length
      ? ` It is reached through ${through} of ${legs.length} nodes (${nodeNames(true)}), not through ${nodeNames(false)}: DNS gives clients every node's address, so the requests sent there fail.`
      : '';
  return {
    ok: true,
    result: {
      ...base,
      reachable: !!chosen?.reachable,
      forward: chosen?.forward ?? [],
      return: chosen?.return ?? [],
      blockedBy,
      summary: summaryOf(src, lb, query, blockedBy, chosen ?? null) + partly,
      loadBalancer: reach,
    },
  };
}

/** The listener's hop, the same object for the same load balancer, listener, group and client leg, so the verdicts made with it are found again. */
function listenerHopOf(lb: LoadBalancer, listener: Listener, group: TargetGroup, front: PathContext): Hop {
  let byListener = listenerHops.get(front);
  if (!byListener) {
    byListener = [];
    listenerHops.set(front, byListener);
  }
  const known = byListener.find((h) => h.lb === lb && h.listener === listener && h.group === group);
  if (known) return known.hop;
  const hop = lbHop(
    {
      step: 'handOver',
      component: `listener ${listenerLabel(listener)} of ${lb.name}`,
      id: lb.id,
      rule: `${listenerLabel(listener)} → forward to ${group.name}`,
      explanation: `${lb.name}'s listener ${listenerLabel(listener)} takes the ${lb.type === 'application' ? 'request and forwards it' : 'connection and passes it on'} to target group ${group.name} (${group.protocol}:${group.port}).`,
    },
    front.forward.packet,
    'forward',
  );
  byListener.push({ lb, listener, group, hop });
  return hop;
}

const listenerHops = new WeakMap<
  PathContext,
  Array<{ lb: LoadBalancer; listener: Listener; group: TargetGroup; hop: Hop }>
>();

/**
 * Verdicts made, by the node's walk to the target: a flow is planned again
 * after every launch and health change, and most targets' verdicts are what
 * they were. A verdict is reused when everything it was made from is the same:
 * the two walks (remembered per network, `walk.ts`), the listener's hop, the
 * load balancer and group objects, and the target's fields, name, health and
 * impairment. Verdicts are never changed once made.
 */
const verdicts = new WeakMap<Walked, Array<{ inputs: readonly unknown[]; reach: TargetReach }>>();
/**
 * Verdicts by the instance a target is: found before the target is resolved
 * and its walk keyed, when the network epoch, the client's walk to the node
 * (which names the node and the client), the listener's hop, the load
 * balancer, group and the target's fields, name, health and impairment are
 * the same, and the node's walk to the target still holds under the outages
 * (its end is this instance object, the rest of what it read is the epoch's).
 */
const byInstance = new WeakMap<Resource, Array<{ inputs: readonly unknown[]; leg: Walked; reach: TargetReach }>>();
/** Combined verdicts (a target's legs through every node), by the first leg's verdict. */
const combined = new WeakMap<TargetReach, Array<{ legs: readonly TargetReach[]; reach: TargetReach }>>();
const VERDICTS_PER_WALK = 4;

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** Walks made once per question: the client's leg to each node, each node's leg to each target. */
interface Walks {
  fronts: Map<string, Walked>;
  backs: Map<string, Walked>;
}

/** What every target's verdict shares. */
interface Through {
  design: Design;
  lb: LoadBalancer;
  group: TargetGroup;
  nodes: readonly LoadBalancerNode[];
  front: LoadBalancerNode;
  /** The nodes each target gets a leg through (none: only the node `nodeFor` picks). */
  legNodes: readonly LoadBalancerNode[];
  src: Endpoint;
  query: ReachQuery;
  options: PathOptions;
  walks: Walks;
  listenerHop: Hop;
}

function targetReach(through: Through, target: RegisteredTarget): TargetReach {
  if (through.legNodes.length === 0) return viaNode(through, target, null);
  const legs = through.legNodes.map((node) => viaNode(through, target, node));
  const known = combined.get(legs[0]!);
  const same = known?.find((c) => sameList(c.legs, legs));
  if (same) return same.reach;
  const reach = combinedReach(legs);
  combined.set(legs[0]!, [{ legs, reach }, ...(known ?? [])].slice(0, VERDICTS_PER_WALK));
  return reach;
}

function combinedReach(legs: readonly TargetReach[]): TargetReach {
  const shown = legs.find((l) => !l.reachable) ?? legs[0]!;
  return {
    ...shown,
    legs: legs.map(({ nodeSubnetId, reachable, failure, blockedBy, forward, return: back }) => ({
      nodeSubnetId,
      reachable,
      failure,
      blockedBy,
      forward,
      return: back,
    })),
  };
}

/** A target's verdict through one node (null: the node `nodeFor` picks). */
function viaNode(through: Through, target: RegisteredTarget, via: LoadBalancerNode | null): TargetReach {
  const { design, lb, group, nodes, front, src, query, options, walks, listenerHop } = through;
  const health = options.targetHealth?.[group.id]?.[target.id] ?? 'healthy';
  const name = resourceById(design, target.id)?.name ?? target.id;
  const failure: TargetFailure = lb.type === 'application' ? '504' : 'reset';
  const unreachable = (
    hops: Hop[],
    back: Hop[],
    blockedBy: NonNullable<ReachResult['blockedBy']>,
    nodeSubnetId: string | null,
  ): TargetReach => ({
    target,
    name,
    nodeSubnetId,
    reachable: false,
    failure,
    blockedBy,
    forward: hops,
    return: back,
    health,
  });
  const chosen = via ? { node: via } : nodeFor(lb, nodes, front, target);
  const component = `target group ${group.name}`;
  const frontHops = walks.fronts.get(front.subnet.id);
  const groupStop = (code: BlockCode, explanation: string, nodeSubnetId: string | null, ctx: PathContext) =>
    unreachable(
      [
        ...ctx.forward.hops,
        listenerHop,
        lbHop({ step: 'route', component, id: group.id, rule: null, explanation }, ctx.forward.packet, 'drop'),
      ],
      [],
      { component, id: group.id, code, direction: 'forward' },
      nodeSubnetId,
    );
  if (!frontHops?.ok) throw new Error('the client leg to the first node is walked before any target');
  if (!('node' in chosen)) return groupStop(chosen.code, chosen.why, null, frontHops.ctx);
  const { node } = chosen;
  let toNode = walks.fronts.get(node.subnet.id);
  if (!toNode) {
    toNode = cachedWalk(design, src, node.eni, query, options);
    walks.fronts.set(node.subnet.id, toNode);
  }
  if (!toNode.ok) return groupStop('CANNOT_ROUTE', toNode.error, node.subnet.id, frontHops.ctx);
  const frontCtx = toNode.ctx;
  const frontBlock = blockOf(frontCtx);
  if (frontBlock) return unreachable(frontCtx.forward.hops, frontCtx.back.hops, frontBlock, node.subnet.id);
  // An instance target's verdict, found again without resolving it or keying its walk: see `byInstance`.
  const instance = target.type === 'instance' ? resourceById(design, target.id) : undefined;
  const instanceInputs = instance && [
    networkEpochOf(design.resources),
    toNode,
    listenerHop,
    lb,
    group,
    health,
    name,
    outageSet(options.outOfService).has(target.id),
    target.id,
    target.autoScalingGroupId,
    target.subnetId,
    target.zoneId,
  ];
  const earlierByInstance = instance && byInstance.get(instance);
  if (instanceInputs) {
    const known = earlierByInstance?.find((v) => sameList(v.inputs, instanceInputs) && walkHoldsUnder(v.leg, options));
    if (known) return known.reach;
  }
  const dst = targetEndpoint(design, target, options);
  const packet = frontCtx.forward.packet;
  if (typeof dst === 'string') {
    if (target.type !== 'lambda') return groupStop('NO_ROUTE_TO_DESTINATION', dst, node.subnet.id, frontCtx);
    const invoke = lbHop(
      {
        step: 'arrive',
        component,
        id: group.id,
        rule: null,
        explanation: `${lb.name} invokes ${name}: a Lambda target is called through the Lambda service, not over the VPC.`,
      },
      packet,
      'forward',
    );
    return {
      target,
      name,
      nodeSubnetId: node.subnet.id,
      reachable: true,
      failure: null,
      blockedBy: null,
      forward: [...frontCtx.forward.hops, listenerHop, invoke],
      return: frontCtx.back.hops,
      health,
    };
  }
  const key = `${node.subnet.id}|${target.id}`;
  let leg = walks.backs.get(key);
  if (!leg) {
    const from = backLegSource(lb, group, node, src, frontCtx);
    leg = cachedWalk(design, from, dst, backLegPacket(lb, group, query, frontCtx), options);
    walks.backs.set(key, leg);
  }
  if (!leg.ok) return groupStop('CANNOT_ROUTE', leg.error, node.subnet.id, frontCtx);
  const impaired = dst.kind === 'interface' && (options.outOfService ?? []).includes(dst.ownerId);
  // The target's own fields are read one by one: its object is made anew for every design (`targetsOf`).
  const inputs = [
    toNode,
    listenerHop,
    lb,
    group,
    health,
    name,
    impaired,
    target.id,
    target.type,
    target.autoScalingGroupId,
    target.subnetId,
    target.zoneId,
  ];
  const earlier = verdicts.get(leg);
  const known = earlier?.find((v) => sameList(v.inputs, inputs));
  if (known) {
    if (instance && instanceInputs)
      byInstance.set(
        instance,
        [{ inputs: instanceInputs, leg, reach: known.reach }, ...(earlierByInstance ?? [])].slice(0, VERDICTS_PER_WALK),
      );
    return known.reach;
  }
  const reach = legVerdict(through, target, node, toNode.ctx, leg.ctx, dst, { health, name, impaired });
  verdicts.set(leg, [{ inputs, reach }, ...(earlier ?? [])].slice(0, VERDICTS_PER_WALK));
  if (instance && instanceInputs)
    byInstance.set(
      instance,
      [{ inputs: instanceInputs, leg, reach }, ...(earlierByInstance ?? [])].slice(0, VERDICTS_PER_WALK),
    );
  return reach;
}

/** A target's verdict through a node once both legs are walked. */
function legVerdict(
  through: Through,
  target: RegisteredTarget,
  node: LoadBalancerNode,
  frontCtx: PathContext,
  ctx: PathContext,
  dst: Endpoint,
  { health, name, impaired }: { health: string; name: string; impaired: boolean },
): TargetReach {
  const { lb, group, listenerHop } = through;
  const packet = frontCtx.forward.packet;
  const component = `target group ${group.name}`;
  const chooseHop = lbHop(
    {
      step: 'route',
      component,
      id: group.id,
      rule: null,
      explanation:
        lb.type === 'application'
          ? `${node.eni.name} opens a new connection from its private address ${ip(node.eni.privateIp)} to ${name} on port ${group.port}.`
          : keepsClient(lb, group)
            ? `${node.eni.name} passes the connection to ${name} on port ${group.port}, keeping the client's address ${ip(sourceSeenAt(frontCtx))} (client IP preservation).`
            : `${node.eni.name} passes the connection to ${name} on port ${group.port} from its own private address ${ip(node.eni.privateIp)}: client IP preservation is off for ${group.name}${group.preserveClientIp == null ? ` (AWS's default for ${group.targetType} targets over ${group.protocol})` : ''}.`,
    },
    packet,
    'forward',
  );
  const blockedBy = blockOf(ctx);
  // A target that is not running (stopped, terminated) has nothing to connect to: 502. One in a zone that is
  // down, or impaired, answers nothing at all: no connection within 10 s is a 504 (aws-semantics-2 section 5;
  // ELB User Guide, "Troubleshoot your Application Load Balancers", HTTP 504).
  const notRunning = blockedBy?.code === 'BAD_STATE' && !impaired;
  return {
    target,
    name,
    nodeSubnetId: node.subnet.id,
    reachable: blockedBy === null,
    // Security groups and ACLs drop silently: the ALB waits and answers 504; nothing running at the target is a 502.
    failure: blockedBy === null ? null : lb.type === 'network' ? 'reset' : notRunning ? '502' : '504',
    blockedBy,
    forward: [...frontCtx.forward.hops, listenerHop, chooseHop, ...ctx.forward.hops],
    return: [...ctx.back.hops, ...frontCtx.back.hops],
    health,
    endpoint: dst,
  };
}
