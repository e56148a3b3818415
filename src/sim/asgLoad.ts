import { listenerTargetGroups, resourcesOfKind, type AutoScalingGroup, type Design } from '../domain';
import { parseEndpoint } from '../engine';

/**
 * The load a group's instances see, in Nimbus's load model: the requests of
 * every flow whose destination is a load balancer forwarding (by a listener)
 * to one of the group's target groups, shared by the group's instances. The
 * flows' own counters are the seam (requests sent so far, read once a minute).
 */
export function flowsToGroup(design: Design, group: AutoScalingGroup): readonly string[] {
  // Read once a minute per group: cached per design (flows and resources are replaced, never mutated, on an edit).
  let byGroup = flowsCache.get(design.resources);
  if (!byGroup || byGroup.flows !== design.flows) {
    byGroup = { flows: design.flows, ids: new Map() };
    flowsCache.set(design.resources, byGroup);
  }
  const known = byGroup.ids.get(group.id);
  if (known) return known;
  const ids = findFlowsToGroup(design, group);
  byGroup.ids.set(group.id, ids);
  return ids;
}

const flowsCache = new WeakMap<Design['resources'], { flows: Design['flows']; ids: Map<string, readonly string[]> }>();

function findFlowsToGroup(design: Design, group: AutoScalingGroup): string[] {
  const balancers = new Set(
    resourcesOfKind(design, 'loadBalancer')
      .filter((lb) => listenerTargetGroups(design, lb).some((tg) => group.targetGroupIds.includes(tg.id)))
      .flatMap((lb) => [lb.id as string, lb.name]),
  );
  if (balancers.size === 0) return [];
  return (design.flows ?? [])
    .filter((flow) => {
      if (balancers.has(flow.to)) return true;
      const parsed = parseEndpoint(design, flow.to);
      return parsed.ok && parsed.spec.kind === 'resource' && balancers.has(parsed.spec.id);
    })
    .map((flow) => flow.id);
}

/** Requests sent to the group's load balancers since the last reading (which it updates). */
export function groupRequestsPerMinute(
  design: Design,
  group: AutoScalingGroup,
  lastSent: Map<string, number>,
  requestsSent: (flowId: string) => number,
): number {
  let requests = 0;
  for (const flowId of flowsToGroup(design, group)) {
    const sent = requestsSent(flowId);
    requests += Math.max(0, sent - (lastSent.get(flowId) ?? 0));
    lastSent.set(flowId, sent);
  }
  return requests;
}
