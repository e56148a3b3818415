/**
 * Nimbus's AMIs (`domain/catalogs/amis.ts`, stand-in ids) as the public SSM
 * parameters AWS keeps pointing at the latest image, so an exported template
 * launches a real, current AMI in any Region. Sources: Amazon EC2 User Guide,
 * "Reference AMIs using Systems Manager parameters" and "Find the latest Amazon
 * Linux AMI IDs using Systems Manager"; Amazon ECS Developer Guide, "Retrieving
 * Amazon ECS-optimized Linux AMI metadata"; Amazon EKS User Guide, "Retrieve
 * recommended Amazon Linux AMI IDs" and "Retrieve recommended Bottlerocket AMI
 * IDs"; Canonical, "Find Ubuntu images on AWS" (`/aws/service/canonical/...`).
 * The EKS paths name Kubernetes 1.34, Nimbus's default cluster version.
 */
export const AMI_PARAMETERS: Readonly<Record<string, { parameter: string; path: string; name: string }>> = {
  'ami-0a1b2c3d4e5f60001': {
    parameter: 'AmazonLinux2023X86Ami',
    path: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    name: 'Amazon Linux 2023 (x86_64)',
  },
  'ami-0a1b2c3d4e5f60002': {
    parameter: 'AmazonLinux2023ArmAmi',
    path: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
    name: 'Amazon Linux 2023 (arm64)',
  },
  'ami-0a1b2c3d4e5f60003': {
    parameter: 'Ubuntu2404Ami',
    path: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
    name: 'Ubuntu Server 24.04 LTS (x86_64)',
  },
  'ami-0a1b2c3d4e5f60004': {
    parameter: 'WindowsServer2025Ami',
    path: '/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base',
    name: 'Windows Server 2025 Base',
  },
  'ami-0a1b2c3d4e5f60005': {
    parameter: 'EcsOptimizedAmi',
    path: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
    name: 'Amazon ECS-optimized Amazon Linux 2023',
  },
  'ami-0a1b2c3d4e5f60006': {
    parameter: 'EksAmazonLinux2023X86Ami',
    path: '/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id',
    name: 'Amazon EKS optimized Amazon Linux 2023 (x86_64)',
  },
  'ami-0a1b2c3d4e5f60007': {
    parameter: 'EksAmazonLinux2023ArmAmi',
    path: '/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/arm64/standard/recommended/image_id',
    name: 'Amazon EKS optimized Amazon Linux 2023 (arm64)',
  },
  'ami-0a1b2c3d4e5f60008': {
    parameter: 'BottlerocketX86Ami',
    path: '/aws/service/bottlerocket/aws-k8s-1.34/x86_64/latest/image_id',
    name: 'Bottlerocket for Amazon EKS (x86_64)',
  },
  'ami-0a1b2c3d4e5f60009': {
    parameter: 'BottlerocketArmAmi',
    path: '/aws/service/bottlerocket/aws-k8s-1.34/arm64/latest/image_id',
    name: 'Bottlerocket for Amazon EKS (arm64)',
  },
};
