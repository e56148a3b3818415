/**
 * A few AMIs to pick from. Real AMI ids differ per Region and change with every
 * release; these ids are stand-ins that keep the shape (`ami-` + 17 hex digits).
 * Names follow the AWS console's Quick Start list (November 2026).
 */
export interface AmiInfo {
  id: string;
  name: string;
  platform: 'linux' | 'windows';
  architecture: 'x86_64' | 'arm64';
}

export const AMIS: readonly AmiInfo[] = [
  { id: 'ami-0a1b2c3d4e5f60001', name: 'Amazon Linux 2023 (x86_64)', platform: 'linux', architecture: 'x86_64' },
  { id: 'ami-0a1b2c3d4e5f60002', name: 'Amazon Linux 2023 (arm64)', platform: 'linux', architecture: 'arm64' },
  { id: 'ami-0a1b2c3d4e5f60003', name: 'Ubuntu Server 24.04 LTS (x86_64)', platform: 'linux', architecture: 'x86_64' },
  { id: 'ami-0a1b2c3d4e5f60004', name: 'Windows Server 2025 Base', platform: 'windows', architecture: 'x86_64' },
  {
    id: 'ami-0a1b2c3d4e5f60005',
    name: 'Amazon ECS-optimized Amazon Linux 2023',
    platform: 'linux',
    architecture: 'x86_64',
  },
  // The AMIs an EKS managed node group launches from, by AMI type (`catalogs/eks.ts`, EKS_AMI_TYPES).
  {
    id: 'ami-0a1b2c3d4e5f60006',
    name: 'Amazon EKS optimized Amazon Linux 2023 (x86_64)',
    platform: 'linux',
    architecture: 'x86_64',
  },
  {
    id: 'ami-0a1b2c3d4e5f60007',
    name: 'Amazon EKS optimized Amazon Linux 2023 (arm64)',
    platform: 'linux',
    architecture: 'arm64',
  },
  {
    id: 'ami-0a1b2c3d4e5f60008',
    name: 'Bottlerocket for Amazon EKS (x86_64)',
    platform: 'linux',
    architecture: 'x86_64',
  },
  {
    id: 'ami-0a1b2c3d4e5f60009',
    name: 'Bottlerocket for Amazon EKS (arm64)',
    platform: 'linux',
    architecture: 'arm64',
  },
];

export const DEFAULT_AMI_ID = 'ami-0a1b2c3d4e5f60001';

export function findAmi(id: string): AmiInfo | undefined {
  return AMIS.find((ami) => ami.id === id);
}
