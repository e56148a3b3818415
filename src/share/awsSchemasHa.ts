import { z } from 'zod';

/**
 * The parts of the Elastic Load Balancing (v2), EC2 Auto Scaling, launch
 * template and RDS `describe-*` output Nimbus reads (AWS CLI v2 JSON). Loose
 * objects: every other field AWS prints is allowed and ignored. Sources:
 * Elastic Load Balancing API Reference (version 2015-12-01) `LoadBalancer`,
 * `TargetGroup`, `Listener`, `TargetHealthDescription`; Amazon EC2 Auto
 * Scaling API Reference `AutoScalingGroup`; Amazon EC2 API Reference
 * `LaunchTemplate`, `LaunchTemplateVersion`; Amazon RDS API Reference
 * `DBInstance`, `DBSubnetGroup`.
 */
const Tags = z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional();

export const AwsLoadBalancer = z.looseObject({
  LoadBalancerArn: z.string(),
  LoadBalancerName: z.string(),
  Type: z.string(),
  Scheme: z.string().optional(),
  VpcId: z.string().optional(),
  State: z.looseObject({ Code: z.string().optional() }).optional(),
  AvailabilityZones: z
    .array(
      z.looseObject({
        SubnetId: z.string().optional(),
        ZoneName: z.string().optional(),
        LoadBalancerAddresses: z
          .array(
            z.looseObject({
              IpAddress: z.string().optional(),
              AllocationId: z.string().optional(),
              PrivateIPv4Address: z.string().optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  SecurityGroups: z.array(z.string()).default([]),
  IpAddressType: z.string().optional(),
});

const TargetGroupTuple = z.looseObject({ TargetGroupArn: z.string(), Weight: z.number().optional() });
export const AwsListenerAction = z.looseObject({
  Type: z.string(),
  TargetGroupArn: z.string().optional(),
  ForwardConfig: z.looseObject({ TargetGroups: z.array(TargetGroupTuple).default([]) }).optional(),
});
export const AwsListener = z.looseObject({
  ListenerArn: z.string().optional(),
  LoadBalancerArn: z.string(),
  Port: z.number().int().optional(),
  Protocol: z.string().optional(),
  DefaultActions: z.array(AwsListenerAction).default([]),
});
/** Batfish records `describe-listeners` once per load balancer: `{LoadBalancerArn, Listeners}`. */
export const AwsLoadBalancerListeners = z.looseObject({
  LoadBalancerArn: z.string(),
  Listeners: z.array(AwsListener).default([]),
});

/** `describe-rules`: a listener's rules; the default one (`IsDefault`) is its default action. */
export const AwsListenerRule = z.looseObject({
  RuleArn: z.string(),
  Priority: z.string().optional(),
  IsDefault: z.boolean().optional(),
});

export const AwsTargetGroup = z.looseObject({
  TargetGroupArn: z.string(),
  TargetGroupName: z.string(),
  TargetType: z.string().optional(),
  Protocol: z.string().optional(),
  Port: z.number().int().optional(),
  VpcId: z.string().optional(),
  HealthCheckEnabled: z.boolean().optional(),
  HealthCheckProtocol: z.string().optional(),
  HealthCheckPath: z.string().optional(),
  HealthCheckPort: z.string().optional(),
  HealthCheckIntervalSeconds: z.number().int().optional(),
  HealthCheckTimeoutSeconds: z.number().int().optional(),
  HealthyThresholdCount: z.number().int().optional(),
  UnhealthyThresholdCount: z.number().int().optional(),
  LoadBalancerArns: z.array(z.string()).default([]),
});

export const AwsTargetHealthDescription = z.looseObject({
  Target: z.looseObject({ Id: z.string(), Port: z.number().int().optional(), AvailabilityZone: z.string().optional() }),
  TargetHealth: z
    .looseObject({ State: z.string().optional(), Reason: z.string().optional(), Description: z.string().optional() })
    .optional(),
  /** The file it was read from (set by the importer, not by AWS). */
  SourceFile: z.string().optional(),
});
/** `describe-target-health` does not repeat the group's ARN; Batfish records it per group: `{TargetGroupArn, TargetHealthDescriptions}`. */
export const AwsLoadBalancerTargetHealth = z.looseObject({
  TargetGroupArn: z.string(),
  TargetHealthDescriptions: z.array(AwsTargetHealthDescription).default([]),
});
/** `describe-load-balancer-attributes`, as Batfish records it per load balancer. */
export const AwsLoadBalancerAttributes = z.looseObject({
  LoadBalancerArn: z.string(),
  Attributes: z.array(z.looseObject({ Key: z.string(), Value: z.string().optional() })).default([]),
});

const LaunchTemplateSpecification = z.looseObject({
  LaunchTemplateId: z.string().optional(),
  LaunchTemplateName: z.string().optional(),
  Version: z.string().optional(),
});
export const AwsAutoScalingGroup = z.looseObject({
  AutoScalingGroupName: z.string(),
  AutoScalingGroupARN: z.string().optional(),
  LaunchTemplate: LaunchTemplateSpecification.optional(),
  LaunchConfigurationName: z.string().optional(),
  MixedInstancesPolicy: z
    .looseObject({
      LaunchTemplate: z.looseObject({ LaunchTemplateSpecification: LaunchTemplateSpecification.optional() }).optional(),
    })
    .optional(),
  MinSize: z.number().int(),
  MaxSize: z.number().int(),
  DesiredCapacity: z.number().int(),
  DefaultCooldown: z.number().int().optional(),
  DefaultInstanceWarmup: z.number().int().optional(),
  AvailabilityZones: z.array(z.string()).default([]),
  LoadBalancerNames: z.array(z.string()).default([]),
  TargetGroupARNs: z.array(z.string()).default([]),
  HealthCheckType: z.string().optional(),
  HealthCheckGracePeriod: z.number().int().optional(),
  Instances: z
    .array(
      z.looseObject({
        InstanceId: z.string(),
        LifecycleState: z.string().optional(),
        HealthStatus: z.string().optional(),
      }),
    )
    .default([]),
  SuspendedProcesses: z.array(z.looseObject({ ProcessName: z.string() })).default([]),
  VPCZoneIdentifier: z.string().optional(),
  Tags,
});

export const AwsLaunchTemplate = z.looseObject({
  LaunchTemplateId: z.string(),
  LaunchTemplateName: z.string().optional(),
  DefaultVersionNumber: z.number().int().optional(),
  LatestVersionNumber: z.number().int().optional(),
  Tags,
});
export const AwsLaunchTemplateVersion = z.looseObject({
  LaunchTemplateId: z.string(),
  LaunchTemplateName: z.string().optional(),
  VersionNumber: z.number().int(),
  DefaultVersion: z.boolean().optional(),
  LaunchTemplateData: z
    .looseObject({
      ImageId: z.string().optional(),
      InstanceType: z.string().optional(),
      SecurityGroupIds: z.array(z.string()).default([]),
      NetworkInterfaces: z
        .array(
          z.looseObject({
            DeviceIndex: z.number().int().optional(),
            AssociatePublicIpAddress: z.boolean().optional(),
            Groups: z.array(z.string()).default([]),
          }),
        )
        .default([]),
      TagSpecifications: z.array(z.looseObject({ ResourceType: z.string().optional(), Tags })).default([]),
    })
    .default({ SecurityGroupIds: [], NetworkInterfaces: [], TagSpecifications: [] }),
});

/** `aws autoscaling describe-policies`. */
export const AwsScalingPolicy = z.looseObject({
  AutoScalingGroupName: z.string(),
  PolicyName: z.string(),
  PolicyType: z.string().optional(),
  Enabled: z.boolean().optional(),
  TargetTrackingConfiguration: z
    .looseObject({
      PredefinedMetricSpecification: z
        .looseObject({ PredefinedMetricType: z.string(), ResourceLabel: z.string().optional() })
        .optional(),
      TargetValue: z.number(),
      DisableScaleIn: z.boolean().optional(),
    })
    .optional(),
});
/** `aws autoscaling describe-scheduled-actions`. */
export const AwsScheduledAction = z.looseObject({
  AutoScalingGroupName: z.string(),
  ScheduledActionName: z.string(),
  Recurrence: z.string().optional(),
});

export const AwsDbSubnetGroup = z.looseObject({
  DBSubnetGroupName: z.string(),
  VpcId: z.string(),
  Subnets: z
    .array(
      z.looseObject({
        SubnetIdentifier: z.string(),
        SubnetAvailabilityZone: z.looseObject({ Name: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});
export const AwsDbInstance = z.looseObject({
  DBInstanceIdentifier: z.string(),
  DBInstanceArn: z.string().optional(),
  DBInstanceClass: z.string(),
  Engine: z.string(),
  DBInstanceStatus: z.string().optional(),
  AllocatedStorage: z.number().int().optional(),
  StorageType: z.string().optional(),
  Endpoint: z.looseObject({ Address: z.string().optional(), Port: z.number().int().optional() }).optional(),
  DbInstancePort: z.number().int().optional(),
  MultiAZ: z.boolean().optional(),
  AvailabilityZone: z.string().optional(),
  SecondaryAvailabilityZone: z.string().optional(),
  DBSubnetGroup: AwsDbSubnetGroup.optional(),
  VpcSecurityGroups: z.array(z.looseObject({ VpcSecurityGroupId: z.string() })).default([]),
  ReadReplicaSourceDBInstanceIdentifier: z.string().optional(),
  DBClusterIdentifier: z.string().optional(),
});

/** The top-level keys of these files (spread into `AWS_KEYS`). */
export const HA_AWS_KEYS = {
  LoadBalancers: AwsLoadBalancer,
  Listeners: AwsListener,
  LoadBalancerListeners: AwsLoadBalancerListeners,
  Rules: AwsListenerRule,
  TargetGroups: AwsTargetGroup,
  TargetHealthDescriptions: AwsTargetHealthDescription,
  LoadBalancerTargetHealth: AwsLoadBalancerTargetHealth,
  LoadBalancerAttributes: AwsLoadBalancerAttributes,
  AutoScalingGroups: AwsAutoScalingGroup,
  ScalingPolicies: AwsScalingPolicy,
  ScheduledUpdateGroupActions: AwsScheduledAction,
  LaunchTemplates: AwsLaunchTemplate,
  LaunchTemplateVersions: AwsLaunchTemplateVersion,
  DBSubnetGroups: AwsDbSubnetGroup,
  DBInstances: AwsDbInstance,
} as const;

export type HaData = { [K in keyof typeof HA_AWS_KEYS]: z.infer<(typeof HA_AWS_KEYS)[K]>[] };
