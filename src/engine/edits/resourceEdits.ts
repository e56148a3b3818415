import {
  FARGATE_TASK_SIZES,
  startingLoadProfile,
  startingTargetTracking,
  type Design,
  type LoadProfile,
  type Resource,
} from '../../domain';

/** The design with one resource replaced, when it exists and is of the kind the change expects. */
function change<K extends Resource['kind']>(
  design: Design,
  id: string,
  kind: K,
  next: (resource: Extract<Resource, { kind: K }>) => Extract<Resource, { kind: K }>,
): Design {
  const resource = Object.hasOwn(design.resources, id) ? design.resources[id] : undefined;
  if (resource?.kind !== kind) return design;
  return { ...design, resources: { ...design.resources, [id]: next(resource as Extract<Resource, { kind: K }>) } };
}

/** Puts an instance in a security group, or takes it out. */
export function setInstanceSecurityGroup(design: Design, instanceId: string, groupId: string, member: boolean): Design {
  return change(design, instanceId, 'ec2Instance', (instance) => {
    const others = instance.securityGroupIds.filter((id) => id !== groupId);
    return {
      ...instance,
      securityGroupIds: member ? [...others, groupId as (typeof others)[number]] : others,
    };
  });
}

/** Turns target tracking on (with Nimbus's starting values) or off. */
export function setServiceScaling(design: Design, serviceId: string, on: boolean): Design {
  return change(design, serviceId, 'ecsService', (service) => ({
    ...service,
    scaling: on ? startingTargetTracking(service.desiredCount) : null,
  }));
}

/** Gives a trigger or a service a new load shape, starting at simulation time `now`. */
export function setLoadShape(design: Design, id: string, shape: LoadProfile['shape'], now: number): Design {
  const resource = Object.hasOwn(design.resources, id) ? design.resources[id] : undefined;
  if (resource?.kind === 'lambdaTrigger')
    return change(design, id, 'lambdaTrigger', (t) => ({
      ...t,
      load: startingLoadProfile(shape, t.eventsPerSecond, now),
    }));
  if (resource?.kind === 'ecsService')
    return change(design, id, 'ecsService', (s) => ({
      ...s,
      load: startingLoadProfile(shape, s.requestsPerSecond, now),
    }));
  return design;
}

/**
 * Sets a service's task CPU. On Fargate each CPU size allows only some memory
 * sizes (AWS Fargate task sizes, `FARGATE_TASK_SIZES`), so a memory the new
 * CPU doesn't allow moves to the smallest one it does.
 */
export function setTaskCpu(design: Design, serviceId: string, cpu: number): Design {
  return change(design, serviceId, 'ecsService', (service) => {
    const allowed = FARGATE_TASK_SIZES.get(cpu) ?? [];
    const memory =
      service.launchType === 'FARGATE' && !allowed.includes(service.taskMemory)
        ? (allowed[0] ?? service.taskMemory)
        : service.taskMemory;
    return { ...service, taskCpu: cpu, taskMemory: memory };
  });
}
