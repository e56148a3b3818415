import { describe, expect, it } from 'vitest';
import type { AutoScalingGroup, Design } from '../../domain';
import { validateDesign } from '../validate';
import { haDesign, withResource } from './testing/haDesign';

const codes = (design: Design) => validateDesign(design).map((f) => `${f.severity} ${f.code}`);
const messages = (design: Design, code: string) =>
  validateDesign(design)
    .filter((f) => f.code === code)
    .map((f) => f.message);

describe('Auto Scaling group rules', () => {
  const { design, ids } = haDesign();
  const asg = (patch: Partial<AutoScalingGroup>) => withResource(design, { ...ids.asg, ...patch });

  it('desired capacity outside min and max is refused in AWS’s words', () => {
    expect(messages(asg({ minSize: 1, desiredCapacity: 9, maxSize: 4 }), 'ASG_CAPACITY')).toEqual([
      'web-asg: AWS refuses it: "Desired capacity:9 must be between the specified min size:1 and max size:4" (ValidationError).',
    ]);
    expect(codes(asg({ minSize: 1, desiredCapacity: 4, maxSize: 4 }))).toEqual([]);
    expect(messages(asg({ minSize: 5, desiredCapacity: 5, maxSize: 4 }), 'ASG_CAPACITY')[0]).toContain(
      'its minimum size 5 is above its maximum size 4',
    );
  });

  it('a group with no subnet, or a subnet of another VPC, is an error', () => {
    expect(codes(asg({ subnetIds: [] }))).toEqual(['error ASG_NO_SUBNET']);
    expect(codes(asg({ subnetIds: [ids.privateA.id, ids.otherA.id] }))).toEqual(['error ASG_SUBNET_OTHER_VPC']);
  });

  it('a missing launch template is reported once, by this rule', () => {
    const found = validateDesign(
      asg({ launchTemplateId: 'lt-0123456789abcdef0' as AutoScalingGroup['launchTemplateId'] }),
    );
    expect(found.map((f) => f.code)).toEqual(['ASG_LAUNCH_TEMPLATE_MISSING']);
    expect(found[0]!.message).toContain('launches from launch template lt-0123456789abcdef0, which does not exist');
  });

  it('a launch template whose AMI and type architectures differ is refused through the group', () => {
    const arm = withResource(design, { ...ids.template, instanceType: 't4g.micro' });
    const [message] = messages(arm, 'ASG_LAUNCH_TEMPLATE_ARCHITECTURE');
    expect(message).toContain(
      `"You must use a valid fully-formed launch template. The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64' of the specified AMI.`,
    );
    const matching = withResource(design, {
      ...ids.template,
      instanceType: 't4g.micro',
      amiId: 'ami-0a1b2c3d4e5f60002',
    });
    expect(codes(matching)).toEqual([]);
  });

  it('a template whose security group is of another VPC than the group fails every launch', () => {
    const foreign = withResource(design, { ...ids.template, securityGroupIds: [ids.otherSg.id] });
    expect(codes(foreign)).toEqual(['error ASG_TEMPLATE_SECURITY_GROUP_OTHER_VPC']);
    expect(codes(withResource(design, { ...ids.template, securityGroupIds: [ids.albSg.id] }))).toEqual([]);
  });

  it('ELB health checks without a target group are a warning', () => {
    const found = validateDesign(
      asg({
        targetGroupIds: [],
        policies: [
          { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false },
        ],
      }),
    );
    expect(found.map((f) => `${f.severity} ${f.code}`)).toEqual(['warning ASG_ELB_HEALTH_WITHOUT_TARGET_GROUP']);
  });

  it('ALBRequestCountPerTarget needs a target group an ALB forwards to; CPU tracking does not', () => {
    expect(codes(asg({ targetGroupIds: [], healthCheckType: 'EC2' }))).toEqual(['error ASG_REQUEST_COUNT_WITHOUT_ALB']);
    const unlisted = withResource(design, {
      ...ids.alb,
      listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: null }],
    });
    expect(codes(unlisted)).toEqual(['error ASG_REQUEST_COUNT_WITHOUT_ALB']);
    const cpu = asg({
      targetGroupIds: [],
      healthCheckType: 'EC2',
      policies: [
        { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false },
      ],
    });
    expect(codes(cpu)).toEqual([]);
  });
});
