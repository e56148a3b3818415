import type { Design, PacketProtocol } from '../../domain';
import { createPathContext, type PathContext, type PathOptions } from './context';
import { EPHEMERAL_RANGES, type Endpoint } from './endpoints';
import { withOutage } from './outages';
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
  const src = withOutage(from, options);
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
