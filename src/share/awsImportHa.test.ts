import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getResource, resourcesOfKind, type Design } from '../domain';
import { validateDesign } from '../engine';
import { importAws, type AwsFile } from './awsImport';
import { arnId } from './awsImportHa';

/** Hand-written AWS CLI output of a three-tier shop (fixtures/ha/README.md). */
const HA = join(import.meta.dirname, 'fixtures/ha');
const haFiles = (): AwsFile[] =>
  readdirSync(HA)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(HA, name), 'utf8') }));

/** The fixture with one file's JSON changed. */
function withFile(name: string, change: (json: Record<string, unknown[]>) => unknown): AwsFile[] {
  return haFiles().map((f) =>
    f.name === name ? { name, text: JSON.stringify(change(JSON.parse(f.text) as Record<string, unknown[]>)) } : f,
  );
}

function imported(files: AwsFile[] = haFiles()): { design: Design; notes: string[] } {
  const result = importAws(files);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

const ALB = 'elb-web-alb-50dc6c495c0c9188';
const NLB = 'elb-api-nlb-7d2c1b0a9e8f7d6c';
const WEB_TG = 'tg-web-tg-73e2d6bc24d8a067';
const API_TG = 'tg-api-tg-1a2b3c4d5e6f7a8b';

describe('AWS import of load balancers, Auto Scaling and RDS', () => {
  it('an ALB, its target group and listeners, a group with its launch template and a Multi-AZ database become a design with the right references and no error', () => {
    const { design } = imported();
    const alb = getResource(design, ALB, 'loadBalancer')!;
    expect(alb).toMatchObject({
      type: 'application',
      scheme: 'internet-facing',
      securityGroupIds: ['sg-0a1b0a1b0a1b0a1b0'],
    });
    expect(alb.subnetMappings.map((m) => m.subnetId)).toEqual(['subnet-0a1a1a1a1a1a1a1a1', 'subnet-0b1b1b1b1b1b1b1b1']);
    // HTTP 80 redirects (no forward action); HTTPS 443 forwards to the group.
    expect(alb.listeners).toEqual([
      { protocol: 'HTTP', port: 80, targetGroupId: null },
      { protocol: 'HTTPS', port: 443, targetGroupId: WEB_TG },
    ]);
    expect(getResource(design, WEB_TG, 'targetGroup')).toMatchObject({
      vpcId: 'vpc-0f1e2d3c4b5a69788',
      targetType: 'instance',
      healthCheck: { path: '/health', intervalSeconds: 15, healthyThreshold: 3 },
      // The group registers its instances itself.
      targetIds: [],
    });
    const asg = getResource(design, 'asg-web-asg', 'autoScalingGroup')!;
    expect(asg).toMatchObject({
      launchTemplateId: 'lt-0e1d2c3b4a5968778',
      subnetIds: ['subnet-0a2a2a2a2a2a2a2a2', 'subnet-0b2b2b2b2b2b2b2b2'],
      minSize: 2,
      desiredCapacity: 2,
      maxSize: 6,
      healthCheckType: 'ELB',
      healthCheckGracePeriodSeconds: 300,
      defaultInstanceWarmupSeconds: 120,
      targetGroupIds: [WEB_TG],
    });
    // $Latest is version 2 (t3.micro); the default version 1 is t2.micro.
    expect(getResource(design, 'lt-0e1d2c3b4a5968778', 'launchTemplate')).toMatchObject({
      instanceType: 't3.micro',
      amiId: 'ami-0fa1b2c3d4e5f6071',
      securityGroupIds: ['sg-0a2b0a2b0a2b0a2b0'],
      instanceName: 'web',
      regionId: 'region-us-east-1',
    });
    const members = resourcesOfKind(design, 'ec2Instance').filter((i) => i.autoScalingGroupId === asg.id);
    expect(members.map((i) => i.id).sort()).toEqual(['i-0aa11bb22cc33dd44', 'i-0ee55ff66aa77bb88']);
    const db = getResource(design, 'db-shop-db', 'dbInstance')!;
    expect(db).toMatchObject({
      engine: 'mysql',
      multiAz: true,
      port: 3306,
      dbSubnetGroupId: 'dbsubnet-shop-db-subnets',
      subnetId: 'subnet-0a3a3a3a3a3a3a3a3',
      standbySubnetId: 'subnet-0b3b3b3b3b3b3b3b3',
      securityGroupIds: ['sg-0a3b0a3b0a3b0a3b0'],
    });
    expect(db.privateIp.startsWith('10.0.21.')).toBe(true);
    expect(db.standbyPrivateIp?.startsWith('10.0.22.')).toBe(true);
    expect(getResource(design, 'db-shop-db-replica', 'dbInstance')?.readReplicaSourceId).toBe('db-shop-db');
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an NLB keeps the node addresses AWS lists, and its ip target group the registered addresses', () => {
    const { design } = imported();
    const nlb = getResource(design, NLB, 'loadBalancer')!;
    expect(nlb).toMatchObject({ type: 'network', scheme: 'internal', crossZone: false, securityGroupIds: [] });
    expect(nlb.subnetMappings.map((m) => m.privateIp)).toEqual(['10.0.11.200', '10.0.12.200']);
    expect(nlb.listeners).toEqual([{ protocol: 'TCP', port: 8080, targetGroupId: API_TG }]);
    expect(getResource(design, API_TG, 'targetGroup')).toMatchObject({
      targetType: 'ip',
      targetIps: ['10.0.11.37', '10.0.12.84'],
      healthCheck: { protocol: 'TCP', timeoutSeconds: 10 },
    });
  });

  it('an internet-facing NLB keeps the Elastic IP of each node, and names an address AWS owns', () => {
    const files = [
      ...withFile('load-balancers.json', (json) => ({
        LoadBalancers: (json.LoadBalancers as Array<Record<string, unknown>>).map((lb) =>
          lb.LoadBalancerName === 'api-nlb'
            ? {
                ...lb,
                Scheme: 'internet-facing',
                AvailabilityZones: [
                  {
                    ZoneName: 'us-east-1a',
                    SubnetId: 'subnet-0a1a1a1a1a1a1a1a1',
                    LoadBalancerAddresses: [{ IpAddress: '198.51.100.20', AllocationId: 'eipalloc-0a1b2c3d4e5f60718' }],
                  },
                  {
                    ZoneName: 'us-east-1b',
                    SubnetId: 'subnet-0b1b1b1b1b1b1b1b1',
                    LoadBalancerAddresses: [{ IpAddress: '203.0.113.21' }],
                  },
                ],
              }
            : lb,
        ),
      })),
      {
        name: 'addresses.json',
        text: JSON.stringify({
          Addresses: [{ PublicIp: '198.51.100.20', AllocationId: 'eipalloc-0a1b2c3d4e5f60718', Domain: 'vpc' }],
        }),
      },
    ];
    const { design, notes } = imported(files);
    expect(getResource(design, NLB, 'loadBalancer')?.subnetMappings.map((m) => m.elasticIpId)).toEqual([
      'eipalloc-0a1b2c3d4e5f60718',
      null,
    ]);
    expect(notes).toContain(
      "load balancer api-nlb: its node in subnet-0b1b1b1b1b1b1b1b1 has the public address 203.0.113.21, AWS's own rather than an Elastic IP; Nimbus shows the node without it",
    );
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('names what it does not model, with counts, and the health states AWS reported', () => {
    const { notes } = imported();
    expect(notes).toContain(
      'load balancer inspect-gwlb: a gateway load balancer, which Nimbus does not model; skipped with its 0 listeners',
    );
    expect(notes).toContain(
      'DB cluster reports-aurora (aurora-mysql): 1 instance (reports-aurora-1) skipped; Nimbus models DB instances, not Aurora or Multi-AZ DB clusters',
    );
    expect(notes).toContain(
      'load balancer web-alb: the listener on HTTP 80 has no forward action (redirect); Nimbus models the default forward action only, so it forwards nowhere',
    );
    expect(notes.find((n) => n.startsWith('target group api-tg: AWS reported'))).toContain(
      '1 healthy, 1 unhealthy (Target.Timeout)',
    );
    expect(notes.find((n) => n.startsWith('Auto Scaling group web-asg: AWS reported'))).toContain(
      '2 InService/Healthy',
    );
    expect(notes.find((n) => n.startsWith('RDS instance shop-db:'))).toMatch(
      /its endpoint shop-db\.c9akciq32\.us-east-1\.rds\.amazonaws\.com is a DNS name, so Nimbus drew the address 10\.0\.21\.\d+ in db-a \(standby 10\.0\.22\.\d+ in db-b\)/,
    );
    expect(notes.some((n) => n.startsWith('listener rules: no describe-rules output'))).toBe(true);
  });

  it('counts listener rules beyond the default action when describe-rules is given', () => {
    const rule = (id: string, priority: string, isDefault: boolean) => ({
      RuleArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/50dc6c495c0c9188/0467ef3c8400ae65/${id}`,
      Priority: priority,
      IsDefault: isDefault,
      Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
      Actions: [],
    });
    const files = [
      ...haFiles(),
      {
        name: 'rules.json',
        text: JSON.stringify({ Rules: [rule('a1', '10', false), rule('a2', '20', false), rule('d', 'default', true)] }),
      },
    ];
    const { notes } = imported(files);
    expect(notes).toContain(
      "load balancer web-alb: 2 listener rules beyond the default actions skipped (Nimbus models each listener's default action)",
    );
    expect(notes.some((n) => n.startsWith('listener rules: no describe-rules output'))).toBe(false);
  });

  it('imports target tracking on the metrics Nimbus models and names the policies and schedules it can’t', () => {
    const { design, notes } = imported();
    expect(getResource(design, 'asg-web-asg', 'autoScalingGroup')?.policies).toEqual([
      { type: 'targetTracking', metric: 'ALBRequestCountPerTarget', targetValue: 1000, disableScaleIn: false },
      { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: true },
    ]);
    expect(notes).toContain(
      'Auto Scaling group web-asg: policy cpu-step-out (StepScaling) is not imported: Nimbus models target tracking on average CPU or ALB requests per target, and its alarm threshold is not in describe-policies',
    );
    expect(notes).toContain(
      "Auto Scaling group web-asg: 1 scheduled action (business-hours) not imported: AWS schedules by cron (UTC unless a time zone is given), Nimbus's run on the simulated clock",
    );
    const without = imported(haFiles().filter((f) => f.name !== 'scaling-policies.json'));
    expect(getResource(without.design, 'asg-web-asg', 'autoScalingGroup')?.policies).toEqual([]);
    expect(without.notes).toContain(
      'Auto Scaling: no scaling policies in the files (aws autoscaling describe-policies), so groups keep their capacity',
    );
  });

  it('maps ARNs to the same ids every time', () => {
    expect(
      arnId('elb', 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188'),
    ).toBe(ALB);
    expect(arnId('tg', 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067')).toBe(
      WEB_TG,
    );
    expect(JSON.stringify(imported().design)).toBe(JSON.stringify(imported([...haFiles()].reverse()).design));
  });

  it('a describe-target-health file whose name names no group, among several groups, is noted and registers nothing', () => {
    const files = haFiles().map((f) => (f.name === 'target-health-api-tg.json' ? { ...f, name: 'health.json' } : f));
    const { design, notes } = imported(files);
    expect(getResource(design, API_TG, 'targetGroup')?.targetIps).toEqual([]);
    expect(notes.find((n) => n.startsWith('health.json: 2 targets from describe-target-health'))).toContain(
      'not registered',
    );
  });

  it('without describe-launch-template-versions, the template takes AMI and type from the group’s instances, and says so', () => {
    const { design, notes } = imported(haFiles().filter((f) => f.name !== 'launch-template-versions.json'));
    expect(getResource(design, 'lt-0e1d2c3b4a5968778', 'launchTemplate')).toMatchObject({
      amiId: 'ami-0fa1b2c3d4e5f6071',
      instanceType: 't3.micro',
    });
    expect(notes).toContain(
      "launch template lt-0e1d2c3b4a5968778: its version data is not in the files (describe-launch-template-versions); AMI and type taken from web-asg's instances",
    );
  });

  it('a group launching from a launch configuration is named and skipped; its instances stay plain instances', () => {
    const files = withFile('auto-scaling-groups.json', (json) => ({
      AutoScalingGroups: (json.AutoScalingGroups as Array<Record<string, unknown>>).map(
        ({ LaunchTemplate: _, ...g }) => ({
          ...g,
          LaunchConfigurationName: 'web-lc',
        }),
      ),
    }));
    const { design, notes } = imported(files);
    expect(resourcesOfKind(design, 'autoScalingGroup')).toEqual([]);
    expect(resourcesOfKind(design, 'ec2Instance').every((i) => i.autoScalingGroupId === undefined)).toBe(true);
    expect(notes.find((n) => n.startsWith('Auto Scaling group web-asg:'))).toContain(
      'launches from launch configuration web-lc, which Nimbus does not model',
    );
  });

  it('what the import brings is validated like a drawn design: an ALB recorded in one subnet is refused', () => {
    const files = withFile('load-balancers.json', (json) => ({
      LoadBalancers: (json.LoadBalancers as Array<{ LoadBalancerName: string; AvailabilityZones: unknown[] }>).map(
        (lb) =>
          lb.LoadBalancerName === 'web-alb' ? { ...lb, AvailabilityZones: lb.AvailabilityZones.slice(0, 1) } : lb,
      ),
    }));
    const codes = validateDesign(imported(files).design).map((f) => f.code);
    expect(codes).toContain('ALB_TOO_FEW_ZONES');
  });

  it('sizes past what a design holds are shown at its bound, and said, rather than refusing the import', () => {
    const files = withFile('auto-scaling-groups.json', (json) => ({
      AutoScalingGroups: (json.AutoScalingGroups as Array<Record<string, unknown>>).map((g) => ({
        ...g,
        MaxSize: 5000,
        HealthCheckGracePeriod: 10_000,
      })),
    }));
    const { design, notes } = imported(files);
    expect(getResource(design, 'asg-web-asg', 'autoScalingGroup')).toMatchObject({
      maxSize: 1000,
      healthCheckGracePeriodSeconds: 7200,
    });
    expect(notes).toContain(
      'Auto Scaling group web-asg: maximum size 5000 is shown as 1000, the most a Nimbus design holds',
    );
  });

  it('a malformed file is refused with its path and field, and nothing is imported', () => {
    const broken = withFile('load-balancers.json', (json) => ({
      LoadBalancers: [{ ...(json.LoadBalancers![0] as object), LoadBalancerArn: 42 }],
    }));
    const result = importAws(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'load-balancers.json: LoadBalancers.0.LoadBalancerArn: Invalid input: expected string, received number',
    ]);
    expect('design' in result).toBe(false);
    const sizes = withFile('auto-scaling-groups.json', () => ({
      AutoScalingGroups: [{ AutoScalingGroupName: 'web-asg', MinSize: 'two' }],
    }));
    const refused = importAws(sizes);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.errors).toEqual([
        'auto-scaling-groups.json: AutoScalingGroups.0.MinSize: Invalid input: expected number, received string',
        'auto-scaling-groups.json: AutoScalingGroups.0.MaxSize: Invalid input: expected number, received undefined',
        'auto-scaling-groups.json: AutoScalingGroups.0.DesiredCapacity: Invalid input: expected number, received undefined',
      ]);
  });
});
