import type { Design } from '../../domain';
import { formatIpv4 } from '../../net';
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
   * The address AWS auto-assigned to an instance. Only a running simulation
   * knows it; without it the packet's addresses keep the private address where
   * an internet gateway would translate (the verdict and hops are the same).
   */
  autoAssignedAddressOf?: (instanceId: string) => string | null;
}

/** Where an endpoint sends from or is reached at: its private address, or its address outside. */
export const addressOf = (endpoint: Endpoint): number =>
  endpoint.kind === 'interface' ? endpoint.privateIp : endpoint.address;

/** What a question brings; the context adds the packet as sent, both traces and the retrace stack. */
export type PathQuestion = Pick<PathContext, 'design' | 'source' | 'destination' | 'request' | 'response' | 'options'>;

export function createPathContext(question: PathQuestion): PathContext {
  const { design, source, destination, request, response, options } = question;
  const icmp = request.protocol === 'icmp';
  // From the internet, a client addresses an instance by its public address; the internet gateway translates it.
  const addressedAt =
    source.kind === 'internet' && destination.kind === 'interface' ? publicAddress(options, destination) : null;
  const sent: HopPacket = {
    protocol: request.protocol,
    srcIp: addressText(addressOf(source)),
    srcPort: icmp ? 0 : response.port,
    dstIp: addressedAt ?? addressText(addressOf(destination)),
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
    forward: new Trace(design, sent),
    // The response's packet is known once the request arrives: its addresses and ports swapped.
    back: new Trace(design, sent),
    retrace: [],
  };
}

/**
 * The public address an internet gateway maps to an instance, when known. A
 * NAT gateway's Elastic IP is not mapped: the NAT gateway translates to it itself.
 */
export function publicAddress(options: PathOptions, eni: Interface): string | null {
  if (eni.ownerKind !== 'ec2Instance') return null;
  return eni.publicAddress ?? (eni.publicIp ? (options.autoAssignedAddressOf?.(eni.ownerId) ?? null) : null);
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
