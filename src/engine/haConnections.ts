import type { Draft } from 'immer';
import { getResource, type Design, type Listener, type LoadBalancer, type TargetGroup } from '../domain';
import { edit, pair, refuse, sameVpc, type Rule } from './connectionRules';

const ALB_PROTOCOLS: readonly TargetGroup['protocol'][] = ['HTTP', 'HTTPS'];

/**
 * The listener a new connection from a load balancer to a target group adds:
 * the group's protocol and port when the load balancer can listen on it (an
 * ALB speaks HTTP or HTTPS, an NLB the layer-4 protocols), on the first port
 * from there no listener uses (AWS refuses two listeners on one port:
 * `DuplicateListener`). Source: ELB User Guide, "Listeners for your Application
 * Load Balancers" and "Listeners for your Network Load Balancers".
 */
function newListener(lb: LoadBalancer, group: TargetGroup): Listener {
  const taken = new Set(lb.listeners.map((l) => l.port));
  let port = group.port;
  while (taken.has(port) && port < 65535) port++;
  return { protocol: group.protocol, port, targetGroupId: group.id };
}

/** Why a load balancer of this type can't forward to this target group, or null. */
function forwardRefusal(lb: LoadBalancer, group: TargetGroup): string | null {
  const alb = lb.type === 'application';
  if (alb && !ALB_PROTOCOLS.includes(group.protocol))
    return `${group.name} is a ${group.protocol} target group; an Application Load Balancer forwards only to HTTP or HTTPS groups.`;
  if (!alb && ALB_PROTOCOLS.includes(group.protocol))
    return `${group.name} is an ${group.protocol} target group; a Network Load Balancer forwards to TCP, UDP, TLS or TCP_UDP groups.`;
  if (!alb && group.targetType === 'lambda')
    return `${group.name} targets a Lambda function; only an Application Load Balancer can invoke one.`;
  return null;
}

/**
 * Joining the pieces of a load-balanced tier: a load balancer and a target
 * group make a listener (or fill a listener that forwards nowhere yet), an
 * Auto Scaling group and a target group register the group's instances, an
 * instance and a target group register the instance, and an Auto Scaling
 * group and a launch template make it the group's template.
 */
export const HA_RULES: Rule[] = [
  (design, a, b) => {
    const p = pair(a, b, 'loadBalancer', 'targetGroup');
    if (!p) return null;
    const [lb, group] = p;
    if (lb.vpcId !== group.vpcId)
      return refuse(`${group.name} is in another VPC; a load balancer forwards only to target groups of its own VPC.`);
    const refusal = forwardRefusal(lb, group);
    if (refusal) return refuse(refusal);
    if (lb.listeners.some((l) => l.targetGroupId === group.id))
      return refuse(`${lb.name} already forwards to ${group.name}.`);
    const empty = lb.listeners.findIndex((l) => l.targetGroupId === null);
    if (empty >= 0) {
      const listener = lb.listeners[empty]!;
      return edit(
        design,
        `${lb.name}'s ${listener.protocol}:${listener.port} listener now forwards to ${group.name}.`,
        (d) => void ((d.resources[lb.id] as Draft<LoadBalancer>).listeners[empty]!.targetGroupId = group.id),
      );
    }
    const listener = newListener(lb, group);
    return edit(
      design,
      `${lb.name} has a new listener, ${listener.protocol}:${listener.port}, forwarding to ${group.name}.`,
      (d) => void (d.resources[lb.id] as Draft<LoadBalancer>).listeners.push(listener),
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'autoScalingGroup', 'targetGroup');
    if (!p) return null;
    const [asg, group] = p;
    if (asg.vpcId !== group.vpcId) return refuse(`${group.name} is in another VPC than ${asg.name}.`);
    if (group.targetType !== 'instance')
      return refuse(
        `${group.name} registers targets by ${group.targetType === 'ip' ? 'IP address' : 'Lambda function'}; an Auto Scaling group registers instances, so it needs an instance target group.`,
      );
    if (asg.targetGroupIds.includes(group.id)) return refuse(`${asg.name} already registers with ${group.name}.`);
    return edit(
      design,
      `${asg.name} registers its instances with ${group.name}.`,
      (d) => void (d.resources[asg.id] as Draft<typeof asg>).targetGroupIds.push(group.id),
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'ec2Instance', 'targetGroup');
    if (!p) return null;
    const [instance, group] = p;
    if (!sameVpc(design, instance, group)) return refuse(`${group.name} is in another VPC than ${instance.name}.`);
    if (group.targetType !== 'instance')
      return refuse(
        `${group.name} registers targets by ${group.targetType === 'ip' ? 'IP address' : 'Lambda function'}, not by instance.`,
      );
    if (group.targetIds.includes(instance.id))
      return refuse(`${instance.name} is already registered with ${group.name}.`);
    return edit(
      design,
      `${instance.name} is registered with ${group.name} on port ${group.port}.`,
      (d) => void (d.resources[group.id] as Draft<typeof group>).targetIds.push(instance.id),
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'autoScalingGroup', 'launchTemplate');
    if (!p) return null;
    const [asg, template] = p;
    if (asg.launchTemplateId === template.id) return refuse(`${asg.name} already launches from ${template.name}.`);
    const previous = getResource(design as Design, asg.launchTemplateId, 'launchTemplate');
    return edit(
      design,
      `${asg.name} now launches from ${template.name}${previous ? ` (instead of ${previous.name})` : ''}; running instances keep their old template until replaced.`,
      (d) => void ((d.resources[asg.id] as Draft<typeof asg>).launchTemplateId = template.id),
    );
  },
];
