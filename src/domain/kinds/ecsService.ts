import { ECS_MAX_TASKS_PER_SERVICE } from '../catalogs/limits';
import { resourceById } from '../lookup';
import { listRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { EcsService } from './ecsService.schema';

/**
 * Target tracking as Nimbus first proposes it: about 100 requests per task,
 * never fewer tasks than the service runs now (at least one), up to five
 * times as many (at least ten), within ECS's tasks per service. The user
 * tunes it from there.
 */
export function startingTargetTracking(desiredCount: number): NonNullable<EcsService['scaling']> {
  return {
    targetRequestsPerTask: 100,
    minTasks: Math.max(1, desiredCount),
    maxTasks: Math.min(ECS_MAX_TASKS_PER_SERVICE, Math.max(10, desiredCount * 5)),
  };
}

export const ecsServiceKind: KindSpec<'ecsService'> = {
  kind: 'ecsService',
  idPrefix: 'ecssvc',
  label: 'an ECS service',
  containers: ['ecsCluster'],
  isContainer: false,
  containerOf: (design, service) => resourceById(design, service.clusterId),
  references: [
    reportedAs('ECS_CLUSTER_MISSING', requiredRef('clusterId', ['ecsCluster'], 'deleteSelf')),
    reportedAs('RESOURCE_SUBNET_MISSING', listRef('subnetIds', ['subnet'])),
    reportedAs('SECURITY_GROUP_MISSING', listRef('securityGroupIds', ['securityGroup'])),
  ],
  // Two of the smallest Fargate task size (0.25 vCPU, 512 MiB), or on container instances for the EC2 variant.
  create({ container, ids, variant }) {
    if (container?.kind !== 'ecsCluster') return refusedDrop('Drop the service inside an ECS cluster.');
    const fargate = variant !== 'ec2';
    return created({
      kind: 'ecsService',
      id: ids.next('ecsService'),
      name: fargate ? 'Fargate service' : 'ECS service',
      clusterId: container.id,
      launchType: fargate ? 'FARGATE' : 'EC2',
      taskCpu: 256,
      taskMemory: 512,
      desiredCount: 2,
      subnetIds: [],
      securityGroupIds: [],
      requestsPerSecond: 0,
      load: { shape: 'constant' },
      scaling: null,
    });
  },
  duplicate: { reset: (copy) => copy },
};

export type { EcsService } from './ecsService.schema';
