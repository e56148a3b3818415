import { z } from 'zod';
import { MAX_LOAD_PER_SECOND, MAX_SIMULATED_SECONDS } from './catalogs/limits';

/** A bound's message names the figure and where it comes from, so a refused file says which quota it crossed. */
export const atMost = (limit: number, source: string): string =>
  `must be at most ${limit.toLocaleString('en-US')} (${source})`;

/** Events or requests a second, as loads and rates give them. */
export const LoadRateSchema = z
  .number()
  .min(0)
  .max(MAX_LOAD_PER_SECOND, atMost(MAX_LOAD_PER_SECOND, "Nimbus's most events a second"));

/** A simulated time or duration in seconds. */
export const SimSecondsSchema = z
  .number()
  .min(0)
  .max(MAX_SIMULATED_SECONDS, atMost(MAX_SIMULATED_SECONDS, 'seconds: Nimbus simulates at most 30 days'));

/** A CIDR is kept as text; whether it is a valid network is a validation finding, not a parse error. */
export const CidrTextSchema = z.string();
export const Ipv4TextSchema = z.string();

export const NameSchema = z.string().max(256, 'must be at most 256 characters');

/**
 * Any other IP protocol by its IANA number (0-255), e.g. 50 for ESP. AWS's
 * rules take a number for every protocol but TCP, UDP and ICMP, and such a
 * rule covers all of that protocol's traffic, whatever ports it names. Source:
 * Amazon EC2 API Reference, `IpPermission` (IpProtocol) and
 * `CreateNetworkAclEntry` (Protocol).
 */
export const IpProtocolNumberSchema = z.number().int().min(0).max(255);

/** IP protocols of ACL and security-group rules: all traffic (AWS's `-1`), TCP, UDP, ICMP, or another by number. */
export const ProtocolSchema = z.union([z.enum(['all', 'tcp', 'udp', 'icmp']), IpProtocolNumberSchema]);
export type Protocol = z.infer<typeof ProtocolSchema>;

/** The protocol of one packet (a query, a flow): TCP, UDP, ICMP, or another IP protocol by number. */
export const PacketProtocolSchema = z.union([z.enum(['tcp', 'udp', 'icmp']), IpProtocolNumberSchema]);
export type PacketProtocol = z.infer<typeof PacketProtocolSchema>;

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

/** An inclusive port range; `null` for rules of protocols without ports (all but TCP and UDP). */
export const PortRangeSchema = z
  .object({
    from: z.number().int().min(0).max(65535),
    to: z.number().int().min(0).max(65535),
  })
  .nullable();
export type PortRange = z.infer<typeof PortRangeSchema>;

/**
 * Offered load over time, in events per second: constant; a ramp from 0 to the
 * rate over `seconds`; a spike to `peak` between `from` and `to`; a daily curve
 * peaking at noon; or a schedule firing once every `everySeconds`.
 */
export const LoadProfileSchema = z.discriminatedUnion('shape', [
  z.object({ shape: z.literal('constant') }),
  z.object({ shape: z.literal('ramp'), seconds: SimSecondsSchema.positive() }),
  z.object({ shape: z.literal('spike'), peak: LoadRateSchema, from: SimSecondsSchema, to: SimSecondsSchema }),
  z.object({ shape: z.literal('daily') }),
  z.object({ shape: z.literal('schedule'), everySeconds: SimSecondsSchema.positive() }),
]);
export type LoadProfile = z.infer<typeof LoadProfileSchema>;

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
