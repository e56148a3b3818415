import { z } from 'zod';
import { MAX_FLOW_RATE } from './catalogs/limits';
import { atMost } from './common';
import { PacketProtocolSchema } from './common.schema';

/**
 * A stream of requests the simulation sends and animates, from one endpoint
 * to another. Each endpoint is the stable text the engine's `formatEndpoint`
 * writes (`internet`, a resource id, an IPv4 address) and `parseEndpoint`
 * reads, the same text `nimbus reach --from/--to` takes; files written by hand
 * may also name a resource, as they always could, so older flows load as they
 * are. Endpoints are plain text so a flow survives edits; one that no longer
 * resolves is a finding, not a parse error.
 */
/** Up to 100 MB a message: beyond it a flow is a bulk transfer, not requests. */
const FlowBytesSchema = z
  .number()
  .int()
  .min(0)
  .max(100_000_000, atMost(100_000_000, "Nimbus's largest request or response (100 MB)"));

export const FlowSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(200),
  from: z.string(),
  to: z.string(),
  protocol: PacketProtocolSchema,
  port: z.number().int().min(0).max(65535),
  ratePerSecond: z
    .number()
    .positive()
    .max(MAX_FLOW_RATE, atMost(MAX_FLOW_RATE, "Nimbus's most requests a second for one flow")),
  /** Bytes of each request and of its response, for the data-transfer bill; Nimbus's defaults when absent. */
  requestBytes: FlowBytesSchema.optional(),
  responseBytes: FlowBytesSchema.optional(),
  /**
   * `perRequest` (the default): each request opens a connection, as many users do; `persistent`: the requests
   * share one connection kept open (a session, a connection pool), which connection tracking can keep alive.
   */
  connection: z.enum(['perRequest', 'persistent']).optional(),
});
export type Flow = z.infer<typeof FlowSchema>;
