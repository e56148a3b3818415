import { type SubnetId } from '../ids';
import { getResource, resourceById, resourcesOfKind } from '../lookup';
import { listIn, requiredRef } from './references';
import type { DropResult, KindSpec, Reference } from './spec';
import type { IdSource } from '../idSource';
import type { Subnet } from './subnet';
import { createSecurityGroup } from '../factories';
import { refusedDrop } from './drop';
import { defaultHealthCheck, type TargetGroup } from './targetGroup';
import type { Design, Resource } from '../design';
import type { SubnetMapping, LoadBalancer } from './loadBalancer.schema';

/** Whether a load balancer's nodes send to targets in every zone: always for an ALB, by setting for an NLB. */
export const balancesAcrossZones = (lb: LoadBalancer): boolean => lb.type === 'application' || lb.crossZone;

/** The subnets a load balancer has nodes in, in mapping order. */
export const loadBalancerSubnetIds = (lb: LoadBalancer): SubnetId[] => lb.subnetMappings.map((m) => m.subnetId);

/** The target groups its listeners forward to, once each, in listener order. */
export function listenerTargetGroups(design: Design, lb: LoadBalancer): TargetGroup[] {
  const seen = new Set<string>();
  const groups: TargetGroup[] = [];
  for (const listener of lb.listeners) {
    const group = getResource(design, listener.targetGroupId, 'targetGroup');
    if (group && !seen.has(group.id)) {
      seen.add(group.id);
      groups.push(group);
    }
  }
  return groups;
}

const mappingRef = (
  field: string,
  kinds: Reference<LoadBalancer>['kinds'],
  pick: (m: SubnetMapping) => string | null,
): Reference<LoadBalancer> => ({
  field,
  kinds,
  onDelete: 'remove',
  ids: (lb) => lb.subnetMappings.map(pick).filter((id): id is string => id !== null),
  without: (lb, gone) =>
    lb.subnetMappings.some((m) => {
      const id = pick(m);
      return id !== null && gone.has(id);
    })
      ? field === 'subnetMappings.subnetId'
        ? { ...lb, subnetMappings: lb.subnetMappings.filter((m) => !gone.has(m.subnetId)) }
        : {
            ...lb,
            subnetMappings: lb.subnetMappings.map((m) =>
              m.elasticIpId && gone.has(m.elasticIpId) ? { ...m, elasticIpId: null } : m,
            ),
          }
      : lb,
});

/** A deleted target group leaves its listeners without a forward action (AWS refuses the delete while in use). */
const listenerTargetsRef: Reference<LoadBalancer> = {
  field: 'listeners.targetGroupId',
  kinds: ['targetGroup'],
  onDelete: 'clear',
  ids: (lb) => lb.listeners.map((l) => l.targetGroupId).filter((id): id is NonNullable<typeof id> => id !== null),
  without: (lb, gone) =>
    lb.listeners.some((l) => l.targetGroupId && gone.has(l.targetGroupId))
      ? {
          ...lb,
          listeners: lb.listeners.map((l) =>
            l.targetGroupId && gone.has(l.targetGroupId) ? { ...l, targetGroupId: null } : l,
          ),
        }
      : lb,
};

export const loadBalancerKind: KindSpec<'loadBalancer'> = {
  kind: 'loadBalancer',
  idPrefix: 'elb',
  label: 'a load balancer',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, lb) => resourceById(design, lb.vpcId),
  references: [
    requiredRef('vpcId', ['vpc'], 'deleteSelf'),
    mappingRef('subnetMappings.subnetId', ['subnet'], (m) => m.subnetId),
    mappingRef('subnetMappings.elasticIpId', ['elasticIp'], (m) => m.elasticIpId),
    listIn(
      'securityGroupIds',
      ['securityGroup'],
      (lb) => lb.securityGroupIds,
      (lb, next) => ({ ...lb, securityGroupIds: next as LoadBalancer['securityGroupIds'] }),
    ),
    listenerTargetsRef,
  ],
  /**
   * An internet-facing load balancer in one subnet of each zone of the VPC
   * (the first subnet of each), with its target group and listener: an ALB
   * on HTTP 80 with a group that lets HTTP in from anywhere; an NLB (variant
   * `network`) on TCP 80 without a group.
   */
  create({ design, vpc, ids, proposePrivateIp, variant }) {
    if (!vpc) return refusedDrop('Drop the load balancer inside a VPC.');
    return createLoadBalancer(design, vpc.id, variant === 'network' ? 'network' : 'application', ids, proposePrivateIp);
  },
  duplicate: false,
};

/** Shared by the ALB and NLB palette entries (`create` reads the variant). */
export function createLoadBalancer(
  design: Design,
  vpcId: LoadBalancer['vpcId'],
  type: LoadBalancer['type'],
  ids: IdSource,
  proposePrivateIp: (subnet: Subnet) => string | null,
): DropResult {
  const byZone = new Map<string, Subnet>();
  for (const subnet of resourcesOfKind(design, 'subnet'))
    if (subnet.vpcId === vpcId && !byZone.has(subnet.azId)) byZone.set(subnet.azId, subnet);
  const protocol = type === 'application' ? 'HTTP' : 'TCP';
  const group: TargetGroup = {
    kind: 'targetGroup',
    id: ids.next('targetGroup'),
    name: type === 'application' ? 'web-targets' : 'tcp-targets',
    vpcId,
    targetType: 'instance',
    protocol,
    port: 80,
    healthCheck: defaultHealthCheck(protocol),
    targetIds: [],
    targetIps: [],
    deregistrationDelaySeconds: 300,
  };
  const resources: Resource[] = [];
  const securityGroupIds: LoadBalancer['securityGroupIds'] = [];
  if (type === 'application') {
    const sg = createSecurityGroup(ids, vpcId, 'alb-sg', 'HTTP from anywhere to the load balancer');
    sg.inbound = [
      { protocol: 'tcp', ports: { from: 80, to: 80 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: 'HTTP' },
    ];
    resources.push(sg);
    securityGroupIds.push(sg.id);
  }
  const lb: LoadBalancer = {
    kind: 'loadBalancer',
    id: ids.next('loadBalancer'),
    name: type === 'application' ? 'web-alb' : 'tcp-nlb',
    type,
    scheme: 'internet-facing',
    vpcId,
    subnetMappings: [...byZone.values()].map((s) => ({
      subnetId: s.id,
      privateIp: proposePrivateIp(s),
      elasticIpId: null,
    })),
    securityGroupIds,
    listeners: [{ protocol, port: 80, targetGroupId: group.id }],
    crossZone: false,
  };
  return { ok: true, resources: [lb, group, ...resources], primaryId: lb.id };
}

export type { Listener, SubnetMapping, LoadBalancer } from './loadBalancer.schema';
