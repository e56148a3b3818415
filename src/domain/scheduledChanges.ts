import { z } from 'zod';
import { SimSecondsSchema } from './common.schema';
import { NaclRuleSchema } from './kinds/networkAcl.schema';
import { RouteSchema } from './kinds/routeTable.schema';
import { SgRuleSchema } from './kinds/securityGroup.schema';

const DirectionSchema = z.enum(['inbound', 'outbound']);

/**
 * A change to a rule or a route the simulation makes at a given time, as an
 * operator would in the console while traffic flows (to watch connection
 * tracking keep open connections, or a route change cut them).
 */
export const ScheduledChangeSchema = z.discriminatedUnion('change', [
  z
    .object({
      at: SimSecondsSchema,
      change: z.literal('removeSecurityGroupRule'),
      groupId: z.string(),
      direction: DirectionSchema,
      /**
       * The rule to revoke, by protocol, ports and source or destination (its description is not part of
       * it), as AWS's RevokeSecurityGroupIngress/Egress names a rule: what it is, not where it sits.
       */
      rule: SgRuleSchema.optional(),
      /**
       * Older files' form: the rule's position in that direction's list when the change runs. Still read;
       * Nimbus writes `rule` now, since a position shifts once an earlier removal has run.
       */
      index: z.number().int().min(0).optional(),
    })
    .refine((c) => c.rule !== undefined || c.index !== undefined, {
      message: 'a scheduled rule removal names no rule: give the rule (protocol, ports and source)',
    }),
  z.object({
    at: SimSecondsSchema,
    change: z.literal('addSecurityGroupRule'),
    groupId: z.string(),
    direction: DirectionSchema,
    rule: SgRuleSchema,
  }),
  z.object({
    at: SimSecondsSchema,
    change: z.literal('removeNetworkAclRule'),
    aclId: z.string(),
    direction: DirectionSchema,
    ruleNumber: z.number().int(),
  }),
  z.object({
    at: SimSecondsSchema,
    change: z.literal('addNetworkAclRule'),
    aclId: z.string(),
    direction: DirectionSchema,
    rule: NaclRuleSchema,
  }),
  z.object({ at: SimSecondsSchema, change: z.literal('removeRoute'), tableId: z.string(), destination: z.string() }),
  z.object({ at: SimSecondsSchema, change: z.literal('addRoute'), tableId: z.string(), route: RouteSchema }),
]);
export type ScheduledChange = z.infer<typeof ScheduledChangeSchema>;
