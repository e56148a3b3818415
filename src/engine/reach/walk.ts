import type { Design, PacketProtocol } from '../../domain';
import { createPathContext, type PathContext, type PathOptions } from './context';
import { EPHEMERAL_RANGES, type Endpoint } from './endpoints';
import { withOutage } from './outages';
import { enteringFor } from './clientVpn';
import { searchPath } from './paths';
import type { Packet } from './ruleEvaluate';

/** The packet of one connection: its protocol, destination port and (by default the client OS's first ephemeral) source port. */
export interface ConnectionPacket {
  protocol: PacketProtocol;
  port: number;
  sourcePort?: number;
}

export type Walked = { ok: true; ctx: PathContext; sourcePort: number } | { ok: false; error: string };

/**
 * Walks one connection between two resolved ends, with the outages the
 * options lay over (a load balancer's two legs are two such walks).
 */
export function walkBetween(
  design: Design,
  from: Endpoint,
  to: Endpoint,
  query: ConnectionPacket,
  options: PathOptions,
): Walked {
  const src = withOutage(enteringFor(design, from, to, options), options);
  const dst = withOutage(to, options);
  if (src.kind !== 'interface' && dst.kind !== 'interface')
    return { ok: false, error: 'one end must be in a VPC (an instance, a NAT gateway or a function with VPC access)' };
  if (!Number.isInteger(query.port) || query.port < 0 || query.port > 65535)
    return { ok: false, error: `port ${query.port} is not 0-65535` };
  const os = src.kind === 'interface' ? src.os : 'linux';
  const sourcePort = query.sourcePort ?? EPHEMERAL_RANGES[os].from;
  const packet: Packet = { protocol: query.protocol, port: query.port };
  const reply: Packet = { protocol: query.protocol, port: sourcePort };
  const ctx = createPathContext({
    design,
    source: src,
    destination: dst,
    request: packet,
    response: reply,
    options,
  });
  searchPath(ctx);
  return { ok: true, ctx, sourcePort };
}

const walkCache = new WeakMap<Design['resources'], Map<string, Walked>>();

/** An end's identity for the walk cache: what the walk reads of it. */
function endKey(end: Endpoint): string {
  if (end.kind === 'interface')
    return `${end.ownerKind}:${end.ownerId}:${end.privateIp}:${end.subnet.id}:${end.addressed ?? ''}:${end.outage?.code ?? ''}`;
  return end.kind === 'onPremises' ? `on:${end.network.id}:${end.address}` : `net:${end.address}`;
}

/**
 * A walk, remembered per design and outage options: a flow's path is planned
 * again whenever a target's health changes, and the network is the same then.
 * Walks are never changed once made (verdicts copy their hops).
 */
export function cachedWalk(
  design: Design,
  from: Endpoint,
  to: Endpoint,
  packet: ConnectionPacket,
  options: PathOptions,
): Walked {
  let byKey = walkCache.get(design.resources);
  if (!byKey) {
    byKey = new Map();
    walkCache.set(design.resources, byKey);
  }
  const key = [
    endKey(from),
    endKey(to),
    packet.protocol,
    packet.port,
    packet.sourcePort ?? '',
    options.zonesDown?.join(',') ?? '',
    options.outOfService?.join(',') ?? '',
    options.dbEndpoints ? JSON.stringify(options.dbEndpoints) : '',
  ].join('|');
  let walked = byKey.get(key);
  if (!walked) {
    walked = walkBetween(design, from, to, packet, options);
    if (byKey.size > 50_000) byKey.clear();
    byKey.set(key, walked);
  }
  return walked;
}
