import {
  EBS_MIN_SIZE_GIB,
  FARGATE_TASK_SIZES,
  findInstanceType,
  getResource,
  launchRefusal,
  isValidFargateSize,
  LAMBDA_ACCOUNT_CONCURRENCY,
  LAMBDA_MAX_MEMORY_MB,
  LAMBDA_MAX_TIMEOUT_S,
  LAMBDA_MIN_MEMORY_MB,
  LAMBDA_MIN_UNRESERVED,
  resourcesOfKind,
  type Design,
} from '../../domain';
import { finding, type Finding } from '../findings';

export function computeRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const instance of resourcesOfKind(design, 'ec2Instance')) {
    const type = findInstanceType(instance.instanceType);
    const refusal = launchRefusal(instance);
    if (refusal)
      out.push(
        finding(
          'error',
          'INSTANCE_ARCHITECTURE_MISMATCH',
          instance.id,
          `${instance.name}: AWS refuses the launch: "${refusal.message}" (${refusal.code})`,
          refusal.hint,
        ),
      );
    if (!type) {
      out.push(
        finding(
          'warning',
          'INSTANCE_TYPE_UNKNOWN',
          instance.id,
          `${instance.name}: Nimbus does not know the instance type "${instance.instanceType}", so it can't price or size it.`,
        ),
      );
    }
  }
  for (const volume of resourcesOfKind(design, 'ebsVolume')) {
    const minimum = EBS_MIN_SIZE_GIB[volume.volumeType];
    if (volume.sizeGiB < minimum)
      out.push(
        finding(
          'error',
          'EBS_VOLUME_SIZE',
          volume.id,
          `${volume.name}: ${volume.volumeType} volumes are at least ${minimum} GiB; AWS refuses a ${volume.sizeGiB} GiB one.`,
        ),
      );
    const instance = getResource(design, volume.attachedInstanceId, 'ec2Instance');
    const zone = instance ? getResource(design, instance.subnetId, 'subnet')?.azId : undefined;
    if (instance && zone && zone !== volume.availabilityZoneId)
      out.push(
        finding(
          'error',
          'EBS_VOLUME_ZONE_MISMATCH',
          volume.id,
          `${volume.name} is attached to ${instance.name}, which is in another Availability Zone; AWS attaches a volume only to an instance in its own zone (InvalidVolume.ZoneMismatch).`,
        ),
      );
  }
  let reserved = 0;
  for (const fn of resourcesOfKind(design, 'lambdaFunction')) {
    if (fn.memoryMb < LAMBDA_MIN_MEMORY_MB || fn.memoryMb > LAMBDA_MAX_MEMORY_MB) {
      out.push(
        finding(
          'error',
          'LAMBDA_MEMORY_RANGE',
          fn.id,
          `${fn.name}: memory is ${fn.memoryMb} MB; Lambda allows ${LAMBDA_MIN_MEMORY_MB} to ${LAMBDA_MAX_MEMORY_MB.toLocaleString('en-US')} MB.`,
        ),
      );
    }
    if (fn.timeoutSeconds < 1 || fn.timeoutSeconds > LAMBDA_MAX_TIMEOUT_S) {
      out.push(
        finding(
          'error',
          'LAMBDA_TIMEOUT_RANGE',
          fn.id,
          `${fn.name}: the timeout is ${fn.timeoutSeconds} s; Lambda allows 1 to ${LAMBDA_MAX_TIMEOUT_S} s (15 minutes).`,
        ),
      );
    }
    if (fn.averageDurationMs > fn.timeoutSeconds * 1000) {
      out.push(
        finding(
          'warning',
          'LAMBDA_DURATION_OVER_TIMEOUT',
          fn.id,
          `${fn.name}: an average run of ${fn.averageDurationMs} ms is longer than its ${fn.timeoutSeconds} s timeout, so most invocations would time out.`,
        ),
      );
    }
    if (
      fn.provisionedConcurrency > 0 &&
      fn.reservedConcurrency !== null &&
      fn.provisionedConcurrency > fn.reservedConcurrency
    ) {
      out.push(
        finding(
          'error',
          'LAMBDA_PROVISIONED_OVER_RESERVED',
          fn.id,
          `${fn.name}: provisioned concurrency (${fn.provisionedConcurrency}) can't exceed its reserved concurrency (${fn.reservedConcurrency}).`,
        ),
      );
    }
    reserved += fn.reservedConcurrency ?? 0;
  }
  if (reserved > LAMBDA_ACCOUNT_CONCURRENCY - LAMBDA_MIN_UNRESERVED) {
    const fn = resourcesOfKind(design, 'lambdaFunction').find((f) => (f.reservedConcurrency ?? 0) > 0);
    if (fn) {
      out.push(
        finding(
          'error',
          'LAMBDA_RESERVED_OVER_LIMIT',
          fn.id,
          `Functions reserve ${reserved} concurrent executions in all; at least ${LAMBDA_MIN_UNRESERVED} of the account's ${LAMBDA_ACCOUNT_CONCURRENCY} must stay unreserved, so at most ${LAMBDA_ACCOUNT_CONCURRENCY - LAMBDA_MIN_UNRESERVED} can be reserved.`,
        ),
      );
    }
  }
  for (const trigger of resourcesOfKind(design, 'lambdaTrigger')) {
    if (!getResource(design, trigger.functionId, 'lambdaFunction')) {
      out.push(
        finding(
          'error',
          'TRIGGER_FUNCTION_MISSING',
          trigger.id,
          `${trigger.name} invokes function ${trigger.functionId}, which does not exist.`,
          'Connect the trigger to a function.',
        ),
      );
    }
  }
  for (const service of resourcesOfKind(design, 'ecsService')) {
    if (!getResource(design, service.clusterId, 'ecsCluster')) {
      out.push(
        finding(
          'error',
          'ECS_CLUSTER_MISSING',
          service.id,
          `${service.name} runs in cluster ${service.clusterId}, which does not exist.`,
        ),
      );
    }
    if (service.launchType === 'FARGATE' && !isValidFargateSize(service.taskCpu, service.taskMemory)) {
      const allowed = FARGATE_TASK_SIZES.get(service.taskCpu);
      const hint = allowed
        ? `with ${service.taskCpu} CPU units, memory must be one of ${allowed.map((m) => m.toLocaleString('en-US')).join(', ')} MiB`
        : `CPU must be one of ${[...FARGATE_TASK_SIZES.keys()].join(', ')} units`;
      out.push(
        finding(
          'error',
          'FARGATE_TASK_SIZE_INVALID',
          service.id,
          `${service.name}: Fargate has no task size of ${service.taskCpu} CPU units with ${service.taskMemory} MiB; ${hint}.`,
        ),
      );
    }
  }
  return out;
}
