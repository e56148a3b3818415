import { DesignBuilder, type Design, type EcsService } from '../../domain';
import { ECS_OPTIMIZED_AMI_ID } from '../containers';

export interface EcsDesignOptions {
  /** Container instances (ECS-optimized AMI) in the subnet. */
  hosts?: number;
  hostType?: string;
  /** The subnet's CIDR and each host's address in it (a /20 holds thousands of hosts). */
  subnetCidr?: string;
  hostAddress?: (index: number) => string;
}

/**
 * A Region with one VPC, one private subnet, an ECS cluster `ecs-1` and one
 * Fargate service `ecssvc-1` (3 tasks of 0.5 vCPU / 1 GiB unless `service`
 * says otherwise), plus container instances when asked: the simulation tests' fixture.
 */
export function ecsDesign(service: Partial<EcsService> = {}, options: EcsDesignOptions = {}): Design {
  const {
    hosts = 0,
    hostType = 't3.medium',
    subnetCidr = '10.0.1.0/24',
    hostAddress = (i: number) => `10.0.1.${10 + i}`,
  } = options;
  const b = new DesignBuilder('containers');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const subnet = b.subnet(vpc, zone, subnetCidr, 'Private');
  for (let i = 0; i < hosts; i++) {
    const host = b.instance(subnet, hostAddress(i), [vpc.defaultSecurityGroup.id], `host-${i}`);
    host.amiId = ECS_OPTIMIZED_AMI_ID;
    host.instanceType = hostType;
  }
  const cluster = b.add({ kind: 'ecsCluster', id: 'ecs-1' as never, name: 'cluster', regionId: region.id });
  b.add({
    kind: 'ecsService',
    id: 'ecssvc-1' as never,
    name: 'web',
    clusterId: cluster.id,
    launchType: 'FARGATE',
    taskCpu: 512,
    taskMemory: 1024,
    desiredCount: 3,
    subnetIds: [],
    securityGroupIds: [],
    requestsPerSecond: 0,
    load: { shape: 'constant' },
    scaling: null,
    ...service,
  });
  return b.build();
}
