import type { ScalingPolicy } from '../domain';
import type { HaData } from './awsSchemasHa';

/**
 * A group's target tracking policies on the metrics Nimbus models
 * (`ASGAverageCPUUtilization`, `ALBRequestCountPerTarget`). Step and simple
 * scaling policies take their threshold from a CloudWatch alarm, which
 * `describe-policies` does not print, so they are named in a note, as are
 * other metrics and scheduled actions (cron recurrences, where Nimbus's run
 * on the simulated clock). Source: EC2 Auto Scaling API Reference,
 * `ScalingPolicy`, `TargetTrackingConfiguration`.
 */
export function scalingPoliciesOf(data: HaData, groupName: string, notes: string[]): ScalingPolicy[] {
  const what = `Auto Scaling group ${groupName}`;
  const policies: ScalingPolicy[] = [];
  for (const policy of data.ScalingPolicies.filter((p) => p.AutoScalingGroupName === groupName)) {
    const config = policy.TargetTrackingConfiguration;
    const metric = config?.PredefinedMetricSpecification?.PredefinedMetricType;
    if (policy.Enabled === false) {
      notes.push(`${what}: policy ${policy.PolicyName} is disabled; not imported`);
      continue;
    }
    if (
      policy.PolicyType !== 'TargetTrackingScaling' ||
      !config ||
      (metric !== 'ASGAverageCPUUtilization' && metric !== 'ALBRequestCountPerTarget')
    ) {
      notes.push(
        `${what}: policy ${policy.PolicyName} (${policy.PolicyType ?? '?'}${metric ? `, ${metric}` : ''}) is not imported: Nimbus models target tracking on average CPU or ALB requests per target${policy.PolicyType === 'StepScaling' || policy.PolicyType === 'SimpleScaling' ? ', and its alarm threshold is not in describe-policies' : ''}`,
      );
      continue;
    }
    policies.push({
      type: 'targetTracking',
      metric,
      targetValue: config.TargetValue,
      disableScaleIn: config.DisableScaleIn ?? false,
    });
  }
  const scheduled = data.ScheduledUpdateGroupActions.filter((a) => a.AutoScalingGroupName === groupName);
  if (scheduled.length > 0)
    notes.push(
      `${what}: ${scheduled.length} scheduled action${scheduled.length === 1 ? '' : 's'} (${scheduled.map((a) => a.ScheduledActionName).join(', ')}) not imported: AWS schedules by cron (UTC unless a time zone is given), Nimbus's run on the simulated clock`,
    );
  return policies;
}
