import { hasPorts, type Design } from '../../domain';
import { formatIpv4, parseIpv4 } from '../../net';
import type { Endpoint, Interface } from './endpoints';
import type { Packet } from './ruleEvaluate';
import { Trace, type HopPacket } from './trace';

/** What one reachability question needs everywhere along its path, passed as one value. */
export interface PathContext {
  readonly design: Design;
  readonly source: Endpoint;
  readonly destination: Endpoint;
  /** The request and its response as the rule evaluators see them (protocol and destination port). */
  readonly request: Packet;
  readonly response: Packet;
  /** The request as the source sends it. */
  readonly sent: HopPacket;
  /**
   * Whether the request is sent to the destination interface's public address
   * (its Elastic IP or public IPv4), so it travels by the internet, rather than
   * to its private one. The address sent to is `sentTo`.
   */
  readonly toPublic: boolean;
  /** The address the request is sent to: every route lookup and filter on the way there uses it. */
  readonly sentTo: number;
  readonly forward: Trace;
  readonly back: Trace;
  /**
   * How the response retraces the forward path: each forward step that the
   * response crosses again pushes its return steps, run last in, first out.
   */
  readonly retrace: Array<() => void>;
  readonly options: PathOptions;
}

export interface PathOptions {
  /**
   * The address AWS auto-assigned to an instance as the running simulation
   * knows it (a new one after each stop and start); without it, the design's.
   */
  autoAssignedAddressOf?: (instanceId: string) => string | null;
  /** Availability Zone resource ids that are down: their subnets carry nothing, a load balancer's nodes there are out. */
  zonesDown?: readonly string[];
  /** Resources out of service: an impaired instance answers nothing, a failed NAT gateway forwards nothing. */
  outOfService?: readonly string[];
  /** Where each RDS DB instance's endpoint points (primary by default). */
  dbEndpoints?: Readonly<Record<string, 'primary' | 'standby' | 'unavailable'>>;
  /** Target health by target group id, then target id; absent means healthy (the simulation's health checks). */
  targetHealth?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Whether a subnet's zone is down in these options. */
export const zoneIsDown = (options: PathOptions, zoneId: string | null | undefined): boolean =>
  !!zoneId && !!options.zonesDown?.includes(zoneId);

/** Where an endpoint sends from or is reached at: its private address, or its address outside. */
export const addressOf = (endpoint: Endpoint): number =>
  endpoint.kind === 'interface' ? endpoint.privateIp : endpoint.address;

/** What a question brings; the context adds the packet as sent, both traces and the retrace stack. */
export type PathQuestion = Pick<PathContext, 'design' | 'source' | 'destination' | 'request' | 'response' | 'options'>;

export function createPathContext(question: PathQuestion): PathContext {
  const { design, source, destination, request, response, options } = question;
  const icmp = !hasPorts(request.protocol);
  // The internet addresses an instance it names by its public address; inside AWS a name means the private one.
  const toPublic =
    destination.kind === 'interface' &&
    (destination.addressed === 'public' || (!destination.addressed && source.kind === 'internet'));
  const addressedAt = toPublic ? publicAddress(options, destination) : null;
  const parsed = addressedAt ? parseIpv4(addressedAt) : null;
  const sentTo = parsed?.ok ? parsed.value : addressOf(destination);
  const sent: HopPacket = {
    protocol: request.protocol,
    // A Client VPN user sends from its own address; the endpoint translates it on the way in (`clientVpn.ts`).
    srcIp: addressText(
      source.kind === 'interface' && source.clientVpn ? source.clientVpn.clientAddress : addressOf(source),
    ),
    srcPort: icmp ? 0 : response.port,
    dstIp: addressText(sentTo),
    dstPort: icmp ? 0 : request.port,
  };
  return {
    design,
    source,
    destination,
    request,
    response,
    options,
    sent,
    toPublic,
    sentTo,
    forward: new Trace(design, sent),
    // The response's packet is known once the request arrives: its addresses and ports swapped.
    back: new Trace(design, sent),
    retrace: [],
  };
}

/**
 * The source's address as the destination sees it: the public address a NAT
 * or internet gateway translated it to, else its own. Read once the request
 * has arrived (the return leg and the destination's filters use it).
 */
export function sourceSeenAt(ctx: PathContext): number {
  if (!ctx.forward.sourceTranslated) return addressOf(ctx.source);
  const seen = parseIpv4(ctx.forward.packet.srcIp);
  return seen.ok ? seen.value : addressOf(ctx.source);
}

/**
 * The public address an interface is reached at and sends from through an
 * internet gateway: its Elastic IP, or the public IPv4 it holds (the running
 * simulation's when it knows it, else the design's).
 */
export function publicAddress(options: PathOptions, eni: Interface): string | null {
  if (eni.ownerKind !== 'ec2Instance' || !eni.publicIp) return eni.publicAddress;
  const live = eni.elasticIp ? null : options.autoAssignedAddressOf?.(eni.ownerId);
  return live ?? eni.publicAddress;
}

/** Addresses as text, cached: every query formats its two ends, and queries repeat the same few ends. */
const addressTexts = new Map<number, string>();
function addressText(address: number): string {
  let text = addressTexts.get(address);
  if (text === undefined) {
    if (addressTexts.size >= 4096) addressTexts.clear();
    text = formatIpv4(address);
    addressTexts.set(address, text);
  }
  return text;
}

/** The request as it arrived, turned around: the response starts from here. */
export function turnAround(packet: HopPacket): HopPacket {
  return {
    protocol: packet.protocol,
    srcIp: packet.dstIp,
    srcPort: packet.dstPort,
    dstIp: packet.srcIp,
    dstPort: packet.srcPort,
  };
}
