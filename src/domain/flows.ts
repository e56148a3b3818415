import { z } from 'zod';

/** The most requests a second one flow may send: enough for any lesson, small enough to simulate in real time. */
export const MAX_FLOW_RATE = 100_000;

/**
 * A stream of requests the simulation sends and animates, from one endpoint
 * to another. Each endpoint is the stable text the engine's `formatEndpoint`
 * writes (`internet`, a resource id, an IPv4 address) and `parseEndpoint`
 * reads, the same text `nimbus reach --from/--to` takes; files written by hand
 * may also name a resource, as they always could, so older flows load as they
 * are. Endpoints are plain text so a flow survives edits; one that no longer
 * resolves is a finding, not a parse error.
 */
export const FlowSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(200),
  from: z.string(),
  to: z.string(),
  protocol: z.enum(['tcp', 'udp', 'icmp']),
  port: z.number().int().min(0).max(65535),
  ratePerSecond: z.number().positive().max(MAX_FLOW_RATE),
});
export type Flow = z.infer<typeof FlowSchema>;
