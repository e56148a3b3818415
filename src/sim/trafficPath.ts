import type { TargetHealthState } from './protocol';
import { isTracked } from './connectionTracking';
import { withLiveStates } from './liveDesign';

export { withLiveStates };
import { pathTransfer, type PathTransfer } from './dataTransfer';
import {
  autoPublicIpv4Of,
  getResource,
  hasPorts,
  protocolLabel,
  type Design,
  type Flow,
  type InstanceState,
} from '../domain';
import {
  analyzeReachability,
  parseEndpoint,
  endpointLabel,
  endpointResourceId,
  networkEpochOf,
  type BlockCode,
  type Decision,
  type Endpoint,
  type EndpointSpec,
  type Hop,
  type HopPacket,
  type PathOptions,
  type ReachResult,
  type RuleRef,
} from '../engine';
import { balance, type BalancedFlow } from './balancedPath';
import { planInputs, rememberedPlan, rememberPlan } from './planMemo';

export type { BalancedFlow, FlowBranch } from './balancedPath';

/**
 * The path one request of a flow takes, step by step, with the packet as it
 * looks at each step: the reachability analysis (same hops, same words as the
 * panel) plus addresses, address translation and a latency per step, so the
 * UI can animate it and the simulation can count it.
 */

/**
 * One-way latency of each step in simulated milliseconds: a teaching model,
 * not a measurement. A step inside a VPC (a group, an ACL, a route lookup, a
 * gateway) costs very little; crossing to the outside world costs the link:
 * the public internet, a Site-to-Site VPN (which also rides the internet, but
 * between two fixed sites) or a Direct Connect private link.
 */
export const STEP_LATENCY_MS = {
  inVpc: 0.05,
  internet: 20,
  vpn: 15,
  directConnect: 5,
} as const;

/** The packet's addresses and ports at a step, as the reachability hop carries them (ICMP has no ports: both are 0). */
export type PacketView = HopPacket;

export interface PathStep {
  /** Position in `steps`, forward steps first. */
  index: number;
  direction: 'forward' | 'return';
  /** `hop`: a hop of the reachability analysis; `endpoint`: where the packet leaves or arrives. */
  kind: 'hop' | 'endpoint';
  /** The canvas node the packet is at: an ACL step sits on its subnet; null when nothing is drawn for it. */
  resourceId: string | null;
  /** The resource that decided (security group, network ACL, route table, gateway, instance). */
  deciderId: string;
  /** The network ACL of an ACL step (its `resourceId` is the subnet). */
  aclId: string | null;
  component: string;
  decision: Decision;
  rule: string | null;
  explanation: string;
  ruleRef?: RuleRef;
  /** The packet as it leaves this step (after any translation the step does). */
  packet: PacketView;
  /** The address this step rewrote, e.g. `Internet gateway: 10.0.1.10 → 18.217.112.142`. */
  translation: string | null;
  /** Time from the previous step to this one. */
  latencyMs: number;
}

export interface FlowPath {
  flowId: string;
  reachable: boolean;
  /** Set when an endpoint does not resolve or the query makes no sense; then there are no steps. */
  error: string | null;
  steps: PathStep[];
  summary: string;
  blockedBy: { direction: 'forward' | 'return'; code: BlockCode; component: string; id: string } | null;
  /** Sum of every step's latency when the response gets back, else null. */
  rttMs: number | null;
  /** The data-transfer lines a delivered request's bytes are billed on (empty when it is not delivered). */
  transfer: PathTransfer;
  /** Whether the destination's security group tracks the connection (so removing its rule keeps it open). */
  tracked: boolean;
  /** Set while a tracked connection stays open after the rule that allowed it went (new ones are refused). */
  keptOpenByTracking?: boolean;
  /** Set on a flow to a load balancer: how its requests split over the targets. */
  balanced?: BalancedFlow;
}

/** What the running simulation knows better than the design: instance states and auto-assigned public addresses. */
export interface LiveOverlay {
  liveStates?: Record<string, InstanceState>;
  publicIps?: Record<string, string | null>;
  /** Target health as the simulation's health checks see it: by target group id, then target id (instance id, IP, function id). */
  targetHealth?: Record<string, Record<string, TargetHealthState>>;
  /** Availability Zone ids that are down (a `zoneOutage` fault): their subnets carry nothing. */
  zonesDown?: readonly string[];
  /** Resources out of service now: failed NAT gateways, impaired instances. */
  outOfService?: readonly string[];
  /** Where each RDS DB instance's endpoint points now: its primary, its standby (failed over), or nowhere. */
  dbEndpoints?: Record<string, 'primary' | 'standby' | 'unavailable'>;
}

/**
 * The address AWS auto-assigned to an instance: the running simulation's (a
 * new one after each stop and start), else the one the design records.
 */
function autoAssignedAddress(design: Design, instanceId: string, overlay: LiveOverlay): string | null {
  const instance = getResource(design, instanceId, 'ec2Instance');
  if (!instance?.publicIp) return null;
  return overlay.publicIps?.[instanceId] ?? autoPublicIpv4Of(instance);
}

/** One-way latency of the link to an external network: the internet, or the VPN / Direct Connect link the hops name. */
function externalLatency(external: Endpoint, hops: readonly Hop[]): number {
  if (external.kind !== 'onPremises') return STEP_LATENCY_MS.internet;
  return hops.find((hop) => hop.link)?.link?.kind === 'vpn' ? STEP_LATENCY_MS.vpn : STEP_LATENCY_MS.directConnect;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function failed(flow: Flow, error: string): FlowPath {
  return {
    flowId: flow.id,
    reachable: false,
    error,
    steps: [],
    summary: `${flow.name}: ${error}.`,
    blockedBy: null,
    rttMs: null,
    transfer: {},
    tracked: false,
  };
}

function specOf(
  design: Design,
  text: string,
  role: string,
): { ok: true; spec: EndpointSpec } | { ok: false; error: string } {
  const parsed = parseEndpoint(design, text);
  return parsed.ok ? parsed : { ok: false, error: `${role}: ${parsed.error}` };
}

/** Plans the path of one request of a flow, honouring the simulation's live state (instances, zones, health) when given. */
export function planFlowPath(design: Design, flow: Flow, overlay: LiveOverlay = {}): FlowPath {
  const live = withLiveStates(design, overlay.liveStates, overlay.publicIps);
  const inputs = planInputs(live, flow, overlay);
  const known = inputs && rememberedPlan(flow, inputs);
  if (known) return known;
  const path = plan(live, flow, overlay);
  if (inputs) rememberPlan(flow, inputs, path);
  return path;
}

function plan(live: Design, flow: Flow, overlay: LiveOverlay): FlowPath {
  const from = specOf(live, flow.from, 'source');
  if (!from.ok) return failed(flow, from.error);
  const to = specOf(live, flow.to, 'destination');
  if (!to.ok) return failed(flow, to.error);
  const options: PathOptions = {
    autoAssignedAddressOf: (instanceId) => autoAssignedAddress(live, instanceId, overlay),
    ...(overlay.zonesDown ? { zonesDown: overlay.zonesDown } : {}),
    ...(overlay.outOfService ? { outOfService: overlay.outOfService } : {}),
    ...(overlay.dbEndpoints ? { dbEndpoints: overlay.dbEndpoints } : {}),
    ...(overlay.targetHealth ? { targetHealth: overlay.targetHealth } : {}),
  };
  const outcome = analyzeReachability(
    live,
    { from: from.spec, to: to.spec, protocol: flow.protocol, port: flow.port },
    options,
  );
  if (!outcome.ok) return failed(flow, outcome.error);
  const result = outcome.result;
  const balanced = result.loadBalancer
    ? balance(live, result, result.loadBalancer, options, (hops) => stepsOf(live, flow, hops))
    : null;
  const main = balanced?.main ?? result;
  const { steps, rttMs } = stepsOf(live, flow, main);
  const blocked = main.blockedBy;
  return {
    flowId: flow.id,
    reachable: main.reachable,
    error: null,
    steps,
    summary: result.summary,
    blockedBy: blocked
      ? { direction: blocked.direction, code: blocked.code, component: blocked.component, id: blocked.id }
      : null,
    rttMs,
    // Through a load balancer the bytes are billed between the client and the node it reached: AWS charges no
    // transfer between an ALB and its targets across zones. Nimbus also leaves out an NLB's cross-zone charge.
    transfer: main.reachable ? pathTransfer(live, main.source, result.destination, main.forward) : {},
    tracked: main.reachable && isTracked(live, main.forward, flow.protocol, main.destination),
    ...(balanced ? { balanced: balanced.flow } : {}),
  };
}

/** The hops of one path through the network, as `stepsOf` lays them out. */
export type PathHops = Pick<
  ReachResult,
  'reachable' | 'forward' | 'return' | 'blockedBy' | 'source' | 'destination' | 'sent'
>;

/** An end as `layOutSteps` reads it: its kind, the node that stands for it and its label. */
const endText = (live: Design, end: Endpoint) => `${end.kind}|${endpointResourceId(live, end)}|${endpointLabel(end)}`;

/** Steps laid out, by the forward hops they were laid out from (the walks behind them are remembered, so the lists repeat). */
const laidOut = new WeakMap<
  readonly Hop[],
  Array<{ inputs: readonly unknown[]; path: { steps: PathStep[]; rttMs: number | null } }>
>();
const LAYOUTS_PER_HOPS = 4;

/**
 * The path's hops as animated steps, each with its latency, and the round
 * trip when the response gets back. The same object again for the same
 * hops, ends, packet and flow in the same network: flows are planned again
 * after every change, and most of their paths are what they were.
 */
export function stepsOf(live: Design, flow: Flow, result: PathHops): { steps: PathStep[]; rttMs: number | null } {
  const { sent } = result;
  // Everything `layOutSteps` reads: the resources the hops name are the network's (the epoch's) or the ends'.
  const inputs = [
    networkEpochOf(live.resources),
    flow.protocol,
    flow.port,
    result.return,
    result.reachable,
    result.blockedBy?.direction,
    endText(live, result.source),
    endText(live, result.destination),
    sent.protocol,
    sent.srcIp,
    sent.srcPort,
    sent.dstIp,
    sent.dstPort,
  ];
  const earlier = laidOut.get(result.forward);
  const known = earlier?.find((l) => l.inputs.every((value, i) => value === inputs[i]));
  if (known) return known.path;
  const path = layOutSteps(live, flow, result);
  laidOut.set(result.forward, [{ inputs, path }, ...(earlier ?? [])].slice(0, LAYOUTS_PER_HOPS));
  return path;
}

function layOutSteps(live: Design, flow: Flow, result: PathHops): { steps: PathStep[]; rttMs: number | null } {
  const { source: src, destination: dst } = result;
  const hops = [...result.forward, ...result.return];
  let packet: PacketView = result.sent;
  const srcNode = endpointResourceId(live, src);
  const dstNode = endpointResourceId(live, dst);
  const externalNodes = new Map<string, number>();
  if (src.kind !== 'interface') externalNodes.set(srcNode, externalLatency(src, hops));
  if (dst.kind !== 'interface') externalNodes.set(dstNode, externalLatency(dst, hops));

  const steps: PathStep[] = [];
  const push = (step: Omit<PathStep, 'index' | 'latencyMs' | 'packet'>) => {
    const previous = steps.at(-1);
    const crossing =
      previous && previous.resourceId !== step.resourceId
        ? (externalNodes.get(previous.resourceId ?? '') ?? externalNodes.get(step.resourceId ?? ''))
        : undefined;
    const latencyMs = previous ? (crossing ?? STEP_LATENCY_MS.inVpc) : 0;
    steps.push({ ...step, index: steps.length, packet, latencyMs });
  };
  const pushHop = (hop: Hop, direction: PathStep['direction']) => {
    const kind = live.resources[hop.id]?.kind;
    packet = hop.packet;
    const resourceId =
      kind === 'networkAcl'
        ? (hop.subnetId ?? hop.id)
        : hop.id === 'internet'
          ? endpointResourceId(live, { kind: 'internet', address: 0 })
          : kind
            ? hop.id
            : null;
    push({
      direction,
      kind: 'hop',
      resourceId,
      deciderId: hop.id,
      aclId: kind === 'networkAcl' ? hop.id : null,
      component: hop.component,
      decision: hop.decision,
      rule: hop.rule,
      explanation: hop.explanation,
      ...(hop.ruleRef ? { ruleRef: hop.ruleRef } : {}),
      translation: hop.translation ? `${hop.component}: ${hop.translation.from} → ${hop.translation.to}` : null,
    });
  };
  const pushEndpoint = (direction: PathStep['direction'], endpoint: Endpoint, sends: boolean, text: string) =>
    push({
      direction,
      kind: 'endpoint',
      resourceId: endpointResourceId(live, endpoint),
      deciderId: endpointResourceId(live, endpoint),
      aclId: null,
      component: endpointLabel(endpoint),
      decision: sends ? 'forward' : 'allow',
      rule: null,
      explanation: text,
      translation: null,
    });

  const what = hasPorts(flow.protocol)
    ? `${protocolLabel(flow.protocol)} port ${flow.port}`
    : protocolLabel(flow.protocol);
  const sourceIsDown = result.forward[0]?.id === srcNode && result.forward[0].decision === 'drop';
  if (!sourceIsDown) pushEndpoint('forward', src, true, `${endpointLabel(src)} sends ${what} to ${packet.dstIp}.`);
  result.forward.forEach((hop) => pushHop(hop, 'forward'));
  if (result.blockedBy?.direction !== 'forward') {
    if (steps.at(-1)?.resourceId !== dstNode)
      pushEndpoint('forward', dst, false, `The request reaches ${endpointLabel(dst)}.`);
    result.return.forEach((hop) => pushHop(hop, 'return'));
    if (result.reachable && steps.at(-1)?.resourceId !== srcNode)
      pushEndpoint('return', src, false, `The response reaches ${endpointLabel(src)}.`);
  }
  return { steps, rttMs: result.reachable ? round(steps.reduce((sum, s) => sum + s.latencyMs, 0)) : null };
}
