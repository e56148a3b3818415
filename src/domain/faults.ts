import { z } from 'zod';
import { SimSecondsSchema } from './common.schema';

/** How long a fault lasts before it recovers; null: it lasts for the rest of the run. */
const DurationSchema = SimSecondsSchema.positive().nullable().default(null);

/**
 * A failure the simulation injects at a given time, as AWS Fault Injection
 * Service does on real infrastructure (its actions `aws:network:disrupt-connectivity`
 * for a zone's subnets, `aws:ec2:stop-instances`, `aws:rds:failover-db-cluster`,
 * `aws:rds:reboot-db-instances` with failover). What follows (health checks,
 * replacements, failover, lost routes) is the simulation's own work.
 *
 * - `zoneOutage`: every instance in the zone is impaired, the zone's load
 *   balancer nodes and NAT gateways stop, and its subnets carry no traffic.
 * - `instanceFailure`: one instance fails its status checks (impaired).
 * - `natGatewayFailure`: one NAT gateway stops forwarding (as if deleted).
 * - `dbFailover`: an RDS DB instance reboots with failover.
 * - `routeDeletion`: one route (by its destination) is gone from a route
 *   table (as `DeleteRoute` would), then comes back.
 *
 * Source: AWS Fault Injection Service User Guide, "Actions reference". A
 * route deletion is Nimbus's own fault (an operator's `DeleteRoute` by
 * mistake, undone later), not one FIS action.
 */
export const FaultEventSchema = z.discriminatedUnion('fault', [
  z.object({
    at: SimSecondsSchema,
    fault: z.literal('zoneOutage'),
    zoneId: z.string(),
    durationSeconds: DurationSchema,
  }),
  z.object({
    at: SimSecondsSchema,
    fault: z.literal('instanceFailure'),
    instanceId: z.string(),
    durationSeconds: DurationSchema,
  }),
  z.object({
    at: SimSecondsSchema,
    fault: z.literal('natGatewayFailure'),
    natGatewayId: z.string(),
    durationSeconds: DurationSchema,
  }),
  z.object({ at: SimSecondsSchema, fault: z.literal('dbFailover'), dbInstanceId: z.string() }),
  z.object({
    at: SimSecondsSchema,
    fault: z.literal('routeDeletion'),
    tableId: z.string(),
    /** The route's destination CIDR as the table holds it. */
    destination: z.string(),
    durationSeconds: DurationSchema,
  }),
]);
export type FaultEvent = z.infer<typeof FaultEventSchema>;
/** A fault as the user clicks it live: no time of its own (it happens now). */
export type LiveFault = FaultEvent extends infer F ? (F extends FaultEvent ? Omit<F, 'at'> : never) : never;
