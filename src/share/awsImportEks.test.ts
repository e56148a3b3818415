import { describe, expect, it } from 'vitest';
import { getResource, resourcesOfKind, type Design } from '../domain';
import { validateDesign } from '../engine';
import { Simulation } from '../sim/simulation';
import { importAws, type AwsFile } from './awsImport';

/** A VPC with two subnets, one node of a managed node group, its Auto Scaling group, and the EKS records. */
const subnet = (id: string, zone: string, cidr: string) => ({
  SubnetId: id,
  VpcId: 'vpc-0e0e0e0e0e0e0e0e0',
  CidrBlock: cidr,
  AvailabilityZone: zone,
  MapPublicIpOnLaunch: false,
});
const asgName = 'eks-app-nodes-12c5e1a8-9f3b-4d2e-8a71-0b6c5d4e3f21';
const files = (): AwsFile[] => [
  { name: 'vpcs.json', text: JSON.stringify({ Vpcs: [{ VpcId: 'vpc-0e0e0e0e0e0e0e0e0', CidrBlock: '10.0.0.0/16' }] }) },
  {
    name: 'subnets.json',
    text: JSON.stringify({
      Subnets: [
        subnet('subnet-0a0a0a0a0a0a0a0a0', 'us-east-1a', '10.0.0.0/24'),
        subnet('subnet-0b0b0b0b0b0b0b0b0', 'us-east-1b', '10.0.1.0/24'),
      ],
    }),
  },
  {
    name: 'security-groups.json',
    text: JSON.stringify({
      SecurityGroups: [
        {
          GroupId: 'sg-0d0d0d0d0d0d0d0d0',
          GroupName: 'eks-cluster-sg-platform',
          VpcId: 'vpc-0e0e0e0e0e0e0e0e0',
          IpPermissions: [],
          IpPermissionsEgress: [],
        },
      ],
    }),
  },
  {
    name: 'instances.json',
    text: JSON.stringify({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: 'i-0c0c0c0c0c0c0c0c0',
              ImageId: 'ami-0123456789abcdef0',
              InstanceType: 'm7g.large',
              PrivateIpAddress: '10.0.0.20',
              SubnetId: 'subnet-0a0a0a0a0a0a0a0a0',
              VpcId: 'vpc-0e0e0e0e0e0e0e0e0',
              State: { Name: 'running' },
              SecurityGroups: [{ GroupId: 'sg-0d0d0d0d0d0d0d0d0', GroupName: 'eks-cluster-sg-platform' }],
              Tags: [{ Key: 'eks:nodegroup-name', Value: 'app-nodes' }],
            },
          ],
        },
      ],
    }),
  },
  {
    name: 'auto-scaling-groups.json',
    text: JSON.stringify({
      AutoScalingGroups: [
        {
          AutoScalingGroupName: asgName,
          MinSize: 1,
          MaxSize: 3,
          DesiredCapacity: 2,
          VPCZoneIdentifier: 'subnet-0a0a0a0a0a0a0a0a0,subnet-0b0b0b0b0b0b0b0b0',
          Instances: [{ InstanceId: 'i-0c0c0c0c0c0c0c0c0', LifecycleState: 'InService', HealthStatus: 'Healthy' }],
        },
      ],
    }),
  },
  {
    // aws eks describe-cluster --name platform (EKS API Reference, "Cluster")
    name: 'eks-cluster.json',
    text: JSON.stringify({
      cluster: {
        name: 'platform',
        arn: 'arn:aws:eks:us-east-1:123456789012:cluster/platform',
        version: '1.32',
        status: 'ACTIVE',
        resourcesVpcConfig: {
          subnetIds: ['subnet-0a0a0a0a0a0a0a0a0', 'subnet-0b0b0b0b0b0b0b0b0'],
          vpcId: 'vpc-0e0e0e0e0e0e0e0e0',
        },
        upgradePolicy: { supportType: 'EXTENDED' },
      },
    }),
  },
  {
    // aws eks describe-nodegroup --cluster-name platform --nodegroup-name app-nodes (EKS API Reference, "Nodegroup")
    name: 'eks-nodegroup.json',
    text: JSON.stringify({
      nodegroup: {
        nodegroupName: 'app-nodes',
        clusterName: 'platform',
        status: 'ACTIVE',
        capacityType: 'ON_DEMAND',
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
        instanceTypes: ['m7g.large'],
        subnets: ['subnet-0a0a0a0a0a0a0a0a0', 'subnet-0b0b0b0b0b0b0b0b0'],
        amiType: 'AL2023_ARM_64_STANDARD',
        diskSize: 20,
        resources: { autoScalingGroups: [{ name: asgName }] },
      },
    }),
  },
];

function imported(): { design: Design; notes: string[] } {
  const result = importAws(files());
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

describe('AWS import of EKS clusters and managed node groups', () => {
  it('maps describe-cluster and describe-nodegroup, and the node group runs as its own Auto Scaling group', () => {
    const { design, notes } = imported();
    expect(getResource(design, 'eks-platform', 'eksCluster')).toMatchObject({
      name: 'platform',
      kubernetesVersion: '1.32',
      upgradePolicy: 'EXTENDED',
      subnetIds: ['subnet-0a0a0a0a0a0a0a0a0', 'subnet-0b0b0b0b0b0b0b0b0'],
    });
    expect(getResource(design, 'ng-platform-app-nodes', 'eksNodeGroup')).toMatchObject({
      clusterId: 'eks-platform',
      instanceType: 'm7g.large',
      amiType: 'AL2023_ARM_64_STANDARD',
      minSize: 1,
      desiredSize: 2,
      maxSize: 3,
      // The cluster security group EKS put on the nodes, read from the node the files list.
      securityGroupIds: ['sg-0d0d0d0d0d0d0d0d0'],
    });
    // The group EKS made is not imported again beside the node group; its instance is the node group's node.
    expect(resourcesOfKind(design, 'autoScalingGroup')).toEqual([]);
    expect(getResource(design, 'i-0c0c0c0c0c0c0c0c0', 'ec2Instance')?.autoScalingGroupId).toBe(
      'eks-ng-platform-app-nodes',
    );
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
    expect(notes.some((n) => n.includes('deployments'))).toBe(true);
  });

  it('the simulation counts the imported node and launches one more to reach desired, billing extended support', () => {
    const sim = new Simulation(imported().design);
    sim.runUntil(3600);
    const nodes = [...sim.instances.values()].filter((s) => s.state === 'running');
    expect(nodes.map((n) => n.id)).toContain('i-0c0c0c0c0c0c0c0c0');
    expect(nodes).toHaveLength(2);
    // Kubernetes 1.32 is in extended support on the calendar's day: USD 0.60 per cluster-hour (Amazon EKS pricing).
    expect(sim.cost().byResource.find((r) => r.id === 'eks-platform')!.total).toBeCloseTo(0.6, 9);
  });
});
