import { z } from 'zod';

/** The most requests a second one flow may send: enough for any lesson, small enough to simulate in real time. */
export const MAX_FLOW_RATE = 100_000;

/**
 * A stream of requests the simulation sends and animates: from one endpoint
 * to another, written as the reachability panel and `nimbus reach` accept
 * them (`internet`, a resource id or name, an IPv4 address, an on-premises
 * network id). Endpoints are plain text so a flow survives edits; one that no
 * longer resolves is a finding, not a parse error.
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
