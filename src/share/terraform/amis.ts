import { AMIS } from '../../domain/catalogs/amis';

/**
 * AMIs by the public Systems Manager parameter AWS keeps for the latest image,
 * so an exported instance launches from the current image in any Region
 * instead of a Region-specific id. Sources:
 * - Amazon Linux 2023: Amazon Linux 2023 User Guide, "Launching AL2023 using the SSM parameter and AWS CLI"
 *   (`/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`, `-arm64`).
 * - Windows Server: Amazon EC2 User Guide, "Find the latest Windows AMI using Systems Manager"
 *   (`/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base`).
 * - Ubuntu: Canonical's "Find Ubuntu images on AWS" (`/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id`).
 * - ECS-optimized: Amazon ECS Developer Guide, "Retrieving Amazon ECS-optimized Linux AMI metadata"
 *   (`/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id`).
 * The EKS-optimized and Bottlerocket parameters name a Kubernetes version, which
 * the image alone does not give, so those AMIs are written as their id.
 */
export const AMI_SSM_PARAMETERS: Readonly<Record<string, { name: string; path: string }>> = {
  'ami-0a1b2c3d4e5f60001': {
    name: 'al2023_x86_64',
    path: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  },
  'ami-0a1b2c3d4e5f60002': {
    name: 'al2023_arm64',
    path: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
  },
  'ami-0a1b2c3d4e5f60003': {
    name: 'ubuntu_24_04',
    path: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
  },
  'ami-0a1b2c3d4e5f60004': {
    name: 'windows_2025',
    path: '/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base',
  },
  'ami-0a1b2c3d4e5f60005': {
    name: 'ecs_al2023',
    path: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  },
};

/** The catalog AMI a public parameter path names, if Nimbus knows it. */
export function amiOfParameter(path: string): string | undefined {
  return Object.entries(AMI_SSM_PARAMETERS).find(([, p]) => p.path === path)?.[0];
}

/** Every catalog AMI has a parameter or is said not to (checked by a test). */
export const AMIS_WITHOUT_PARAMETER = AMIS.filter((a) => !Object.hasOwn(AMI_SSM_PARAMETERS, a.id)).map((a) => a.id);
