import { AMI_PARAMETERS } from '../amis';
import { tagsOf, type CfnProperties, type MappingTable } from '../context';
import { compact, refs, AMAZON_DNS_SUFFIX, amiOfPath } from './helpers';

/** EC2 instances and their volumes, ECS, EKS and Lambda. */
export const COMPUTE_MAPPINGS = {
  ec2Instance: {
    types: ['AWS::EC2::Instance'],
    beside: ['AWS::EC2::EIPAssociation'],
    write(instance, ctx) {
      const logical = ctx.logicalOf(instance.id)!;
      const ssm = AMI_PARAMETERS[instance.amiId];
      const image = ssm
        ? ctx.parameter(ssm.parameter, {
            Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
            Default: ssm.path,
            Description: ssm.name,
          })
        : instance.amiId;
      if (instance.elasticIpId)
        ctx.add(`${logical}Address`, {
          Type: 'AWS::EC2::EIPAssociation',
          Properties: { AllocationId: ctx.att(instance.elasticIpId, 'AllocationId'), InstanceId: ctx.ref(instance.id) },
        });
      if (instance.publicIp && !instance.elasticIpId)
        ctx.output(
          `${logical}PublicIp`,
          ctx.att(instance.id, 'PublicIp'),
          `${instance.name || instance.id}: public IPv4 address`,
        );
      return {
        Type: 'AWS::EC2::Instance',
        Properties: compact({
          ImageId: image,
          InstanceType: instance.instanceType,
          NetworkInterfaces: [
            compact({
              DeviceIndex: '0',
              SubnetId: ctx.ref(instance.subnetId),
              PrivateIpAddress: instance.privateIp || undefined,
              GroupSet: refs(ctx, instance.securityGroupIds),
              AssociatePublicIpAddress: instance.publicIp,
            }),
          ],
          SourceDestCheck: instance.sourceDestCheck,
          DisableApiTermination: instance.terminationProtection || undefined,
          HibernationOptions: instance.hibernationEnabled ? { Configured: true } : undefined,
          Tags: tagsOf(instance.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const nic = (
        Array.isArray(properties.NetworkInterfaces) ? (properties.NetworkInterfaces as CfnProperties[]) : []
      ).find((n) => String(n.DeviceIndex) === '0');
      const subnetId = ctx.idOf(nic?.SubnetId ?? properties.SubnetId);
      const subnet = ctx.read(
        typeof (nic?.SubnetId ?? properties.SubnetId) === 'object'
          ? String(((nic?.SubnetId ?? properties.SubnetId) as { logicalId?: string }).logicalId)
          : '',
      );
      const association = ctx.beside('AWS::EC2::EIPAssociation', 'InstanceId', logicalId)[0];
      const image = properties.ImageId;
      const amiId =
        typeof image === 'string' ? (amiOfPath(image) ?? image) : (ctx.text(image, `${logicalId}.ImageId`) ?? '');
      const hibernation = properties.HibernationOptions as CfnProperties | undefined;
      return {
        kind: 'ec2Instance',
        name: ctx.nameOf(properties, logicalId),
        subnetId,
        amiId,
        instanceType: ctx.text(properties.InstanceType ?? 'm1.small', `${logicalId}.InstanceType`) ?? '',
        privateIp:
          typeof (nic?.PrivateIpAddress ?? properties.PrivateIpAddress) === 'string'
            ? (nic?.PrivateIpAddress ?? properties.PrivateIpAddress)
            : '',
        publicIp:
          ctx.flag(nic?.AssociatePublicIpAddress) ??
          (subnet ? (ctx.flag(subnet.properties.MapPublicIpOnLaunch) ?? false) : false),
        elasticIpId: association ? ctx.idOf(association.properties.AllocationId ?? association.properties.EIP) : null,
        securityGroupIds: ctx.ids(nic?.GroupSet ?? properties.SecurityGroupIds),
        hibernationEnabled: hibernation ? (ctx.flag(hibernation.Configured) ?? false) : false,
        terminationProtection: ctx.flag(properties.DisableApiTermination) ?? false,
        ...(properties.SourceDestCheck !== undefined
          ? { sourceDestCheck: ctx.flag(properties.SourceDestCheck) ?? true }
          : {}),
      };
    },
    notes:
      'AMIs as SSM public parameters where one exists; the Elastic IP by `AWS::EC2::EIPAssociation`. State, transition times and the drawn public address are kept in the metadata.',
  },

  ebsVolume: {
    types: ['AWS::EC2::Volume'],
    beside: ['AWS::EC2::VolumeAttachment'],
    write(volume, ctx) {
      const zone = ctx.design.resources[volume.availabilityZoneId];
      if (volume.attachedInstanceId)
        ctx.add(`${ctx.logicalOf(volume.id)}Attachment`, {
          Type: 'AWS::EC2::VolumeAttachment',
          Properties: {
            InstanceId: ctx.ref(volume.attachedInstanceId),
            VolumeId: ctx.ref(volume.id),
            Device: '/dev/sdf',
          },
        });
      return {
        Type: 'AWS::EC2::Volume',
        Properties: compact({
          AvailabilityZone: zone?.kind === 'availabilityZone' ? zone.zoneName : '',
          Size: volume.sizeGiB,
          VolumeType: volume.volumeType,
          Tags: tagsOf(volume.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const attachment = ctx.beside('AWS::EC2::VolumeAttachment', 'VolumeId', logicalId)[0];
      return {
        kind: 'ebsVolume',
        name: ctx.nameOf(properties, logicalId),
        availabilityZoneId: ctx.zone(
          ctx.text(properties.AvailabilityZone, `${logicalId}.AvailabilityZone`) ?? 'unknown',
          null,
        ),
        volumeType: typeof properties.VolumeType === 'string' ? properties.VolumeType : 'gp3',
        sizeGiB: ctx.number(properties.Size ?? 8, `${logicalId}.Size`) ?? 8,
        attachedInstanceId: attachment ? ctx.idOf(attachment.properties.InstanceId) : null,
      };
    },
    notes: 'Attached by `AWS::EC2::VolumeAttachment`; delete-on-termination is kept in the metadata.',
  },

  ecsCluster: {
    types: ['AWS::ECS::Cluster'],
    beside: [],
    write: (cluster) => ({ Type: 'AWS::ECS::Cluster', Properties: compact({ Tags: tagsOf(cluster.name) }) }),
    read: ({ logicalId, properties }, ctx) => ({
      kind: 'ecsCluster',
      name: ctx.nameOf(properties, logicalId),
      regionId: ctx.region(),
    }),
    notes: '',
  },

  ecsService: {
    types: ['AWS::ECS::Service'],
    beside: ['AWS::ECS::TaskDefinition'],
    write(service, ctx) {
      const task = ctx.add(`${ctx.logicalOf(service.id)}Task`, {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Cpu: String(service.taskCpu),
          Memory: String(service.taskMemory),
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: [service.launchType],
          ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/docker/library/nginx:latest', Essential: true }],
        },
      });
      return {
        Type: 'AWS::ECS::Service',
        Properties: compact({
          ServiceName: service.name || undefined,
          Cluster: ctx.ref(service.clusterId),
          LaunchType: service.launchType,
          DesiredCount: service.desiredCount,
          TaskDefinition: { Ref: task },
          NetworkConfiguration:
            service.subnetIds.length > 0
              ? {
                  AwsvpcConfiguration: compact({
                    Subnets: refs(ctx, service.subnetIds),
                    SecurityGroups: refs(ctx, service.securityGroupIds),
                  }),
                }
              : undefined,
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const taskRef = properties.TaskDefinition;
      const task =
        taskRef && typeof taskRef === 'object' && 'logicalId' in taskRef
          ? ctx.read(String(taskRef.logicalId))
          : undefined;
      const network = (properties.NetworkConfiguration as CfnProperties | undefined)?.AwsvpcConfiguration as
        CfnProperties | undefined;
      return {
        kind: 'ecsService',
        name: typeof properties.ServiceName === 'string' ? properties.ServiceName : logicalId,
        clusterId: ctx.idOf(properties.Cluster),
        launchType: properties.LaunchType === 'EC2' ? 'EC2' : 'FARGATE',
        taskCpu: Number(task?.properties.Cpu ?? 256),
        taskMemory: Number(task?.properties.Memory ?? 512),
        desiredCount: ctx.number(properties.DesiredCount ?? 1, `${logicalId}.DesiredCount`) ?? 1,
        subnetIds: ctx.ids(network?.Subnets),
        securityGroupIds: ctx.ids(network?.SecurityGroups),
      };
    },
    notes:
      'With its `AWS::ECS::TaskDefinition` (task size; a stand-in container image). Load and scaling are kept in the metadata.',
  },

  eksCluster: {
    types: ['AWS::EKS::Cluster'],
    beside: ['AWS::EKS::FargateProfile'],
    write(cluster, ctx) {
      const role = ctx.parameter('EksClusterRoleArn', {
        Type: 'String',
        Description: 'IAM role of the EKS clusters; Nimbus does not model IAM.',
      });
      cluster.fargateProfiles.forEach((profile) =>
        ctx.add(`${ctx.logicalOf(cluster.id)}Fargate`, {
          Type: 'AWS::EKS::FargateProfile',
          Properties: compact({
            ClusterName: ctx.ref(cluster.id),
            FargateProfileName: profile.name || undefined,
            PodExecutionRoleArn: ctx.parameter('EksPodExecutionRoleArn', {
              Type: 'String',
              Description: 'IAM role of Fargate pods.',
            }),
            Selectors: profile.namespaces.map((Namespace) => ({ Namespace })),
            Subnets: refs(ctx, profile.subnetIds),
          }),
        }),
      );
      return {
        Type: 'AWS::EKS::Cluster',
        Properties: compact({
          Name: cluster.name || undefined,
          Version: cluster.kubernetesVersion,
          RoleArn: role,
          // The upgrade policy (`UpgradePolicy`) is newer than the resource specification the export is checked against: kept in the metadata.
          ResourcesVpcConfig: { SubnetIds: refs(ctx, cluster.subnetIds) },
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const vpc = properties.ResourcesVpcConfig as CfnProperties | undefined;
      const policy = properties.UpgradePolicy as CfnProperties | undefined;
      return {
        kind: 'eksCluster',
        name: typeof properties.Name === 'string' ? properties.Name : logicalId,
        regionId: ctx.region(),
        kubernetesVersion: typeof properties.Version === 'string' ? properties.Version : '1.34',
        upgradePolicy: policy?.SupportType === 'EXTENDED' ? 'EXTENDED' : 'STANDARD',
        subnetIds: ctx.ids(vpc?.SubnetIds),
        fargateProfiles: ctx.beside('AWS::EKS::FargateProfile', 'ClusterName', logicalId).map((p) => ({
          name: typeof p.properties.FargateProfileName === 'string' ? p.properties.FargateProfileName : p.logicalId,
          namespaces: (Array.isArray(p.properties.Selectors) ? (p.properties.Selectors as CfnProperties[]) : []).map(
            (s) => String(s.Namespace),
          ),
          subnetIds: ctx.ids(p.properties.Subnets),
        })),
      };
    },
    notes:
      'Fargate profiles as `AWS::EKS::FargateProfile`; IAM roles are parameters. Kubernetes deployments are kept in the metadata.',
  },

  eksNodeGroup: {
    types: ['AWS::EKS::Nodegroup'],
    beside: [],
    write(group, ctx) {
      return {
        Type: 'AWS::EKS::Nodegroup',
        Properties: compact({
          ClusterName: ctx.ref(group.clusterId),
          NodegroupName: group.name || undefined,
          NodeRole: ctx.parameter('EksNodeRoleArn', {
            Type: 'String',
            Description: 'IAM role of EKS nodes; Nimbus does not model IAM.',
          }),
          Subnets: refs(ctx, group.subnetIds),
          InstanceTypes: [group.instanceType],
          AmiType: group.amiType,
          DiskSize: group.diskSizeGiB,
          ScalingConfig: { MinSize: group.minSize, DesiredSize: group.desiredSize, MaxSize: group.maxSize },
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const scaling = (properties.ScalingConfig ?? {}) as CfnProperties;
      const types = Array.isArray(properties.InstanceTypes) ? properties.InstanceTypes : [];
      return {
        kind: 'eksNodeGroup',
        name: typeof properties.NodegroupName === 'string' ? properties.NodegroupName : logicalId,
        clusterId: ctx.idOf(properties.ClusterName),
        subnetIds: ctx.ids(properties.Subnets),
        instanceType: typeof types[0] === 'string' ? types[0] : 't3.medium',
        ...(typeof properties.AmiType === 'string' ? { amiType: properties.AmiType } : {}),
        minSize: ctx.number(scaling.MinSize ?? 1, 'MinSize') ?? 1,
        desiredSize: ctx.number(scaling.DesiredSize ?? 2, 'DesiredSize') ?? 2,
        maxSize: ctx.number(scaling.MaxSize ?? 2, 'MaxSize') ?? 2,
        diskSizeGiB: ctx.number(properties.DiskSize ?? 20, 'DiskSize') ?? 20,
      };
    },
    notes: 'Node security groups are kept in the metadata.',
  },

  lambdaFunction: {
    types: ['AWS::Lambda::Function'],
    beside: ['AWS::Lambda::EventInvokeConfig'],
    write(fn, ctx) {
      ctx.add(`${ctx.logicalOf(fn.id)}Async`, {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: {
          FunctionName: ctx.ref(fn.id),
          Qualifier: '$LATEST',
          MaximumRetryAttempts: fn.asyncInvocation.maximumRetryAttempts,
          MaximumEventAgeInSeconds: fn.asyncInvocation.maximumEventAgeSeconds,
        },
      });
      return {
        Type: 'AWS::Lambda::Function',
        Properties: compact({
          FunctionName: fn.name || undefined,
          Runtime: fn.runtime,
          Handler: 'index.handler',
          Code: { ZipFile: 'exports.handler = async () => ({ statusCode: 200 });' },
          Role: ctx.parameter('LambdaRoleArn', {
            Type: 'String',
            Description: 'IAM execution role of the functions; Nimbus does not model IAM.',
          }),
          Architectures: [fn.architecture],
          MemorySize: fn.memoryMb,
          Timeout: fn.timeoutSeconds,
          ReservedConcurrentExecutions: fn.reservedConcurrency ?? undefined,
          VpcConfig: fn.vpcConfig
            ? {
                SubnetIds: refs(ctx, fn.vpcConfig.subnetIds),
                SecurityGroupIds: refs(ctx, fn.vpcConfig.securityGroupIds),
              }
            : undefined,
          Tags: tagsOf(fn.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const vpc = properties.VpcConfig as CfnProperties | undefined;
      const arch = Array.isArray(properties.Architectures) ? properties.Architectures[0] : undefined;
      const async = ctx.beside('AWS::Lambda::EventInvokeConfig', 'FunctionName', logicalId)[0]?.properties;
      return {
        kind: 'lambdaFunction',
        name:
          (properties.FunctionName === undefined
            ? null
            : ctx.text(properties.FunctionName, `${logicalId}.FunctionName`)) ?? ctx.nameOf(properties, logicalId),
        regionId: ctx.region(),
        runtime: properties.Runtime,
        architecture: arch === 'arm64' ? 'arm64' : 'x86_64',
        memoryMb: ctx.number(properties.MemorySize ?? 128, `${logicalId}.MemorySize`) ?? 128,
        timeoutSeconds: ctx.number(properties.Timeout ?? 3, `${logicalId}.Timeout`) ?? 3,
        averageDurationMs: 100,
        reservedConcurrency:
          properties.ReservedConcurrentExecutions === undefined
            ? null
            : ctx.number(properties.ReservedConcurrentExecutions, 'ReservedConcurrentExecutions'),
        ...(async
          ? {
              asyncInvocation: {
                maximumRetryAttempts: ctx.number(async.MaximumRetryAttempts ?? 2, 'MaximumRetryAttempts') ?? 2,
                maximumEventAgeSeconds:
                  ctx.number(async.MaximumEventAgeInSeconds ?? 21600, 'MaximumEventAgeInSeconds') ?? 21600,
                onFailure: 'discard',
              },
            }
          : {}),
        vpcConfig: vpc ? { subnetIds: ctx.ids(vpc.SubnetIds), securityGroupIds: ctx.ids(vpc.SecurityGroupIds) } : null,
      };
    },
    notes:
      'A stand-in handler; the role is a parameter; retries and event age as `AWS::Lambda::EventInvokeConfig`. Duration, error rate and provisioned concurrency are kept in the metadata.',
  },

  lambdaTrigger: {
    types: ['AWS::Lambda::Permission', 'AWS::Events::Rule', 'AWS::Lambda::EventSourceMapping'],
    beside: [],
    write(trigger, ctx) {
      if (trigger.source === 'eventBridgeSchedule')
        return {
          Type: 'AWS::Events::Rule',
          Properties: {
            ScheduleExpression: 'rate(1 minute)',
            State: 'ENABLED',
            Targets: [{ Arn: ctx.att(trigger.functionId, 'Arn'), Id: 'function' }],
          },
        };
      if (trigger.source === 'sqs')
        return {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: {
            FunctionName: ctx.ref(trigger.functionId),
            EventSourceArn: ctx.parameter(`${ctx.logicalOf(trigger.id)}QueueArn`, {
              Type: 'String',
              Description: 'ARN of the SQS queue (Nimbus does not model queues).',
            }),
          },
        };
      return {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: ctx.ref(trigger.functionId),
          Principal: trigger.source === 's3' ? 's3.amazonaws.com' : 'apigateway.amazonaws.com',
        },
      };
    },
    read({ logicalId, type, properties }, ctx) {
      if (type === 'AWS::Events::Rule') {
        const target = (Array.isArray(properties.Targets) ? (properties.Targets as CfnProperties[]) : [])[0];
        const functionId = target ? ctx.idOf(target.Arn) : null;
        if (!functionId || properties.ScheduleExpression === undefined) return null;
        return { kind: 'lambdaTrigger', name: logicalId, functionId, source: 'eventBridgeSchedule' };
      }
      const functionId = ctx.idOf(properties.FunctionName);
      if (!functionId) return null;
      const principal =
        typeof properties.Principal === 'string' ? properties.Principal.replace(AMAZON_DNS_SUFFIX, '') : '';
      const source =
        type === 'AWS::Lambda::EventSourceMapping'
          ? 'sqs'
          : principal === 's3'
            ? 's3'
            : principal === 'events'
              ? 'eventBridgeSchedule'
              : 'apiGateway';
      return { kind: 'lambdaTrigger', name: logicalId, functionId, source };
    },
    notes:
      'API Gateway and S3 as `AWS::Lambda::Permission`, a schedule as `AWS::Events::Rule`, SQS as `AWS::Lambda::EventSourceMapping` (the queue is a parameter). Event rates are kept in the metadata.',
  },
} satisfies Partial<MappingTable>;
