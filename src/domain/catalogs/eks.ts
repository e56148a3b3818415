import { FARGATE_TASK_SIZES } from './limits';
import { findInstanceType } from './instanceTypes';

/**
 * Amazon EKS facts the simulator bills and schedules with. Each block names
 * the AWS page it was read from (2026-12-01, with `/work`'s notes on AWS
 * semantics); where Nimbus models less than AWS, the comment says so.
 */

/**
 * Kubernetes versions on Amazon EKS and their support calendar. Source: Amazon
 * EKS User Guide, "Understand the Kubernetes version lifecycle on EKS"
 * (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html): standard
 * support lasts 14 months from the version's release on EKS, extended support
 * the 12 months after it. Dates are the page's; a version is in extended
 * support between `endOfStandard` and `endOfExtended`.
 */
export interface EksVersionInfo {
  version: string;
  releasedOnEks: string;
  endOfStandard: string;
  endOfExtended: string;
}

export const EKS_VERSIONS: readonly EksVersionInfo[] = [
  { version: '1.34', releasedOnEks: '2025-10-02', endOfStandard: '2026-12-02', endOfExtended: '2027-12-02' },
  { version: '1.33', releasedOnEks: '2025-05-29', endOfStandard: '2026-07-29', endOfExtended: '2027-07-29' },
  { version: '1.32', releasedOnEks: '2025-01-23', endOfStandard: '2026-03-23', endOfExtended: '2027-03-23' },
  { version: '1.31', releasedOnEks: '2024-09-26', endOfStandard: '2025-11-26', endOfExtended: '2026-11-26' },
  { version: '1.30', releasedOnEks: '2024-05-23', endOfStandard: '2025-07-23', endOfExtended: '2026-07-23' },
  { version: '1.29', releasedOnEks: '2024-01-23', endOfStandard: '2025-03-23', endOfExtended: '2026-03-23' },
];

/**
 * The day Nimbus reads the calendar at: the simulation has no wall clock (a run
 * is the same on any day), so "which versions are in extended support" is
 * answered for the day this catalog was last checked against the page.
 */
export const EKS_CALENDAR_AS_OF = '2026-12-01';

export type EksSupportPhase = 'standard' | 'extended' | 'ended' | 'unknown';

/** Where a version is in its lifecycle on `asOf` (ISO dates compare as text). */
export function eksSupportPhase(version: string, asOf: string = EKS_CALENDAR_AS_OF): EksSupportPhase {
  const info = EKS_VERSIONS.find((v) => v.version === version);
  if (!info) return 'unknown';
  if (asOf < info.endOfStandard) return 'standard';
  if (asOf < info.endOfExtended) return 'extended';
  return 'ended';
}

/**
 * Control plane, per cluster-hour: USD 0.10 under standard support, USD 0.60
 * under extended support. Source: Amazon EKS pricing (aws.amazon.com/eks/pricing/)
 * and "Amazon EKS extended support for Kubernetes versions pricing" (AWS
 * Containers blog). A cluster whose upgrade policy is `STANDARD` is upgraded at
 * the end of standard support instead of entering extended support.
 */
export const EKS_CONTROL_PLANE_HOUR = { standard: 0.1, extended: 0.6 } as const;

export type EksUpgradePolicy = 'STANDARD' | 'EXTENDED';

/**
 * The version EKS runs a cluster's control plane on, on `asOf`. Amazon EKS
 * User Guide, "Understand the Kubernetes version lifecycle on EKS": a cluster
 * past the support its upgrade policy allows (the end of standard support for
 * `STANDARD`, of extended support for `EXTENDED`) is "automatically updated by
 * Amazon EKS to the earliest supported version". Nimbus jumps straight to the
 * oldest newer version in a phase the policy allows; AWS upgrades one minor
 * version at a time, which lands there too. A version not in the calendar is
 * returned as it is (CreateCluster refuses it).
 */
export function eksRunningVersion(
  version: string,
  upgradePolicy: EksUpgradePolicy,
  asOf: string = EKS_CALENDAR_AS_OF,
): string {
  const info = EKS_VERSIONS.find((v) => v.version === version);
  const allowed = (phase: EksSupportPhase) =>
    phase === 'standard' || (upgradePolicy === 'EXTENDED' && phase === 'extended');
  if (!info || allowed(eksSupportPhase(version, asOf))) return version;
  const newer = EKS_VERSIONS.filter(
    (v) => v.releasedOnEks > info.releasedOnEks && allowed(eksSupportPhase(v.version, asOf)),
  );
  newer.sort((a, b) => (a.releasedOnEks < b.releasedOnEks ? -1 : 1));
  return newer[0]?.version ?? version;
}

/**
 * The control plane's hourly price for a cluster's version and upgrade policy,
 * on the calendar's day: the price of the version EKS runs it on.
 */
export function eksControlPlaneHourly(version: string, upgradePolicy: EksUpgradePolicy): number {
  return upgradePolicy === 'EXTENDED' && eksSupportPhase(eksRunningVersion(version, upgradePolicy)) === 'extended'
    ? EKS_CONTROL_PLANE_HOUR.extended
    : EKS_CONTROL_PLANE_HOUR.standard;
}

/**
 * Managed node group AMI types (EKS API `Nodegroup.amiType`) Nimbus offers, the
 * architecture each boots on, and the stand-in AMI its nodes launch from (see
 * `amis.ts`). Source: EKS API Reference, "CreateNodegroup" (`amiType`).
 */
export interface EksAmiTypeInfo {
  amiType: string;
  label: string;
  architecture: 'x86_64' | 'arm64';
  amiId: string;
}

export const EKS_AMI_TYPES: readonly EksAmiTypeInfo[] = [
  {
    amiType: 'AL2023_x86_64_STANDARD',
    label: 'Amazon Linux 2023 (x86_64)',
    architecture: 'x86_64',
    amiId: 'ami-0a1b2c3d4e5f60006',
  },
  {
    amiType: 'AL2023_ARM_64_STANDARD',
    label: 'Amazon Linux 2023 (arm64)',
    architecture: 'arm64',
    amiId: 'ami-0a1b2c3d4e5f60007',
  },
  {
    amiType: 'BOTTLEROCKET_x86_64',
    label: 'Bottlerocket (x86_64)',
    architecture: 'x86_64',
    amiId: 'ami-0a1b2c3d4e5f60008',
  },
  {
    amiType: 'BOTTLEROCKET_ARM_64',
    label: 'Bottlerocket (arm64)',
    architecture: 'arm64',
    amiId: 'ami-0a1b2c3d4e5f60009',
  },
];

export const findEksAmiType = (amiType: string): EksAmiTypeInfo | undefined =>
  EKS_AMI_TYPES.find((a) => a.amiType === amiType);

/**
 * Pods a node may hold with the Amazon VPC CNI: ENIs × (IPv4 addresses per ENI
 * − 1) + 2, by instance type, as the EKS AMI's `eni-max-pods.txt` lists them
 * (github.com/awslabs/amazon-eks-ami). Nimbus keeps the figures for the types
 * it offers; a type missing here holds 110 pods (Kubernetes' default).
 */
const MAX_PODS: Readonly<Record<string, number>> = {
  't3.nano': 4,
  't3.micro': 4,
  't3.small': 11,
  't3.medium': 17,
  't3.large': 35,
  't4g.micro': 4,
  't4g.small': 11,
  'm5.large': 29,
  'm6i.large': 29,
  'm7i.large': 29,
  'm7g.large': 29,
  'm7g.xlarge': 58,
  'c5.large': 29,
  'c6i.large': 29,
  'c7i.large': 29,
  'c7g.large': 29,
  'c7g.xlarge': 58,
  'r5.large': 29,
  'r6i.large': 29,
  'r7g.large': 29,
};

export const maxPodsOf = (instanceType: string): number => MAX_PODS[instanceType] ?? 110;

/** What the scheduler may place on one node: millicores, MiB and pods. */
export interface NodeAllocatable {
  cpuMillicores: number;
  memoryMiB: number;
  pods: number;
}

/**
 * A node's allocatable resources. Nimbus models allocatable as the type's
 * vCPU and memory minus the EKS AMI's kube-reserved and the kubelet's hard
 * eviction threshold (amazon-eks-ami bootstrap): CPU 6 % of the first core, 1 %
 * of the second, 0.5 % of the next two and 0.25 % of every core above four;
 * memory 11 MiB per pod the node may hold plus 255 MiB, and 100 MiB of eviction
 * threshold. The memory the operating system itself uses and the DaemonSets
 * (kube-proxy, the VPC CNI) are not modelled, so a real node holds a little less.
 */
export function nodeAllocatable(instanceType: string): NodeAllocatable | null {
  const type = findInstanceType(instanceType);
  if (!type) return null;
  const cores = type.vcpu;
  const reservedCpu =
    60 * Math.min(cores, 1) +
    10 * Math.min(Math.max(cores - 1, 0), 1) +
    5 * Math.min(Math.max(cores - 2, 0), 2) +
    2.5 * Math.max(cores - 4, 0);
  const pods = maxPodsOf(instanceType);
  const reservedMemory = 11 * pods + 255 + 100;
  return {
    cpuMillicores: cores * 1000 - reservedCpu,
    memoryMiB: type.memoryGiB * 1024 - reservedMemory,
    pods,
  };
}

/**
 * The Fargate size a pod runs on, from its requests. Source: Amazon EKS User
 * Guide, "Understand Fargate Pod configuration details": vCPU and memory are
 * the pod's requests (the larger of its init containers' and the sum of its
 * long-running containers'; Nimbus gives a deployment one request per pod),
 * plus 256 MB of memory for the Kubernetes components (kubelet, kube-proxy,
 * containerd), rounded up to the nearest supported combination; with no
 * requests, 0.25 vCPU and 0.5 GB. The combinations are Fargate's (the same as
 * ECS task sizes). Returns null when nothing is large enough (16 vCPU, 120 GB).
 */
export function fargatePodSize(cpuMillicores: number, memoryMiB: number): { cpu: number; memoryMiB: number } | null {
  if (cpuMillicores === 0 && memoryMiB === 0) return { cpu: 256, memoryMiB: 512 };
  const wantCpu = (cpuMillicores * 1024) / 1000;
  const wantMemory = memoryMiB + 256;
  for (const [cpu, memories] of FARGATE_TASK_SIZES) {
    if (cpu < wantCpu) continue;
    const memory = memories.find((m) => m >= wantMemory);
    if (memory !== undefined) return { cpu, memoryMiB: memory };
  }
  return null;
}
