import { getResource, type Design, type Kind } from '../../domain';
import { parseEndpoint } from '../../engine';
import type { GoalCheck, Lesson } from './schema';

/**
 * Problems a schema can't see: duplicate goal ids, and goals naming resources
 * the starting design does not have. Students can't create a resource with a
 * chosen id, so a goal must point at something that is there from the start.
 */
export function goalProblems(lesson: Pick<Lesson, 'goals' | 'start'>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  lesson.goals.forEach((goal, index) => {
    if (seen.has(goal.id)) problems.push(`goals.${index}.id: "${goal.id}" is used by an earlier goal`);
    seen.add(goal.id);
    for (const problem of checkProblems(lesson.start, goal.check))
      problems.push(`goals.${index}.check.${problem.field}: ${problem.message}`);
  });
  return problems;
}

interface Problem {
  field: string;
  message: string;
}

function expectKind(design: Design, field: string, id: string, kind: Kind, words: string): Problem[] {
  return getResource(design, id, kind) ? [] : [{ field, message: `no ${words} "${id}" in the start design` }];
}

function checkProblems(design: Design, check: GoalCheck): Problem[] {
  switch (check.type) {
    case 'reach':
      return (['from', 'to'] as const).flatMap((field) => {
        const resolved = parseEndpoint(design, check[field]);
        return resolved.ok ? [] : [{ field, message: resolved.error }];
      });
    case 'usableAddresses':
      return expectKind(design, 'subnet', check.subnet, 'subnet', 'subnet');
    case 'noThrottles':
      return expectKind(design, 'functionId', check.functionId, 'lambdaFunction', 'Lambda function');
    case 'serviceRunning':
      return expectKind(design, 'serviceId', check.serviceId, 'ecsService', 'ECS service');
    case 'podsRunning': {
      const cluster = getResource(design, check.clusterId, 'eksCluster');
      const problems = expectKind(design, 'clusterId', check.clusterId, 'eksCluster', 'EKS cluster');
      if (cluster && !cluster.deployments.some((d) => d.name === check.deployment))
        problems.push({
          field: 'deployment',
          message: `no deployment "${check.deployment}" in cluster ${cluster.name}`,
        });
      if (check.zoneOutage)
        problems.push(
          ...expectKind(design, 'zoneOutage.zoneId', check.zoneOutage.zoneId, 'availabilityZone', 'Availability Zone'),
        );
      return problems;
    }
    case 'nodesReachEndpoint':
      return expectKind(design, 'clusterId', check.clusterId, 'eksCluster', 'EKS cluster');
    case 'instances':
      return check.where.id ? expectKind(design, 'where.id', check.where.id, 'ec2Instance', 'EC2 instance') : [];
    case 'servedThroughZoneOutage':
      return expectKind(design, 'zoneId', check.zoneId, 'availabilityZone', 'Availability Zone');
    case 'clientVpnReaches': {
      const to = parseEndpoint(design, check.to);
      return [
        ...expectKind(design, 'endpointId', check.endpointId, 'clientVpnEndpoint', 'Client VPN endpoint'),
        ...(to.ok ? [] : [{ field: 'to', message: to.error }]),
      ];
    }
    case 'flowKept':
      return (['from', 'to'] as const).flatMap((field) => {
        const resolved = parseEndpoint(design, check[field]);
        return resolved.ok ? [] : [{ field, message: resolved.error }];
      });
    case 'noFindings':
    case 'monthlyCostUnder':
      return [];
  }
}
