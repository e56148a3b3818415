import { getResource, launchRefusal, resourcesOfKind, type AutoScalingGroup, type Design } from '../../domain';
import { finding, type Finding } from '../findings';
import { nameOf, outsideVpc } from './sameVpc';

/**
 * Auto Scaling groups as `CreateAutoScalingGroup` checks them (EC2 Auto Scaling
 * API Reference; EC2 Auto Scaling User Guide, "Set capacity limits on your
 * Auto Scaling group").
 */
export function autoScalingRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const group of resourcesOfKind(design, 'autoScalingGroup')) {
    out.push(...capacityFindings(group), ...placementFindings(design, group), ...templateFindings(design, group));
    out.push(...policyFindings(design, group));
  }
  return out;
}

function capacityFindings(group: AutoScalingGroup): Finding[] {
  const { minSize, desiredCapacity, maxSize } = group;
  if (minSize > maxSize)
    return [
      finding(
        'error',
        'ASG_CAPACITY',
        group.id,
        `${group.name}: its minimum size ${minSize} is above its maximum size ${maxSize}; AWS refuses the group (ValidationError).`,
      ),
    ];
  if (desiredCapacity < minSize || desiredCapacity > maxSize)
    return [
      finding(
        'error',
        'ASG_CAPACITY',
        group.id,
        `${group.name}: AWS refuses it: "Desired capacity:${desiredCapacity} must be between the specified min size:${minSize} and max size:${maxSize}" (ValidationError).`,
      ),
    ];
  return [];
}

function placementFindings(design: Design, group: AutoScalingGroup): Finding[] {
  const out: Finding[] = [];
  if (group.subnetIds.length === 0)
    out.push(
      finding(
        'error',
        'ASG_NO_SUBNET',
        group.id,
        `${group.name} has no subnet to launch into; a group in a VPC needs at least one (VPCZoneIdentifier).`,
        'Add a subnet in each zone the group should use.',
      ),
    );
  out.push(
    ...outsideVpc(design, group.subnetIds, 'subnet', group.vpcId, (subnet) =>
      finding(
        'error',
        'ASG_SUBNET_OTHER_VPC',
        group.id,
        `${group.name} is in ${nameOf(design, group.vpcId)}, but its subnet ${subnet.name} is in ${nameOf(design, subnet.vpcId)}; a group's subnets must all be in one VPC.`,
      ),
    ),
  );
  // ELB health checks come from the group's target groups (EC2 Auto Scaling User Guide, "Health checks").
  if (group.healthCheckType === 'ELB' && group.targetGroupIds.length === 0)
    out.push(
      finding(
        'warning',
        'ASG_ELB_HEALTH_WITHOUT_TARGET_GROUP',
        group.id,
        `${group.name} uses ELB health checks but is attached to no target group, so only EC2 status checks can mark an instance unhealthy.`,
        'Attach the group to a target group, or use EC2 health checks.',
      ),
    );
  for (const id of group.targetGroupIds) {
    const target = getResource(design, id, 'targetGroup');
    if (!target) continue;
    if (target.vpcId !== group.vpcId)
      out.push(
        finding(
          'error',
          'ASG_TARGET_GROUP_OTHER_VPC',
          group.id,
          `${group.name} registers its instances with ${target.name}, a target group of ${nameOf(design, target.vpcId)}; its instances run in ${nameOf(design, group.vpcId)}.`,
        ),
      );
    else if (target.targetType !== 'instance')
      out.push(
        finding(
          'error',
          'ASG_TARGET_GROUP_TYPE',
          group.id,
          `${group.name} registers its instances by id, but ${target.name} has target type ${target.targetType}; attach a group of target type instance.`,
        ),
      );
  }
  return out;
}

function templateFindings(design: Design, group: AutoScalingGroup): Finding[] {
  const template = getResource(design, group.launchTemplateId, 'launchTemplate');
  if (!template)
    return [
      finding(
        'error',
        'ASG_LAUNCH_TEMPLATE_MISSING',
        group.id,
        `${group.name} launches from launch template ${group.launchTemplateId}, which does not exist; AWS refuses a group whose launch template does not exist (ValidationError).`,
        'Choose a launch template.',
      ),
    ];
  const out: Finding[] = [];
  // The group launches what the template says, so AWS's launch check applies to the template (EC2 API, RunInstances).
  const refusal = launchRefusal(template);
  if (refusal)
    out.push(
      finding(
        'error',
        'ASG_LAUNCH_TEMPLATE_ARCHITECTURE',
        group.id,
        `${group.name} can't launch from ${template.name}. AWS refuses: "You must use a valid fully-formed launch template. ${refusal.message}" (ValidationError).`,
      ),
    );
  // An instance's groups belong to its subnet's VPC; launching fails otherwise (EC2 API, RunInstances: InvalidGroup.NotFound).
  out.push(
    ...outsideVpc(design, template.securityGroupIds, 'securityGroup', group.vpcId, (sg) =>
      finding(
        'error',
        'ASG_TEMPLATE_SECURITY_GROUP_OTHER_VPC',
        group.id,
        `${group.name} launches into ${nameOf(design, group.vpcId)}, but its template ${template.name} gives instances ${sg.name} of ${nameOf(design, sg.vpcId)}, so every launch fails.`,
      ),
    ),
  );
  return out;
}

function policyFindings(design: Design, group: AutoScalingGroup): Finding[] {
  const needsAlb = group.policies.some((p) => p.type === 'targetTracking' && p.metric === 'ALBRequestCountPerTarget');
  if (!needsAlb) return [];
  // ALBRequestCountPerTarget names one ALB target group (ResourceLabel) the group is attached to.
  const behindAlb = group.targetGroupIds.some((id) =>
    resourcesOfKind(design, 'loadBalancer').some(
      (lb) => lb.type === 'application' && lb.listeners.some((l) => l.targetGroupId === id),
    ),
  );
  if (behindAlb) return [];
  return [
    finding(
      'error',
      'ASG_REQUEST_COUNT_WITHOUT_ALB',
      group.id,
      `${group.name} tracks ALBRequestCountPerTarget, but none of its target groups is behind an Application Load Balancer; the metric needs one (its ResourceLabel names the load balancer and target group).`,
      'Attach the group to a target group an ALB listener forwards to, or track average CPU.',
    ),
  ];
}
