/**
 * AWS limits and default quotas the validator checks, each with its source.
 */

/** Amazon VPC User Guide, "VPC CIDR blocks" and "Amazon VPC quotas". */
export const VPC_MIN_PREFIX = 16;
export const VPC_MAX_PREFIX = 28;
export const VPC_MAX_IPV4_CIDRS = 5;

/** Amazon VPC quotas: "Security groups per network interface" (default 5). */
export const MAX_SECURITY_GROUPS_PER_INTERFACE = 5;
/** Amazon VPC quotas: "Inbound or outbound rules per security group" (default 60). */
export const MAX_SG_RULES_PER_DIRECTION = 60;
/**
 * Amazon VPC quotas: "Rules per network ACL" (default 20 per direction). The
 * final `*` rule counts towards it, so 19 numbered rules fit.
 */
export const MAX_NACL_RULES_PER_DIRECTION = 20;
export const NACL_MIN_RULE_NUMBER = 1;
export const NACL_MAX_RULE_NUMBER = 32766;
/** Amazon VPC quotas: "Routes per route table" (default 50 non-propagated). */
export const MAX_ROUTES_PER_TABLE = 50;
/** Amazon VPC Peering Guide, "VPC peering connection quotas": active peering connections per VPC, default 50 (adjustable to 125). */
export const MAX_ACTIVE_PEERINGS_PER_VPC = 50;
/** Amazon VPC Transit Gateways, "Quotas for your transit gateways": transit gateways per VPC (5) and route tables per transit gateway (20). */
export const MAX_TRANSIT_GATEWAYS_PER_VPC = 5;
export const MAX_ROUTE_TABLES_PER_TRANSIT_GATEWAY = 20;

/** Lambda quotas: "Function memory allocation" and "Function timeout". */
export const LAMBDA_MIN_MEMORY_MB = 128;
export const LAMBDA_MAX_MEMORY_MB = 10240;
export const LAMBDA_MAX_TIMEOUT_S = 900;
/** Lambda: account concurrency (default 1,000 per Region), at least 100 must stay unreserved. */
export const LAMBDA_ACCOUNT_CONCURRENCY = 1000;
export const LAMBDA_MIN_UNRESERVED = 100;

/**
 * Valid Fargate task sizes: CPU units (1,024 = 1 vCPU) to allowed memory in MiB.
 * Source: Amazon ECS Developer Guide, "Task CPU and memory" (Fargate).
 */
const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

export const FARGATE_TASK_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

export function isValidFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_TASK_SIZES.get(cpu)?.includes(memory) ?? false;
}

/** Amazon VPC User Guide, "Subnet CIDR blocks": a subnet is /16 to /28. */
export const SUBNET_PREFIX_RANGE = { min: 16, max: 28 } as const;

/*
 * Bounds on what a file, a link or a challenge may ask for. Counts the
 * simulation runs, sizes it draws and coordinates it lays out are capped where
 * they enter (the design and lesson schemas), so no input can make Nimbus
 * allocate or compute without end. Where AWS publishes a quota, the bound is
 * that quota at its highest (raised where AWS allows it); where it publishes
 * none, the figure is Nimbus's own, and says so.
 */

/**
 * Amazon ECS Developer Guide, "Amazon ECS service quotas": "Tasks per service"
 * is 5,000 and not adjustable; it bounds a service's desired count and its
 * target tracking's minimum and maximum.
 */
export const ECS_MAX_TASKS_PER_SERVICE = 5000;

/**
 * Amazon EKS User Guide, "Amazon EKS service quotas": "Nodes per managed node
 * group" is 450 by default and adjustable, with no published ceiling. Nimbus
 * accepts up to 5,000 (as many as an ECS service's tasks): room for a raised
 * quota, and a fleet it still prices as one count.
 */
export const EKS_MAX_NODES_PER_NODE_GROUP = 5000;

/**
 * Lambda Developer Guide, "Lambda quotas": "Concurrent executions" is 1,000 by
 * default and "can be increased up to tens of thousands". Nimbus accepts up to
 * 100,000, the top of that range, for the account's limit and for a function's
 * reserved or provisioned concurrency (neither can exceed the account's).
 */
export const LAMBDA_MAX_ACCOUNT_CONCURRENCY = 100_000;

/**
 * Amazon VPC User Guide, "Amazon VPC quotas": "Inbound or outbound rules per
 * security group" (default 60) multiplied by "Security groups per network
 * interface" cannot exceed 1,000, so a group holds at most 1,000 rules per
 * direction, with the quota raised and one group per interface.
 */
export const MAX_SG_RULES_PER_DIRECTION_RAISED = 1000;

/**
 * Nimbus's bound for the rules of one direction of a group it reads: ten times
 * AWS's maximum, so a generated or mistaken rule set still opens and can be
 * fixed (past AWS's maximum it is an error finding, as AWS would refuse it),
 * while a link can't ask for millions.
 */
export const MAX_SG_RULES_READABLE = 10_000;

/**
 * Amazon VPC User Guide, "Amazon VPC quotas": "Rules per network ACL" (default
 * 20 per direction) can be raised to 40. The final `*` rule counts towards it,
 * so 39 numbered rules fit.
 */
export const MAX_NACL_RULES_PER_DIRECTION_RAISED = 40;

/**
 * Amazon VPC User Guide, "Amazon VPC quotas": "Routes per route table"
 * (non-propagated, default 50) can be raised to a maximum of 1,000.
 */
export const MAX_ROUTES_PER_TABLE_RAISED = 1000;

/**
 * The most events or requests a second a load profile, a trigger or a
 * service's offered load may ask for. AWS sets no quota on offered load; Nimbus
 * picks 1,000,000 a second: a thousand times the account's default Lambda
 * concurrency of 1,000 (above), far past anything a lesson shows, and still
 * exact in the simulation's per-second arithmetic.
 */
export const MAX_LOAD_PER_SECOND = 1_000_000;

/** The most requests a second one flow may send: enough for any lesson, small enough to simulate in real time (Nimbus's figure). */
export const MAX_FLOW_RATE = 100_000;

/**
 * The latest simulated second a load profile or a scheduled action may name,
 * and the longest ramp or schedule period: 30 days, as long as `nimbus
 * simulate --duration` runs (Nimbus's figure; AWS has nothing to say).
 */
export const MAX_SIMULATED_SECONDS = 30 * 86_400;

/**
 * The most scheduled actions a design's simulation settings may list
 * (Nimbus's figure): each is one event, and the simulation handles about a
 * million a second (docs/benchmarks.md), so 100,000 cost a tenth of a second.
 */
export const MAX_SIMULATION_ACTIONS = 100_000;

/**
 * How far from its parent's corner a resource may be drawn, and how large a
 * container may be, in canvas pixels: a million, about five hundred screens
 * across (Nimbus's figure). Positions stay finite when added up through every
 * container, so layout and export never meet Infinity or NaN.
 */
export const MAX_CANVAS_EXTENT = 1_000_000;

/**
 * Elastic Load Balancing quotas ("Quotas for your Application Load Balancers"
 * and "... Network Load Balancers"): listeners per load balancer (50), targets
 * per target group (1,000 for an ALB's; Nimbus uses it for both).
 */
export const ELB_MAX_LISTENERS = 50;
export const ELB_MAX_TARGETS_PER_GROUP = 1000;
/**
 * Health check ranges (ELB User Guide, "Health checks for target groups"):
 * interval 5-300 s, timeout 2-120 s, healthy and unhealthy thresholds 2-10.
 */
export const HEALTH_CHECK_INTERVAL = { min: 5, max: 300 } as const;
export const HEALTH_CHECK_TIMEOUT = { min: 2, max: 120 } as const;
export const HEALTH_CHECK_THRESHOLD = { min: 2, max: 10 } as const;
/**
 * EC2 Auto Scaling quotas ("Auto Scaling quotas"): scaling policies (50) and
 * scheduled actions (125) per group. The size of a group is bounded by
 * Nimbus at 1,000 instances (an account's On-Demand vCPU quota bounds it in AWS).
 */
export const ASG_MAX_POLICIES = 50;
export const ASG_MAX_SCHEDULED_ACTIONS = 125;
export const ASG_MAX_SIZE = 1000;
/** Amazon RDS, "CreateDBInstance": allocated storage for gp2/gp3 is 20-65,536 GiB (MySQL, PostgreSQL). */
export const RDS_STORAGE_GIB = { min: 20, max: 65536 } as const;
/** Nimbus's most fault events in one design's simulation. */
export const MAX_FAULT_EVENTS = 200;

/**
 * AWS Client VPN Administrator Guide, "Rules and best practices": the client
 * CIDR "must have a block size of at least /22 and must not be greater than
 * /12". "Quotas for AWS Client VPN": 50 authorization rules and 10 routes per
 * endpoint (the route quota is adjustable; Nimbus keeps the default).
 */
export const CLIENT_VPN_MIN_PREFIX = 12;
export const CLIENT_VPN_MAX_PREFIX = 22;
export const CLIENT_VPN_MAX_AUTHORIZATION_RULES = 50;
export const CLIENT_VPN_MAX_ROUTES = 10;
/**
 * Concurrent connections an endpoint may hold: AWS's table in "Quotas for AWS
 * Client VPN" grows with the associated subnets and tops out in the tens of
 * thousands; Nimbus bounds the setting at 66,000 so a cost stays readable.
 */
export const CLIENT_VPN_MAX_CONNECTIONS = 66_000;
