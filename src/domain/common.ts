import { MAX_LOAD_PER_SECOND } from './catalogs/limits';
import type { Protocol, LoadProfile } from './common.schema';

/** A bound's message names the figure and where it comes from, so a refused file says which quota it crossed. */
export const atMost = (limit: number, source: string): string =>
  `must be at most ${limit.toLocaleString('en-US')} (${source})`;

const NAMED_PROTOCOLS = { icmp: 1, tcp: 6, udp: 17 } as const;

/** The IANA number of a protocol; -1 for all traffic (AWS's spelling of it). */
export const protocolNumber = (protocol: Protocol): number =>
  protocol === 'all' ? -1 : typeof protocol === 'number' ? protocol : NAMED_PROTOCOLS[protocol];

/** Only TCP and UDP carry ports; every other protocol's rules and packets have none. */
export const hasPorts = (protocol: Protocol): protocol is 'tcp' | 'udp' => protocol === 'tcp' || protocol === 'udp';

/**
 * Reads a protocol as AWS and people write it: a name (`tcp`, `udp`, `icmp`,
 * `all`) or a number (`6`, `50`, `-1`). 6, 17 and 1 become their names, so
 * each protocol has one spelling. Null when it is none of these.
 */
export function readProtocol(text: string | number): Protocol | null {
  const value = String(text).trim().toLowerCase();
  if (value === 'all' || value === '-1') return 'all';
  if (value === 'tcp' || value === 'udp' || value === 'icmp') return value;
  if (!/^\d{1,3}$/.test(value)) return null;
  const n = Number(value);
  if (n > 255) return null;
  const named = (Object.keys(NAMED_PROTOCOLS) as Array<keyof typeof NAMED_PROTOCOLS>).find(
    (k) => NAMED_PROTOCOLS[k] === n,
  );
  return named ?? n;
}

/** Names of common protocol numbers (IANA, "Assigned Internet Protocol Numbers"), for explanations. */
const PROTOCOL_NAMES: Readonly<Record<number, string>> = {
  2: 'IGMP',
  4: 'IP-in-IP',
  41: 'IPv6-in-IPv4',
  47: 'GRE',
  50: 'ESP',
  51: 'AH',
  58: 'ICMPv6',
  89: 'OSPF',
  132: 'SCTP',
};

/** A protocol in words: `TCP`, `all traffic`, `protocol 50 (ESP)`. */
export function protocolLabel(protocol: Protocol): string {
  if (protocol === 'all') return 'all traffic';
  if (typeof protocol === 'string') return protocol.toUpperCase();
  const name = PROTOCOL_NAMES[protocol];
  return `protocol ${protocol}${name ? ` (${name})` : ''}`;
}

/**
 * The profile a load shape starts with when picked in the inspector: a ramp
 * over a minute, a two-minute spike to 20× the rate (at least 20,000/s, past
 * Lambda's default 1,000 concurrency, at most the bound on loads) starting
 * now, or one event a minute.
 */
export function startingLoadProfile(shape: LoadProfile['shape'], rate: number, now: number): LoadProfile {
  switch (shape) {
    case 'ramp':
      return { shape, seconds: 60 };
    case 'spike':
      return {
        shape,
        peak: Math.min(MAX_LOAD_PER_SECOND, Math.max(20_000, rate * 20)),
        from: Math.ceil(now),
        to: Math.ceil(now) + 120,
      };
    case 'schedule':
      return { shape, everySeconds: 60 };
    default:
      return { shape };
  }
}

export type { Protocol, PacketProtocol, PortRange, LoadProfile } from './common.schema';
