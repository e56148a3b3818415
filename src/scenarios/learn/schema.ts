import { z } from 'zod';
import {
  PacketProtocolSchema,
  atMost,
  ECS_MAX_TASKS_PER_SERVICE,
  EKS_MAX_REPLICAS,
  formatIssues,
  InstanceStateSchema,
  LoadRateSchema,
  parseWholeDesign,
  type Design,
} from '../../domain';
import { goalProblems } from './references';

/**
 * The lesson / challenge file format (docs/learn-format.md). A lesson is data:
 * a starting design, a few paragraphs, and goals that the engines check
 * (reachability, validation, CIDR maths, the simulation), never the drawing.
 */
export const LESSON_FORMAT = 'nimbus-lesson';
export const CURRENT_LESSON_VERSION = 1;

/**
 * Where traffic starts or ends, written as in the reachability panel and the
 * CLI: `internet`, an IPv4 address, or a resource id (an instance, a NAT
 * gateway, a function with VPC access, an on-premises network). A resource
 * name also works when it is unique, but ids survive renaming.
 */
const EndpointTextSchema = z.string().min(1, 'must name an endpoint');

/** `from` can reach (or must not reach) `to` with one concrete packet, and the response gets back. */
export const ReachCheckSchema = z.object({
  type: z.literal('reach'),
  from: EndpointTextSchema,
  to: EndpointTextSchema,
  /** TCP (default), UDP, ICMP or another IP protocol by number (50 is ESP). */
  protocol: PacketProtocolSchema.default('tcp'),
  port: z.number().int().min(0).max(65535),
  expect: z.enum(['reachable', 'unreachable']).default('reachable'),
});

/**
 * A user connected to the Client VPN endpoint reaches `to` (or must not):
 * through an authorization rule, a route of the endpoint and an association,
 * its source translated to the association's interface (engine/reach/clientVpn.ts).
 */
export const ClientVpnReachesCheckSchema = z.object({
  type: z.literal('clientVpnReaches'),
  endpointId: z.string().min(1),
  to: EndpointTextSchema,
  protocol: PacketProtocolSchema.default('tcp'),
  port: z.number().int().min(0).max(65535),
  expect: z.enum(['reachable', 'unreachable']).default('reachable'),
});

/** The subnet's CIDR is valid and leaves at least this many addresses after AWS's five reserved ones. */
export const UsableAddressesCheckSchema = z.object({
  type: z.literal('usableAddresses'),
  subnet: z.string().min(1),
  atLeast: z.number().int().min(1),
});

/**
 * Validation is clean. Without `codes`: no finding at `severity` or worse
 * (`error` ignores warnings; `warning` counts both). With `codes`: none of
 * those findings, whatever their severity.
 */
export const NoFindingsCheckSchema = z.object({
  type: z.literal('noFindings'),
  severity: z.enum(['error', 'warning']).default('error'),
  codes: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be a finding code like SUBNET_OVERLAP')).optional(),
});

/**
 * The function serves a steady synchronous load (like API Gateway) without a
 * single throttle over the simulated seconds. The load replaces the
 * function's own triggers; everything else in the design runs as drawn.
 */
export const NoThrottlesCheckSchema = z.object({
  type: z.literal('noThrottles'),
  functionId: z.string().min(1),
  requestsPerSecond: LoadRateSchema.positive(),
  seconds: z.number().int().min(1).max(3600).default(60),
});

/** The simulated cost rate, once everything has started, times 730 hours stays under this many US dollars. */
export const MonthlyCostUnderCheckSchema = z.object({
  type: z.literal('monthlyCostUnder'),
  usd: z.number().positive(),
});

/** Which EC2 instances an `instances` check counts; every given field must match. */
export const InstanceMatchSchema = z.object({
  id: z.string().min(1).optional(),
  state: InstanceStateSchema.optional(),
  amiId: z.string().min(1).optional(),
  family: z
    .enum(['general purpose', 'compute optimized', 'memory optimized', 'accelerated computing', 'storage optimized'])
    .optional(),
  minVcpu: z.number().positive().optional(),
  minMemoryGiB: z.number().positive().optional(),
});

/** The number of instances matching `where` (from the instance-type catalogue) is within the bounds. */
export const InstancesCheckSchema = z
  .object({
    type: z.literal('instances'),
    where: InstanceMatchSchema.default({}),
    atLeast: z.number().int().min(0).optional(),
    atMost: z.number().int().min(0).optional(),
  })
  .refine((c) => c.atLeast !== undefined || c.atMost !== undefined, { message: 'give atLeast, atMost or both' });

/** After the simulation has run `afterSeconds`, the ECS service has at least this many tasks running. */
export const ServiceRunningCheckSchema = z.object({
  type: z.literal('serviceRunning'),
  serviceId: z.string().min(1),
  // A service never runs more tasks than ECS allows it, so a larger goal could never be met.
  atLeast: z
    .number()
    .int()
    .min(1)
    .max(ECS_MAX_TASKS_PER_SERVICE, atMost(ECS_MAX_TASKS_PER_SERVICE, 'Amazon ECS quota "Tasks per service"')),
  afterSeconds: z.number().int().min(1).max(3600).default(120),
});

/**
 * After the simulation has run `afterSeconds`, the deployment of the EKS cluster has at least this many pods
 * running (bound to a node that joined the cluster, or on Fargate). With `zoneOutage`, that zone fails at
 * `atSeconds` for the rest of the run, so the count is what the cluster keeps, or gets back, without it.
 */
export const PodsRunningCheckSchema = z
  .object({
    type: z.literal('podsRunning'),
    clusterId: z.string().min(1),
    deployment: z.string().min(1),
    // A deployment never has more pods than its replicas, which Nimbus bounds, so a larger goal could never be met.
    atLeast: z.number().int().min(1).max(EKS_MAX_REPLICAS, atMost(EKS_MAX_REPLICAS, "Nimbus's largest deployment")),
    afterSeconds: z.number().int().min(1).max(7200).default(300),
    zoneOutage: z
      .object({ zoneId: z.string().min(1), atSeconds: z.number().int().min(0).max(7200).default(300) })
      .optional(),
  })
  .refine((c) => !c.zoneOutage || c.zoneOutage.atSeconds < c.afterSeconds, {
    message: 'afterSeconds must come after zoneOutage.atSeconds',
  });

/**
 * After `afterSeconds`, the EKS cluster has running nodes and every one of them reaches the cluster's endpoint
 * (HTTPS to the internet: Nimbus models the public endpoint), through a NAT gateway when `through` says so rather
 * than with its own public IPv4 address.
 */
export const NodesReachEndpointCheckSchema = z.object({
  type: z.literal('nodesReachEndpoint'),
  clusterId: z.string().min(1),
  through: z.enum(['any', 'natGateway']).default('any'),
  afterSeconds: z.number().int().min(1).max(3600).default(300),
});

/**
 * The design keeps serving while an Availability Zone is out: the zone fails
 * at `atSeconds` (for the rest of the run), and from `recoverySeconds` later
 * until `untilSeconds` each of its flows has at least `atLeastPercent` of
 * the requests it sends delivered (responses back). The fault is the goal's own, so a
 * design cannot pass by not failing.
 */
export const ServedThroughZoneOutageCheckSchema = z
  .object({
    type: z.literal('servedThroughZoneOutage'),
    zoneId: z.string().min(1),
    atSeconds: z.number().int().min(0).max(3600).default(600),
    recoverySeconds: z.number().int().min(0).max(3600).default(180),
    untilSeconds: z.number().int().min(1).max(7200).default(1800),
    atLeastPercent: z.number().min(0).max(100).default(99),
  })
  .refine((c) => c.atSeconds + c.recoverySeconds < c.untilSeconds, {
    message: 'untilSeconds must come after atSeconds + recoverySeconds',
  });
/**
 * A flow of the design still runs as the lesson set it: the same ends, at least this rate and response size. A
 * cost goal pairs with it, so a bill cannot drop by deleting or shrinking the workload it is about.
 */
export const FlowKeptCheckSchema = z.object({
  type: z.literal('flowKept'),
  flowId: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  atLeastPerSecond: LoadRateSchema.positive(),
  atLeastResponseBytes: z.number().int().min(0).default(0),
});
export const GoalCheckSchema = z.discriminatedUnion('type', [
  ReachCheckSchema,
  UsableAddressesCheckSchema,
  NoFindingsCheckSchema,
  NoThrottlesCheckSchema,
  MonthlyCostUnderCheckSchema,
  InstancesCheckSchema,
  ServiceRunningCheckSchema,
  PodsRunningCheckSchema,
  NodesReachEndpointCheckSchema,
  ServedThroughZoneOutageCheckSchema,
  ClientVpnReachesCheckSchema,
  FlowKeptCheckSchema,
]);
export type GoalCheck = z.infer<typeof GoalCheckSchema>;
export type InstanceMatch = z.infer<typeof InstanceMatchSchema>;

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes');

/** Far more than any sensible ratio between two goals; it keeps a typo such as 1e9 out of a grade. */
export const MAX_GOAL_WEIGHT = 100;

export const GoalSchema = z.object({
  id: SlugSchema,
  /** What the student must achieve, in plain words. */
  text: z.string().min(1).max(300),
  /** A nudge towards the fix, shown on request. */
  hint: z.string().min(1).max(500),
  check: GoalCheckSchema,
  /**
   * The goal's share of the grade: the score is the weight of the goals met over the
   * weight of all goals. Optional, so files written before weights open unchanged
   * (every goal then counts the same).
   */
  weight: z.number().positive().max(MAX_GOAL_WEIGHT).default(1),
});
export type Goal = z.infer<typeof GoalSchema>;

/**
 * Everything except `start`, which goes through `parseWholeDesign` (migrations
 * included) so a lesson written for an older design version still opens. It is
 * whole, not salvaged: goals may name any resource, so one left out would make
 * the lesson unfinishable.
 */
export const LessonShapeSchema = z.object({
  format: z.literal(LESSON_FORMAT),
  version: z.literal(CURRENT_LESSON_VERSION),
  id: SlugSchema,
  order: z.number().int().min(0),
  kind: z.enum(['lesson', 'challenge']),
  title: z.string().min(1).max(120),
  topic: z.string().min(1).max(120),
  explanation: z.array(z.string().min(1).max(1200)).min(1).max(6),
  start: z.unknown(),
  goals: z.array(GoalSchema).min(2).max(4),
});

export type Lesson = Omit<z.infer<typeof LessonShapeSchema>, 'start'> & { start: Design };
export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** `resources.x.cidr: …` becomes `start.resources.x.cidr: …`; a message without a path becomes `start: …`. */
const underStart = (error: string) => (/^[^\s:]+: /.test(error) ? `start.${error}` : `start: ${error}`);

/**
 * The one way a lesson or challenge file becomes a `Lesson`: the shape, then
 * the starting design (errors under `start.`), then goal ids and the
 * resources goals name. Never throws; errors name the path, like parseDesign.
 */
export function parseLesson(input: unknown): LessonParseResult {
  const shape = LessonShapeSchema.safeParse(input);
  // The design is checked even when the rest is broken, so a teacher sees every problem at once.
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  const start = parseWholeDesign(
    isObject && Object.hasOwn(input, 'start') ? (input as { start: unknown }).start : undefined,
  );
  const startErrors = start.ok || !isObject ? [] : start.errors.map(underStart);
  if (!shape.success) return { ok: false, errors: [...formatIssues(shape.error.issues), ...startErrors] };
  if (!start.ok) return { ok: false, errors: startErrors };
  const lesson: Lesson = { ...shape.data, start: start.design };
  const errors = goalProblems(lesson);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lesson };
}
