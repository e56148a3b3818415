import { z } from 'zod';
import { MAX_LOAD_PER_SECOND, MAX_SIMULATED_SECONDS } from './catalogs/limits';
import { atMost } from './common';

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
