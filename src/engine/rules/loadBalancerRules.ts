import {
  getResource,
  kindLabel,
  listenerTargetGroups,
  resourceById,
  resourcesOfKind,
  type Design,
  type LoadBalancer,
  type TargetGroup,
} from '../../domain';
import { containsAddress, parseCidr, parseIpv4, RECOMMENDED_PRIVATE_RANGES } from '../../net';
import { finding, type Finding } from '../findings';
import { nameOf, outsideVpc } from './sameVpc';
import { hasInternetRoute } from '../topology';

/**
 * Listener protocols by load balancer type, in the order AWS lists them when
 * it refuses one (`CreateListener` `ValidationError` "Listener protocol 'TCP'
 * must be one of 'HTTPS, HTTP'"). Source: ELB User Guide, "Listeners for your
 * Application Load Balancers" and "Listeners for your Network Load Balancers".
 */
const LISTENER_PROTOCOLS: Record<LoadBalancer['type'], readonly string[]> = {
  application: ['HTTPS', 'HTTP'],
  network: ['TLS', 'TCP', 'TCP_UDP', 'UDP'],
};

/**
 * An ALB needs a /27 or larger subnet with at least 8 free addresses in each
 * zone (ELB User Guide, "Application Load Balancers", "Subnets for your load
 * balancer"). Nimbus checks the prefix; it does not count free addresses.
 */
const ALB_MIN_SUBNET_PREFIX = 27;

export function loadBalancerRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const lb of resourcesOfKind(design, 'loadBalancer')) out.push(...subnetFindings(design, lb));
  for (const lb of resourcesOfKind(design, 'loadBalancer')) out.push(...listenerFindings(design, lb));
  out.push(...sharedGroupFindings(design));
  for (const group of resourcesOfKind(design, 'targetGroup')) out.push(...targetFindings(design, group));
  return out;
}

function subnetFindings(design: Design, lb: LoadBalancer): Finding[] {
  const out: Finding[] = [];
  const zones = new Map<string, string>();
  let sameZoneReported = false;
  for (const mapping of lb.subnetMappings) {
    const subnet = getResource(design, mapping.subnetId, 'subnet');
    // A subnet that doesn't exist is the generic reference rule's to report.
    if (!subnet) continue;
    if (subnet.vpcId !== lb.vpcId) {
      out.push(
        finding(
          'error',
          'LB_SUBNET_OTHER_VPC',
          lb.id,
          `${lb.name} is in ${nameOf(design, lb.vpcId)}, but its subnet ${subnet.name} is in ${nameOf(design, subnet.vpcId)}; a load balancer's subnets all belong to its VPC.`,
        ),
      );
      continue;
    }
    const other = zones.get(subnet.azId);
    if (other !== undefined && !sameZoneReported) {
      sameZoneReported = true;
      out.push(
        finding(
          'error',
          'LB_SUBNETS_SAME_ZONE',
          lb.id,
          `${lb.name}: ${other} and ${subnet.name} are in the same Availability Zone. AWS refuses: "A load balancer cannot be attached to multiple subnets in the same Availability Zone" (ValidationError).`,
          'Keep one subnet per zone.',
        ),
      );
    }
    zones.set(subnet.azId, subnet.name);
    // Only an internet-facing NLB takes Elastic IPs (ELBv2 API, SubnetMapping `AllocationId`).
    if (mapping.elasticIpId !== null && (lb.type !== 'network' || lb.scheme !== 'internet-facing'))
      out.push(
        finding(
          'error',
          'LB_ELASTIC_IP_NOT_ALLOWED',
          lb.id,
          `${lb.name} gives its node in ${subnet.name} an Elastic IP; only an internet-facing Network Load Balancer takes Elastic IPs.`,
        ),
      );
    const block = parseCidr(subnet.cidr);
    if (lb.type === 'application' && block.ok && block.value.prefix > ALB_MIN_SUBNET_PREFIX)
      out.push(
        finding(
          'error',
          'ALB_SUBNET_TOO_SMALL',
          lb.id,
          `${lb.name}: ${subnet.name} is a /${block.value.prefix}; an Application Load Balancer needs a /27 or larger subnet with at least 8 free addresses in each zone.`,
        ),
      );
    if (lb.scheme === 'internet-facing' && !hasInternetRoute(design, subnet))
      out.push(
        finding(
          'warning',
          'LB_INTERNET_FACING_PRIVATE_SUBNET',
          lb.id,
          `${lb.name} is internet-facing, but ${subnet.name} has no route to an internet gateway, so clients on the internet can't reach its node there.`,
          'Put an internet-facing load balancer in public subnets (0.0.0.0/0 to an internet gateway).',
        ),
      );
  }
  // Source: ELB User Guide, "Application Load Balancers" ("You must select at least two Availability Zone subnets").
  if (lb.type === 'application' && zones.size < 2 && !sameZoneReported)
    out.push(
      finding(
        'error',
        'ALB_TOO_FEW_ZONES',
        lb.id,
        `${lb.name} has ${zones.size === 0 ? 'no subnet' : 'subnets in one Availability Zone'}. AWS refuses an Application Load Balancer: "At least two subnets in two different Availability Zones must be specified" (ValidationError).`,
        'Add a subnet in a second zone.',
      ),
    );
  // An NLB may use one zone, but not none (CreateLoadBalancer needs Subnets or SubnetMappings).
  if (lb.type === 'network' && lb.subnetMappings.length === 0)
    out.push(
      finding('error', 'NLB_NO_SUBNET', lb.id, `${lb.name} has no subnet; a Network Load Balancer needs at least one.`),
    );
  // AWS never runs an ALB without a group: CreateLoadBalancer gives it the VPC's default group when none is named
  // (ELBv2 API reference, CreateLoadBalancer, SecurityGroups). Nimbus asks for the group to be drawn, so what
  // filters the ALB's traffic is on the canvas. An NLB without groups is real: it lets everything through.
  if (lb.type === 'application' && lb.securityGroupIds.length === 0)
    out.push(
      finding(
        'error',
        'ALB_NO_SECURITY_GROUP',
        lb.id,
        `${lb.name} has no security group; an Application Load Balancer has at least one. Given none, AWS attaches the VPC's default security group, whose rules usually let in only its own members.`,
        'Give the load balancer a group that lets clients in on the listener ports and lets it out to the targets.',
      ),
    );
  out.push(
    ...outsideVpc(design, lb.securityGroupIds, 'securityGroup', lb.vpcId, (group) =>
      finding(
        'error',
        'LB_SECURITY_GROUP_OTHER_VPC',
        lb.id,
        `${lb.name} uses security group ${group.name} of ${nameOf(design, group.vpcId)}; a load balancer's groups must belong to its own VPC.`,
      ),
    ),
  );
  return out;
}

/** The protocols a target group of a load balancer type may have (ELB User Guide, "Target groups"). */
const groupFitsType = (group: TargetGroup, type: LoadBalancer['type']): boolean =>
  type === 'application'
    ? group.targetType === 'lambda' || group.protocol === 'HTTP' || group.protocol === 'HTTPS'
    : group.targetType !== 'lambda' && group.protocol !== 'HTTP' && group.protocol !== 'HTTPS';

/**
 * A target group serves one load balancer (ELB quotas, "Load balancers per
 * target group": 1; AWS refuses a second with TargetGroupAssociationLimit).
 */
function sharedGroupFindings(design: Design): Finding[] {
  const users = new Map<string, LoadBalancer[]>();
  for (const lb of resourcesOfKind(design, 'loadBalancer'))
    for (const group of listenerTargetGroups(design, lb)) users.set(group.id, [...(users.get(group.id) ?? []), lb]);
  const out: Finding[] = [];
  for (const [groupId, lbs] of users)
    if (lbs.length > 1)
      out.push(
        finding(
          'error',
          'TARGET_GROUP_SEVERAL_LOAD_BALANCERS',
          groupId,
          `${nameOf(design, groupId)} is the target of ${lbs.map((lb) => lb.name).join(' and ')}; a target group serves one load balancer (TargetGroupAssociationLimit).`,
        ),
      );
  return out;
}

function listenerFindings(design: Design, lb: LoadBalancer): Finding[] {
  const out: Finding[] = [];
  const allowed = LISTENER_PROTOCOLS[lb.type];
  const ports = new Set<number>();
  for (const listener of lb.listeners) {
    // One listener per port (ELBv2 API, CreateListener: DuplicateListener).
    if (ports.has(listener.port))
      out.push(
        finding(
          'error',
          'LB_LISTENER_DUPLICATE_PORT',
          lb.id,
          `${lb.name} has two listeners on port ${listener.port}; AWS refuses the second (DuplicateListener).`,
        ),
      );
    ports.add(listener.port);
    if (!allowed.includes(listener.protocol))
      out.push(
        finding(
          'error',
          'LB_LISTENER_PROTOCOL',
          lb.id,
          `${lb.name}: AWS refuses the listener on port ${listener.port}: "Listener protocol '${listener.protocol}' must be one of '${allowed.join(', ')}'" (ValidationError).`,
        ),
      );
    const group = getResource(design, listener.targetGroupId, 'targetGroup');
    if (!group) continue;
    if (group.vpcId !== lb.vpcId)
      out.push(
        finding(
          'error',
          'LB_TARGET_GROUP_OTHER_VPC',
          lb.id,
          `${lb.name}'s listener on port ${listener.port} forwards to ${group.name}, which is in ${nameOf(design, group.vpcId)}; a target group serves load balancers of its own VPC only.`,
        ),
      );
    if (!groupFitsType(group, lb.type))
      out.push(
        finding(
          'error',
          'LB_TARGET_GROUP_PROTOCOL',
          lb.id,
          group.targetType === 'lambda'
            ? `${lb.name}'s listener on port ${listener.port} forwards to ${group.name}, a Lambda target group; only an Application Load Balancer can invoke Lambda functions.`
            : `${lb.name}'s listener on port ${listener.port} forwards to ${group.name}, a ${group.protocol} target group; ${lb.type === 'application' ? 'an Application Load Balancer forwards to HTTP or HTTPS groups' : 'a Network Load Balancer forwards to TCP, UDP, TLS or TCP_UDP groups'}.`,
        ),
      );
  }
  return out;
}

/** Address ranges an `ip` target may use: RFC 1918 and RFC 6598 (ELB User Guide, "Target type": "You can't specify publicly routable IP addresses"). */
const isPrivateTargetIp = (ip: string): boolean => {
  const parsed = parseIpv4(ip);
  return parsed.ok && RECOMMENDED_PRIVATE_RANGES.some((range) => containsAddress(range, parsed.value));
};

function targetFindings(design: Design, group: TargetGroup): Finding[] {
  const out: Finding[] = [];
  const { intervalSeconds, timeoutSeconds } = group.healthCheck;
  // CreateTargetGroup and ModifyTargetGroup refuse it with ValidationError "Health check interval must be greater
  // than the timeout." (ELB API reference, HealthCheckTimeoutSeconds: the timeout is less than the interval).
  if (timeoutSeconds >= intervalSeconds)
    out.push(
      finding(
        'error',
        'HEALTH_CHECK_TIMEOUT_NOT_BELOW_INTERVAL',
        group.id,
        `${group.name}'s health check waits ${timeoutSeconds} s for an answer but checks every ${intervalSeconds} s. AWS refuses it: "Health check interval must be greater than the timeout." (ValidationError).`,
        `Make the timeout smaller than the interval (AWS's ALB default: 5 s every 30 s).`,
      ),
    );
  const expected = group.targetType === 'lambda' ? 'lambdaFunction' : 'ec2Instance';
  for (const id of group.targetIds) {
    const target = resourceById(design, id);
    // Missing targets and kinds no target group takes are the generic reference rule's.
    if (!target || (target.kind !== 'ec2Instance' && target.kind !== 'lambdaFunction')) continue;
    if (group.targetType === 'ip' || target.kind !== expected) {
      out.push(
        finding(
          'error',
          'TARGET_WRONG_TYPE',
          group.id,
          group.targetType === 'ip'
            ? `${group.name} has target type ip, so it registers addresses, not ${target.name}; register the instance's private address instead.`
            : `${group.name} has target type ${group.targetType}, so it can't register ${target.name}, which is ${kindLabel(target.kind)}.`,
        ),
      );
      continue;
    }
    if (target.kind === 'ec2Instance') {
      const subnet = getResource(design, target.subnetId, 'subnet');
      if (subnet && subnet.vpcId !== group.vpcId)
        out.push(
          finding(
            'error',
            'TARGET_OTHER_VPC',
            group.id,
            `${group.name} is in ${nameOf(design, group.vpcId)}, but its target ${target.name} is in ${nameOf(design, subnet.vpcId)}; instance targets must be in the target group's VPC.`,
          ),
        );
    }
  }
  if (group.targetType === 'lambda' && group.targetIds.length > 1)
    out.push(
      finding(
        'error',
        'TARGET_GROUP_LAMBDA_MANY',
        group.id,
        `${group.name} registers ${group.targetIds.length} functions; a Lambda target group takes exactly one (ELB quota).`,
      ),
    );
  for (const ip of group.targetIps) {
    if (group.targetType !== 'ip')
      out.push(
        finding(
          'error',
          'TARGET_WRONG_TYPE',
          group.id,
          `${group.name} has target type ${group.targetType}, so it can't register the address ${ip}; only an ip target group takes addresses.`,
        ),
      );
    else if (!isPrivateTargetIp(ip))
      out.push(
        finding(
          'error',
          'TARGET_IP_PUBLIC',
          group.id,
          `${group.name}: ${ip} is publicly routable; ip targets must be private addresses (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10).`,
        ),
      );
  }
  return out;
}
