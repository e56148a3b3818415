import { resourceById } from '../lookup';
import { listIn, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { HealthCheck, TargetGroup } from './targetGroup.schema';

/**
 * Whether an NLB passes the client's address on to this group's targets. AWS:
 * on by default for `instance` targets, off by default for `ip` targets over
 * TCP and TLS, always on for UDP and TCP_UDP (the attribute cannot turn it
 * off there). Source: ELB NLB guide, "Client IP preservation"
 * (docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation).
 */
export function preservesClientIp(group: TargetGroup): boolean {
  if (group.protocol === 'UDP' || group.protocol === 'TCP_UDP') return true;
  return group.preserveClientIp ?? group.targetType !== 'ip';
}

/** AWS's default health check for a target group of this protocol (NLB TCP checks time out after 10 s). */
export function defaultHealthCheck(protocol: TargetGroup['protocol']): HealthCheck {
  const http = protocol === 'HTTP' || protocol === 'HTTPS';
  // The schema's defaults (its test compares them), written out so specs need no zod at run time.
  return {
    enabled: true,
    protocol: http ? 'HTTP' : 'TCP',
    path: '/',
    port: 'traffic-port',
    intervalSeconds: 30,
    timeoutSeconds: http ? 5 : 10,
    healthyThreshold: 5,
    unhealthyThreshold: 2,
  };
}

export const targetGroupKind: KindSpec<'targetGroup'> = {
  kind: 'targetGroup',
  idPrefix: 'tg',
  label: 'a target group',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, group) => resourceById(design, group.vpcId),
  references: [
    requiredRef('vpcId', ['vpc'], 'deleteSelf'),
    listIn(
      'targetIds',
      ['ec2Instance', 'lambdaFunction'],
      (g) => g.targetIds,
      (g, next) => ({ ...g, targetIds: next }),
    ),
  ],
  create({ vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the target group inside a VPC.');
    return created({
      kind: 'targetGroup',
      id: ids.next('targetGroup'),
      name: 'web-targets',
      vpcId: vpc.id,
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      healthCheck: defaultHealthCheck('HTTP'),
      targetIds: [],
      targetIps: [],
      deregistrationDelaySeconds: 300,
    });
  },
  duplicate: { reset: (copy) => ({ ...copy, targetIds: [], targetIps: [] }) },
};

export type { HealthCheck, TargetGroup } from './targetGroup.schema';
