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

/** IP protocols Nimbus models for ACL and security-group rules. */
export const ProtocolSchema = z.enum(['all', 'tcp', 'udp', 'icmp']);
export type Protocol = z.infer<typeof ProtocolSchema>;

/** An inclusive port range; `null` for `all` and `icmp` rules, which have no ports. */
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
