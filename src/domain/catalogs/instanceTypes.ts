/**
 * EC2 instance types Nimbus offers, with Linux on-demand prices in us-east-1.
 * Source: AWS "Amazon EC2 On-Demand Pricing" (aws.amazon.com/ec2/pricing/on-demand/),
 * Linux, US East (N. Virginia), as listed in November 2026. Prices change: check the
 * page before quoting them. Specs: "Amazon EC2 instance types" (docs.aws.amazon.com/ec2/latest/instancetypes/).
 */
export type InstanceFamily =
  'general purpose' | 'compute optimized' | 'memory optimized' | 'accelerated computing' | 'storage optimized';

export interface InstanceTypeInfo {
  name: string;
  family: InstanceFamily;
  vcpu: number;
  memoryGiB: number;
  hourlyUsd: number;
  /** Graviton (arm64) types end their generation with `g`. */
  architecture: 'x86_64' | 'arm64';
}

const t = (
  name: string,
  family: InstanceFamily,
  vcpu: number,
  memoryGiB: number,
  hourlyUsd: number,
  architecture: 'x86_64' | 'arm64' = 'x86_64',
): InstanceTypeInfo => ({
  name,
  family,
  vcpu,
  memoryGiB,
  hourlyUsd,
  architecture,
});

export const INSTANCE_TYPES: readonly InstanceTypeInfo[] = [
  t('t3.nano', 'general purpose', 2, 0.5, 0.0052),
  t('t3.micro', 'general purpose', 2, 1, 0.0104),
  t('t3.small', 'general purpose', 2, 2, 0.0208),
  t('t3.medium', 'general purpose', 2, 4, 0.0416),
  t('t3.large', 'general purpose', 2, 8, 0.0832),
  t('t4g.micro', 'general purpose', 2, 1, 0.0084, 'arm64'),
  t('t4g.small', 'general purpose', 2, 2, 0.0168, 'arm64'),
  t('m5.large', 'general purpose', 2, 8, 0.096),
  t('m6i.large', 'general purpose', 2, 8, 0.096),
  t('m7i.large', 'general purpose', 2, 8, 0.1008),
  t('m7g.large', 'general purpose', 2, 8, 0.0816, 'arm64'),
  t('m7g.xlarge', 'general purpose', 4, 16, 0.1632, 'arm64'),
  t('c5.large', 'compute optimized', 2, 4, 0.085),
  t('c6i.large', 'compute optimized', 2, 4, 0.085),
  t('c7i.large', 'compute optimized', 2, 4, 0.08925),
  t('c7g.large', 'compute optimized', 2, 4, 0.0725, 'arm64'),
  t('c7g.xlarge', 'compute optimized', 4, 8, 0.145, 'arm64'),
  t('r5.large', 'memory optimized', 2, 16, 0.126),
  t('r6i.large', 'memory optimized', 2, 16, 0.126),
  t('r7g.large', 'memory optimized', 2, 16, 0.1071, 'arm64'),
  t('x2gd.large', 'memory optimized', 2, 32, 0.167, 'arm64'),
  t('z1d.large', 'memory optimized', 2, 16, 0.186),
  t('g4dn.xlarge', 'accelerated computing', 4, 16, 0.526),
  t('g5.xlarge', 'accelerated computing', 4, 16, 1.006),
  t('p3.2xlarge', 'accelerated computing', 8, 61, 3.06),
  t('inf2.xlarge', 'accelerated computing', 4, 16, 0.7582),
  t('i3.large', 'storage optimized', 2, 15.25, 0.156),
  t('i4i.large', 'storage optimized', 2, 16, 0.172),
  t('d3.xlarge', 'storage optimized', 4, 32, 0.499),
  t('h1.2xlarge', 'storage optimized', 8, 32, 0.468),
];

export function findInstanceType(name: string): InstanceTypeInfo | undefined {
  return INSTANCE_TYPES.find((type) => type.name === name);
}
