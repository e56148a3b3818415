import { AMI_PARAMETERS } from '../amis';
import { tagsOf, type CfnProperties, type MappingTable } from '../context';
import { compact, refs, logicalOfValue, amiOfPath } from './helpers';

/** Load balancers, target groups, launch templates, Auto Scaling groups and RDS. */
export const HIGH_AVAILABILITY_MAPPINGS = {
  loadBalancer: {
    types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    beside: ['AWS::ElasticLoadBalancingV2::Listener'],
    write(lb, ctx) {
      const logical = ctx.logicalOf(lb.id)!;
      lb.listeners.forEach((listener) =>
        ctx.add(`${logical}Listener${listener.port}`, {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: {
            LoadBalancerArn: ctx.ref(lb.id),
            Port: listener.port,
            Protocol: listener.protocol,
            DefaultActions: listener.targetGroupId
              ? [{ Type: 'forward', TargetGroupArn: ctx.ref(listener.targetGroupId) }]
              : [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
          },
        }),
      );
      ctx.output(`${logical}DnsName`, ctx.att(lb.id, 'DNSName'), `${lb.name || lb.id}: DNS name`);
      return {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: compact({
          Name: lb.name ? lb.name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32) : undefined,
          Type: lb.type,
          Scheme: lb.scheme,
          SubnetMappings: lb.subnetMappings.map((m) =>
            compact({
              SubnetId: ctx.ref(m.subnetId),
              PrivateIPv4Address: m.privateIp ?? undefined,
              AllocationId: m.elasticIpId ? ctx.att(m.elasticIpId, 'AllocationId') : undefined,
            }),
          ),
          SecurityGroups: refs(ctx, lb.securityGroupIds),
          LoadBalancerAttributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: String(lb.crossZone) }],
          Tags: tagsOf(lb.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const attributes = Array.isArray(properties.LoadBalancerAttributes)
        ? (properties.LoadBalancerAttributes as CfnProperties[])
        : [];
      const mappings = Array.isArray(properties.SubnetMappings) ? (properties.SubnetMappings as CfnProperties[]) : [];
      const subnets =
        mappings.length > 0 ? mappings : ctx.ids(properties.Subnets).map((id): CfnProperties => ({ SubnetId: id }));
      const subnetMappings = subnets.map((m) => ({
        subnetId: ctx.idOf(m.SubnetId),
        privateIp: typeof m.PrivateIPv4Address === 'string' ? m.PrivateIPv4Address : null,
        elasticIpId: m.AllocationId === undefined ? null : ctx.idOf(m.AllocationId),
      }));
      const vpcOfFirstSubnet = subnetMappings[0] ? ctx.read(logicalOfValue(mappings[0]?.SubnetId) ?? '') : undefined;
      return {
        kind: 'loadBalancer',
        name: ctx.nameOf(properties, typeof properties.Name === 'string' ? properties.Name : logicalId),
        type: properties.Type === 'network' ? 'network' : 'application',
        scheme: properties.Scheme === 'internal' ? 'internal' : 'internet-facing',
        vpcId: vpcOfFirstSubnet ? ctx.idOf(vpcOfFirstSubnet.properties.VpcId) : '',
        subnetMappings,
        securityGroupIds: ctx.ids(properties.SecurityGroups),
        listeners: ctx.beside('AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn', logicalId).map((l) => {
          const action = (
            Array.isArray(l.properties.DefaultActions) ? (l.properties.DefaultActions as CfnProperties[]) : []
          )[0];
          return {
            protocol: typeof l.properties.Protocol === 'string' ? l.properties.Protocol : 'HTTP',
            port: ctx.number(l.properties.Port, `${l.logicalId}.Port`) ?? 80,
            targetGroupId: action?.Type === 'forward' ? ctx.idOf(action.TargetGroupArn) : null,
          };
        }),
        crossZone: attributes.some((a) => a.Key === 'load_balancing.cross_zone.enabled' && String(a.Value) === 'true'),
      };
    },
    notes: 'Listeners as `AWS::ElasticLoadBalancingV2::Listener`; its DNS name is an output.',
  },

  targetGroup: {
    types: ['AWS::ElasticLoadBalancingV2::TargetGroup'],
    beside: [],
    write(group, ctx) {
      const check = group.healthCheck;
      const lambda = group.targetType === 'lambda';
      return {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: compact({
          Name: group.name ? group.name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32) : undefined,
          TargetType: group.targetType,
          VpcId: lambda ? undefined : ctx.ref(group.vpcId),
          Protocol: lambda ? undefined : group.protocol,
          Port: lambda ? undefined : group.port,
          HealthCheckEnabled: check.enabled,
          HealthCheckProtocol: check.protocol,
          HealthCheckPath: check.protocol === 'TCP' ? undefined : check.path,
          HealthCheckPort: String(check.port),
          HealthCheckIntervalSeconds: check.intervalSeconds,
          HealthCheckTimeoutSeconds: check.timeoutSeconds,
          HealthyThresholdCount: check.healthyThreshold,
          UnhealthyThresholdCount: check.unhealthyThreshold,
          Targets: [...group.targetIds.map((id) => ({ Id: ctx.ref(id) })), ...group.targetIps.map((Id) => ({ Id }))],
          TargetGroupAttributes: [
            { Key: 'deregistration_delay.timeout_seconds', Value: String(group.deregistrationDelaySeconds) },
            ...(typeof group.preserveClientIp === 'boolean'
              ? [{ Key: 'preserve_client_ip.enabled', Value: String(group.preserveClientIp) }]
              : []),
          ],
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const targets = Array.isArray(properties.Targets) ? (properties.Targets as CfnProperties[]) : [];
      const attributes = Array.isArray(properties.TargetGroupAttributes)
        ? (properties.TargetGroupAttributes as CfnProperties[])
        : [];
      const attribute = (key: string) => attributes.find((a) => a.Key === key)?.Value;
      const num = (v: unknown, fallback: number) =>
        v === undefined ? fallback : (ctx.number(v, logicalId) ?? fallback);
      const port = properties.HealthCheckPort;
      const delay = attribute('deregistration_delay.timeout_seconds');
      const preserve = attribute('preserve_client_ip.enabled');
      return {
        kind: 'targetGroup',
        name: typeof properties.Name === 'string' ? properties.Name : logicalId,
        vpcId: ctx.idOf(properties.VpcId) ?? '',
        targetType: typeof properties.TargetType === 'string' ? properties.TargetType : 'instance',
        protocol: typeof properties.Protocol === 'string' ? properties.Protocol : 'HTTP',
        port: num(properties.Port, 80),
        healthCheck: {
          enabled: ctx.flag(properties.HealthCheckEnabled) ?? true,
          protocol: typeof properties.HealthCheckProtocol === 'string' ? properties.HealthCheckProtocol : 'HTTP',
          path: typeof properties.HealthCheckPath === 'string' ? properties.HealthCheckPath : '/',
          port: port === undefined || port === 'traffic-port' ? 'traffic-port' : num(port, 80),
          intervalSeconds: num(properties.HealthCheckIntervalSeconds, 30),
          timeoutSeconds: num(properties.HealthCheckTimeoutSeconds, 5),
          healthyThreshold: num(properties.HealthyThresholdCount, 5),
          unhealthyThreshold: num(properties.UnhealthyThresholdCount, 2),
        },
        targetIds: targets.filter((t) => typeof t.Id !== 'string').map((t) => ctx.idOf(t.Id)),
        targetIps: targets.filter((t) => typeof t.Id === 'string').map((t) => t.Id),
        deregistrationDelaySeconds: num(delay, 300),
        ...(preserve !== undefined ? { preserveClientIp: String(preserve) === 'true' } : {}),
      };
    },
    notes: 'Targets by `!Ref`; health check and attributes as properties.',
  },

  launchTemplate: {
    types: ['AWS::EC2::LaunchTemplate'],
    beside: [],
    write(template, ctx) {
      const ssm = AMI_PARAMETERS[template.amiId];
      const image = ssm
        ? ctx.parameter(ssm.parameter, {
            Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
            Default: ssm.path,
            Description: ssm.name,
          })
        : template.amiId;
      return {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: {
          LaunchTemplateName: template.name ? template.name.replace(/[^A-Za-z0-9().\-/_]/g, '-') : undefined,
          LaunchTemplateData: compact({
            ImageId: image,
            InstanceType: template.instanceType,
            NetworkInterfaces: [
              {
                DeviceIndex: 0,
                AssociatePublicIpAddress: template.associatePublicIp,
                Groups: refs(ctx, template.securityGroupIds),
              },
            ],
            TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: template.instanceName }] }],
          }),
        },
      };
    },
    read({ logicalId, properties }, ctx) {
      const data = (properties.LaunchTemplateData ?? {}) as CfnProperties;
      const nic = (Array.isArray(data.NetworkInterfaces) ? (data.NetworkInterfaces as CfnProperties[]) : [])[0];
      const spec = (Array.isArray(data.TagSpecifications) ? (data.TagSpecifications as CfnProperties[]) : []).find(
        (s) => s.ResourceType === 'instance',
      );
      const image = data.ImageId;
      return {
        kind: 'launchTemplate',
        name: typeof properties.LaunchTemplateName === 'string' ? properties.LaunchTemplateName : logicalId,
        regionId: ctx.region(),
        amiId: typeof image === 'string' ? (amiOfPath(image) ?? image) : '',
        instanceType: typeof data.InstanceType === 'string' ? data.InstanceType : '',
        securityGroupIds: ctx.ids(nic?.Groups ?? data.SecurityGroupIds),
        associatePublicIp: ctx.flag(nic?.AssociatePublicIpAddress) ?? false,
        instanceName: ctx.nameOf({ Tags: spec?.Tags }, 'web'),
      };
    },
    notes: 'AMIs as SSM public parameters where one exists.',
  },

  autoScalingGroup: {
    types: ['AWS::AutoScaling::AutoScalingGroup'],
    beside: [],
    write: (group, ctx) => ({
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      Properties: compact({
        AutoScalingGroupName: group.name || undefined,
        LaunchTemplate: {
          LaunchTemplateId: ctx.ref(group.launchTemplateId),
          Version: ctx.att(group.launchTemplateId, 'LatestVersionNumber'),
        },
        VPCZoneIdentifier: refs(ctx, group.subnetIds),
        MinSize: String(group.minSize),
        MaxSize: String(group.maxSize),
        DesiredCapacity: String(group.desiredCapacity),
        HealthCheckType: group.healthCheckType,
        HealthCheckGracePeriod: group.healthCheckGracePeriodSeconds,
        TargetGroupARNs: refs(ctx, group.targetGroupIds),
        DefaultInstanceWarmup: group.defaultInstanceWarmupSeconds ?? undefined,
        Cooldown: String(group.defaultCooldownSeconds),
      }),
    }),
    read({ logicalId, properties }, ctx) {
      const launch = (properties.LaunchTemplate ?? {}) as CfnProperties;
      const subnets = ctx.ids(properties.VPCZoneIdentifier);
      const firstSubnet = ctx.read(logicalOfValue((properties.VPCZoneIdentifier as unknown[] | undefined)?.[0]) ?? '');
      const size = (v: unknown, fallback: number) =>
        v === undefined ? fallback : (ctx.number(v, logicalId) ?? fallback);
      return {
        kind: 'autoScalingGroup',
        name: typeof properties.AutoScalingGroupName === 'string' ? properties.AutoScalingGroupName : logicalId,
        vpcId: firstSubnet ? ctx.idOf(firstSubnet.properties.VpcId) : '',
        launchTemplateId: ctx.idOf(launch.LaunchTemplateId) ?? '',
        subnetIds: subnets,
        minSize: size(properties.MinSize, 0),
        maxSize: size(properties.MaxSize, 0),
        desiredCapacity: size(properties.DesiredCapacity ?? properties.MinSize, 0),
        healthCheckType: properties.HealthCheckType === 'ELB' ? 'ELB' : 'EC2',
        healthCheckGracePeriodSeconds: size(properties.HealthCheckGracePeriod, 300),
        targetGroupIds: ctx.ids(properties.TargetGroupARNs),
        defaultInstanceWarmupSeconds:
          properties.DefaultInstanceWarmup === undefined ? null : size(properties.DefaultInstanceWarmup, 0),
        defaultCooldownSeconds: size(properties.Cooldown, 300),
      };
    },
    notes:
      'Scaling policies, scheduled actions, the AZ-rebalance process and the per-instance capacity are kept in the metadata.',
  },

  dbSubnetGroup: {
    types: ['AWS::RDS::DBSubnetGroup'],
    beside: [],
    write: (group, ctx) => ({
      Type: 'AWS::RDS::DBSubnetGroup',
      Properties: compact({
        DBSubnetGroupDescription: group.name || 'DB subnet group',
        SubnetIds: refs(ctx, group.subnetIds),
        Tags: tagsOf(group.name),
      }),
    }),
    read({ logicalId, properties }, ctx) {
      const first = ctx.read(logicalOfValue((properties.SubnetIds as unknown[] | undefined)?.[0]) ?? '');
      return {
        kind: 'dbSubnetGroup',
        name: ctx.nameOf(properties, logicalId),
        vpcId: first ? ctx.idOf(first.properties.VpcId) : '',
        subnetIds: ctx.ids(properties.SubnetIds),
      };
    },
    notes: '',
  },

  dbInstance: {
    types: ['AWS::RDS::DBInstance'],
    beside: [],
    write(db, ctx) {
      ctx.output(
        `${ctx.logicalOf(db.id)}Endpoint`,
        ctx.att(db.id, 'Endpoint.Address'),
        `${db.name || db.id}: endpoint`,
      );
      return {
        Type: 'AWS::RDS::DBInstance',
        Properties: compact({
          Engine: db.engine,
          DBInstanceClass: db.instanceClass,
          AllocatedStorage: db.readReplicaSourceId ? undefined : String(db.allocatedStorageGb),
          StorageType: db.storageType,
          Port: String(db.port),
          DBSubnetGroupName: db.readReplicaSourceId ? undefined : ctx.ref(db.dbSubnetGroupId),
          VPCSecurityGroups: refs(ctx, db.securityGroupIds),
          MultiAZ: db.multiAz,
          SourceDBInstanceIdentifier: db.readReplicaSourceId ? ctx.ref(db.readReplicaSourceId) : undefined,
          MasterUsername: db.readReplicaSourceId ? undefined : 'admin_user',
          ManageMasterUserPassword: db.readReplicaSourceId ? undefined : true,
          Tags: tagsOf(db.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      // RDS picks the subnet in the group; Nimbus draws it in the group's first.
      const group = ctx.read(logicalOfValue(properties.DBSubnetGroupName) ?? '');
      const firstSubnet = group ? (ctx.ids(group.properties.SubnetIds)[0] ?? '') : '';
      return {
        kind: 'dbInstance',
        name: ctx.nameOf(properties, logicalId),
        engine: properties.Engine === 'mysql' ? 'mysql' : 'postgres',
        instanceClass: typeof properties.DBInstanceClass === 'string' ? properties.DBInstanceClass : '',
        allocatedStorageGb: Number(properties.AllocatedStorage ?? 20),
        storageType: properties.StorageType === 'gp2' ? 'gp2' : 'gp3',
        port: Number(properties.Port ?? (properties.Engine === 'mysql' ? 3306 : 5432)),
        dbSubnetGroupId: ctx.idOf(properties.DBSubnetGroupName) ?? '',
        securityGroupIds: ctx.ids(properties.VPCSecurityGroups),
        multiAz: ctx.flag(properties.MultiAZ) ?? false,
        subnetId: firstSubnet,
        privateIp: '',
        readReplicaSourceId:
          properties.SourceDBInstanceIdentifier === undefined ? null : ctx.idOf(properties.SourceDBInstanceIdentifier),
      };
    },
    notes:
      'The password is managed by RDS in Secrets Manager; the subnets and addresses the instance and standby hold are kept in the metadata; the endpoint is an output.',
  },
} satisfies Partial<MappingTable>;
