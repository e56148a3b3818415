import { ASG_MAX_SIZE, DEFAULT_AMI_ID, type AutoScalingGroup, type LaunchTemplate } from '../domain';
import type { HaData } from './awsSchemasHa';
import { unique, type HaImportHooks } from './awsImportHaHooks';
import { scalingPoliciesOf } from './awsImportScalingPolicies';

/**
 * `describe-auto-scaling-groups` with the launch template each group launches
 * (`describe-launch-templates`, `describe-launch-template-versions`) and its
 * target tracking policies (`describe-policies`); the group's instances are
 * marked as launched by it.
 */

const nameOf = (tags: Array<{ Key: string; Value: string }> | undefined, fallback: string) =>
  tags?.find((t) => t.Key === 'Name')?.Value ?? fallback;

/** The launch template version an Auto Scaling group launches: its `Version` ($Latest, $Default or a number). */
function templateVersion(data: HaData, templateId: string, version: string | undefined) {
  const versions = data.LaunchTemplateVersions.filter((v) => v.LaunchTemplateId === templateId);
  const template = data.LaunchTemplates.find((t) => t.LaunchTemplateId === templateId);
  const wanted =
    version === '$Latest'
      ? (template?.LatestVersionNumber ?? Math.max(...versions.map((v) => v.VersionNumber)))
      : version && /^\d+$/.test(version)
        ? Number(version)
        : (template?.DefaultVersionNumber ?? versions.find((v) => v.DefaultVersion)?.VersionNumber);
  return versions.find((v) => v.VersionNumber === wanted);
}

export function importAutoScaling(hooks: HaImportHooks, groupIds: Map<string, string>): void {
  const { data, design, add, notes } = hooks;
  const templates = new Map<string, LaunchTemplate>();
  const instanceById = new Map(data.Reservations.flatMap((r) => r.Instances).map((i) => [i.InstanceId, i]));
  if (data.AutoScalingGroups.length > 0 && data.ScalingPolicies.length === 0)
    notes.push(
      'Auto Scaling: no scaling policies in the files (aws autoscaling describe-policies), so groups keep their capacity',
    );
  for (const group of unique(data.AutoScalingGroups, (g) => g.AutoScalingGroupARN ?? g.AutoScalingGroupName)) {
    const what = `Auto Scaling group ${group.AutoScalingGroupName}`;
    const spec = group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
    const templateId =
      spec?.LaunchTemplateId ??
      data.LaunchTemplates.find((t) => t.LaunchTemplateName === spec?.LaunchTemplateName)?.LaunchTemplateId;
    const subnetIds = (group.VPCZoneIdentifier ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const firstSubnet = subnetIds.map((s) => design.resources[s]).find((r) => r?.kind === 'subnet');
    if (!templateId) {
      notes.push(
        `${what}: ${group.LaunchConfigurationName ? `launches from launch configuration ${group.LaunchConfigurationName}, which Nimbus does not model (launch templates replace them)` : 'names no launch template'}; skipped (its instances are imported as instances)`,
      );
      continue;
    }
    if (firstSubnet?.kind !== 'subnet') {
      notes.push(`${what}: none of its subnets (${subnetIds.join(', ') || 'none'}) is in the files; skipped`);
      continue;
    }
    if (group.MixedInstancesPolicy)
      notes.push(`${what}: its mixed instances policy is imported as its launch template only`);
    if (!templates.has(templateId)) {
      const template = launchTemplateOf(hooks, templateId, spec?.Version, group, instanceById, firstSubnet.vpcId);
      templates.set(templateId, template);
      add(template);
    }
    const healthCheckType = group.HealthCheckType === 'ELB' ? 'ELB' : 'EC2';
    if (group.HealthCheckType && group.HealthCheckType !== healthCheckType)
      notes.push(`${what}: health check type ${group.HealthCheckType} is shown as ${healthCheckType}`);
    if (group.LoadBalancerNames.length > 0)
      notes.push(
        `${what}: Classic Load Balancers ${group.LoadBalancerNames.join(', ')} are not modelled; not attached`,
      );
    const missingGroups = group.TargetGroupARNs.filter((arn) => !groupIds.has(arn));
    if (missingGroups.length > 0)
      notes.push(
        `${what}: ${missingGroups.length} of its target groups are not in the files (${missingGroups.join(', ')}); not attached`,
      );
    // Values past what a design holds are shown at its bound, and said (the design schema would refuse them).
    const bounded = (value: number, max: number, field: string) => {
      if (value > max) notes.push(`${what}: ${field} ${value} is shown as ${max}, the most a Nimbus design holds`);
      return Math.min(value, max);
    };
    const id = `asg-${group.AutoScalingGroupName.replace(/[^A-Za-z0-9-]/g, '-')}`;
    const asg: AutoScalingGroup = {
      kind: 'autoScalingGroup',
      id: id as never,
      name: group.AutoScalingGroupName,
      vpcId: firstSubnet.vpcId,
      launchTemplateId: templateId as never,
      subnetIds: subnetIds as never[],
      minSize: bounded(group.MinSize, ASG_MAX_SIZE, 'minimum size'),
      desiredCapacity: bounded(group.DesiredCapacity, ASG_MAX_SIZE, 'desired capacity'),
      maxSize: bounded(group.MaxSize, ASG_MAX_SIZE, 'maximum size'),
      healthCheckType,
      // The API's default grace period is 0 (EC2 Auto Scaling API Reference, CreateAutoScalingGroup).
      healthCheckGracePeriodSeconds: bounded(group.HealthCheckGracePeriod ?? 0, 7200, 'health check grace period'),
      targetGroupIds: group.TargetGroupARNs.flatMap((arn) => groupIds.get(arn) ?? []) as never[],
      defaultInstanceWarmupSeconds:
        group.DefaultInstanceWarmup === undefined
          ? null
          : bounded(group.DefaultInstanceWarmup, 3600, 'instance warm-up'),
      defaultCooldownSeconds: bounded(group.DefaultCooldown ?? 300, 3600, 'default cooldown'),
      azRebalance: !group.SuspendedProcesses.some((p) => p.ProcessName === 'AZRebalance'),
      policies: scalingPoliciesOf(data, group.AutoScalingGroupName, notes),
      scheduledActions: [],
      instanceCapacityRps: 100,
    };
    add(asg);
    const states = new Map<string, number>();
    for (const member of group.Instances) {
      const state = `${member.LifecycleState ?? '?'}/${member.HealthStatus ?? '?'}`;
      states.set(state, (states.get(state) ?? 0) + 1);
    }
    if (states.size > 0)
      notes.push(
        `${what}: AWS reported its instances ${[...states].map(([s, n]) => `${n} ${s}`).join(', ')}; a design holds no health state, so the simulation judges them itself`,
      );
    for (const member of group.Instances) {
      const instance = design.resources[member.InstanceId];
      if (instance?.kind !== 'ec2Instance') {
        notes.push(`${what}: its instance ${member.InstanceId} is not in the files (describe-instances); not shown`);
        continue;
      }
      add({ ...instance, autoScalingGroupId: asg.id });
    }
    // The group registers its own instances; listing them by hand too would register them twice.
    const members = new Set(group.Instances.map((i) => i.InstanceId));
    for (const targetGroupId of asg.targetGroupIds) {
      const target = design.resources[targetGroupId];
      if (target?.kind === 'targetGroup')
        add({ ...target, targetIds: target.targetIds.filter((t) => !members.has(t)) });
    }
  }
}

function launchTemplateOf(
  { data, notes, regionIdOfVpc }: HaImportHooks,
  templateId: string,
  version: string | undefined,
  group: HaData['AutoScalingGroups'][number],
  instanceById: Map<string, { ImageId?: string | undefined; InstanceType: string }>,
  vpcId: string,
): LaunchTemplate {
  const listed = data.LaunchTemplates.find((t) => t.LaunchTemplateId === templateId);
  const chosen = templateVersion(data, templateId, version);
  const launched = group.Instances.map((i) => instanceById.get(i.InstanceId)).find((i) => i !== undefined);
  const what = `launch template ${templateId}`;
  const templateData = chosen?.LaunchTemplateData;
  const primary = templateData?.NetworkInterfaces.find((n) => (n.DeviceIndex ?? 0) === 0);
  let amiId = templateData?.ImageId;
  let instanceType = templateData?.InstanceType;
  if (!amiId || !instanceType) {
    // Without the version's data, the group's own instances say what it launches.
    amiId ??= launched?.ImageId;
    instanceType ??= launched?.InstanceType;
    notes.push(
      `${what}: ${chosen ? 'its version names no AMI or instance type' : 'its version data is not in the files (describe-launch-template-versions)'}; ${amiId && instanceType ? `AMI and type taken from ${group.AutoScalingGroupName}'s instances` : `Nimbus shows ${amiId ?? DEFAULT_AMI_ID} and ${instanceType ?? 't3.micro'} as stand-ins`}`,
    );
  }
  const instanceName = templateData?.TagSpecifications.find((t) => t.ResourceType === 'instance')?.Tags?.find(
    (t) => t.Key === 'Name',
  )?.Value;
  return {
    kind: 'launchTemplate',
    id: templateId as never,
    name: listed?.LaunchTemplateName ?? chosen?.LaunchTemplateName ?? nameOf(listed?.Tags, templateId),
    regionId: regionIdOfVpc(vpcId) as never,
    amiId: amiId ?? DEFAULT_AMI_ID,
    instanceType: instanceType ?? 't3.micro',
    securityGroupIds: [...(templateData?.SecurityGroupIds ?? []), ...(primary?.Groups ?? [])] as never[],
    associatePublicIp: primary?.AssociatePublicIpAddress ?? false,
    instanceName: instanceName ?? group.AutoScalingGroupName,
  };
}
