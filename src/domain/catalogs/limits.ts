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
