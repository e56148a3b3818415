import { z } from 'zod';
import { SimSecondsSchema } from './common';

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
 *
 * Source: AWS Fault Injection Service User Guide, "Actions reference".
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
]);
export type FaultEvent = z.infer<typeof FaultEventSchema>;
/** A fault as the user clicks it live: no time of its own (it happens now). */
export type LiveFault = FaultEvent extends infer F ? (F extends FaultEvent ? Omit<F, 'at'> : never) : never;
