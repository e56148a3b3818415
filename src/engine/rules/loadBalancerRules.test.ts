import { describe, expect, it } from 'vitest';
import type { Design, LoadBalancer, TargetGroup } from '../../domain';
import { validateDesign } from '../validate';
import { haDesign, withResource } from './testing/haDesign';

const codes = (design: Design) => validateDesign(design).map((f) => `${f.severity} ${f.code}`);
const onlyCode = (design: Design, code: string) => validateDesign(design).filter((f) => f.code === code);

describe('load balancer rules', () => {
  const { design, ids } = haDesign();
  const alb = (patch: Partial<LoadBalancer>) => withResource(design, { ...ids.alb, ...patch });
  const mapping = (subnetId: string) =>
    ({ subnetId, privateIp: null, elasticIpId: null }) as LoadBalancer['subnetMappings'][number];
  const tg = (patch: Partial<TargetGroup>) => withResource(design, { ...ids.group, ...patch });

  it('the three-tier design has no findings at all', () => {
    expect(codes(design)).toEqual([]);
  });

  it('an ALB with one subnet is refused in AWS’s words', () => {
    const found = onlyCode(alb({ subnetMappings: [mapping(ids.publicA.id)] }), 'ALB_TOO_FEW_ZONES');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain('"At least two subnets in two different Availability Zones must be specified"');
  });

  it('an NLB with one subnet is accepted', () => {
    const nlb = alb({
      type: 'network',
      subnetMappings: [mapping(ids.publicA.id)],
      listeners: [],
      securityGroupIds: [],
    });
    // Only the group's request-count policy now lacks its ALB.
    expect(codes(nlb)).toEqual(['error ASG_REQUEST_COUNT_WITHOUT_ALB']);
  });

  it('two subnets of one zone: AWS refuses, once, and no "too few zones" on top', () => {
    const design = alb({ subnetMappings: [mapping(ids.publicA.id), mapping(ids.publicA2.id)] });
    const found = validateDesign(design).filter((f) => (f.resourceId as string) === ids.alb.id);
    expect(found.map((f) => f.code)).toEqual(['LB_SUBNETS_SAME_ZONE']);
    expect(found[0]!.message).toContain(
      '"A load balancer cannot be attached to multiple subnets in the same Availability Zone"',
    );
  });

  it('a subnet or a security group of another VPC is an error', () => {
    const design = alb({
      subnetMappings: [mapping(ids.publicA.id), mapping(ids.publicB.id), mapping(ids.otherA.id)],
      securityGroupIds: [ids.otherSg.id],
    });
    expect(codes(design)).toEqual(['error LB_SUBNET_OTHER_VPC', 'error LB_SECURITY_GROUP_OTHER_VPC']);
  });

  it('an internet-facing load balancer in private subnets is a warning; an internal one is fine there', () => {
    const inPrivate = { subnetMappings: [mapping(ids.privateA.id), mapping(ids.privateB.id)] };
    const found = onlyCode(alb(inPrivate), 'LB_INTERNET_FACING_PRIVATE_SUBNET');
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(found[0]!.message).toContain('private-a has no route to an internet gateway');
    expect(codes(alb({ ...inPrivate, scheme: 'internal' }))).toEqual([]);
  });

  it('only an internet-facing NLB takes Elastic IPs', () => {
    const eip = { kind: 'elasticIp', id: 'eipalloc-1', name: 'node-a', publicIp: '198.51.100.7' } as const;
    const withEip = (patch: Partial<LoadBalancer>) =>
      withResource(
        alb({
          subnetMappings: [{ ...mapping(ids.publicA.id), elasticIpId: eip.id as never }, mapping(ids.publicB.id)],
          ...patch,
        }),
        eip as never,
      );
    expect(codes(withEip({}))).toEqual(['error LB_ELASTIC_IP_NOT_ALLOWED']);
    const nlb: Partial<LoadBalancer> = { type: 'network', listeners: [], securityGroupIds: [] };
    expect(codes(withEip({ ...nlb, scheme: 'internal' }))).toContain('error LB_ELASTIC_IP_NOT_ALLOWED');
    expect(codes(withEip(nlb))).not.toContain('error LB_ELASTIC_IP_NOT_ALLOWED');
  });

  it('a node address outside its subnet is an error, as for an instance', () => {
    const design = alb({
      subnetMappings: [{ ...mapping(ids.publicA.id), privateIp: '10.0.2.10' }, mapping(ids.publicB.id)],
    });
    expect(validateDesign(design).map((f) => f.message)).toEqual([
      "web-alb's node: 10.0.2.10 is not inside its subnet public-a (10.0.1.0/24).",
    ]);
  });

  it('an ALB in a /28 subnet is refused', () => {
    const b = withResource(design, { ...ids.publicB, cidr: '10.0.2.0/28' });
    expect(codes(withResource(b, ids.alb))).toEqual(['error ALB_SUBNET_TOO_SMALL']);
  });

  it('listener protocols follow the load balancer type, in AWS’s words', () => {
    const found = onlyCode(
      alb({ listeners: [{ protocol: 'TCP', port: 80, targetGroupId: null }] }),
      'LB_LISTENER_PROTOCOL',
    );
    expect(found[0]!.message).toContain(`"Listener protocol 'TCP' must be one of 'HTTPS, HTTP'"`);
    const nlb = alb({ type: 'network', listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: null }] });
    expect(onlyCode(nlb, 'LB_LISTENER_PROTOCOL')[0]!.message).toContain(
      `"Listener protocol 'HTTP' must be one of 'TLS, TCP, TCP_UDP, UDP'"`,
    );
  });

  it('two listeners on one port, or a target group behind two load balancers, are refused', () => {
    const twice = alb({
      listeners: [
        { protocol: 'HTTP', port: 80, targetGroupId: ids.group.id },
        { protocol: 'HTTPS', port: 80, targetGroupId: null },
      ],
    });
    expect(codes(twice)).toEqual(['error LB_LISTENER_DUPLICATE_PORT']);
    const second = { ...ids.alb, id: 'elb-second' as LoadBalancer['id'], name: 'second-alb' };
    const shared = validateDesign(withResource(design, second));
    expect(shared.map((f) => f.code)).toEqual(['TARGET_GROUP_SEVERAL_LOAD_BALANCERS']);
    expect(shared[0]!.message).toBe(
      'web is the target of web-alb and second-alb; a target group serves one load balancer (TargetGroupAssociationLimit).',
    );
  });

  it('a listener forwarding to a group of another protocol family or another VPC is an error', () => {
    const nlb = alb({ type: 'network', listeners: [{ protocol: 'TCP', port: 80, targetGroupId: ids.group.id }] });
    expect(codes(nlb)).toContain('error LB_TARGET_GROUP_PROTOCOL');
    const moved = withResource(design, { ...ids.group, vpcId: ids.otherSg.vpcId });
    expect(codes(moved)).toContain('error LB_TARGET_GROUP_OTHER_VPC');
    // The group's Auto Scaling group is now attached across VPCs too.
    expect(codes(moved)).toContain('error ASG_TARGET_GROUP_OTHER_VPC');
  });

  it('targets must fit the target type and the group’s VPC', () => {
    expect(codes(tg({ targetIds: [ids.web.id] }))).toEqual([]);
    expect(codes(tg({ targetIds: [ids.far.id] }))).toEqual(['error TARGET_OTHER_VPC']);
    const lambdaGroup = withResource(tg({ targetType: 'lambda', targetIds: [ids.web.id] }), {
      ...ids.asg,
      targetGroupIds: [],
      healthCheckType: 'EC2',
      policies: [],
    });
    expect(codes(lambdaGroup)).toEqual(['error TARGET_WRONG_TYPE']);
    expect(codes(tg({ targetIps: ['10.0.11.7'] }))).toEqual(['error TARGET_WRONG_TYPE']);
  });

  it('ip targets must be private addresses', () => {
    const ipGroup = { targetType: 'ip' as const, targetIps: ['10.0.11.7', '8.8.8.8'] };
    const withoutAsg = withResource(tg(ipGroup), {
      ...ids.asg,
      targetGroupIds: [],
      healthCheckType: 'EC2',
      policies: [],
    });
    expect(codes(withoutAsg)).toEqual(['error TARGET_IP_PUBLIC']);
    expect(codes(withResource(tg(ipGroup), ids.asg))).toContain('error ASG_TARGET_GROUP_TYPE');
  });

  it('an ALB without a security group is an error (AWS would give it the VPC default group); an NLB may have none', () => {
    const found = onlyCode(alb({ securityGroupIds: [] }), 'ALB_NO_SECURITY_GROUP');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain("the VPC's default security group");
    const nlb = alb({ type: 'network', listeners: [], securityGroupIds: [] });
    expect(onlyCode(nlb, 'ALB_NO_SECURITY_GROUP')).toEqual([]);
  });

  it('a health check whose timeout is not smaller than its interval is refused in AWS’s words', () => {
    const check = (timeoutSeconds: number, intervalSeconds: number) =>
      onlyCode(
        tg({ healthCheck: { ...ids.group.healthCheck, timeoutSeconds, intervalSeconds } }),
        'HEALTH_CHECK_TIMEOUT_NOT_BELOW_INTERVAL',
      );
    const equal = check(10, 10);
    expect(equal).toHaveLength(1);
    expect(equal[0]!.severity).toBe('error');
    expect(equal[0]!.message).toContain('"Health check interval must be greater than the timeout."');
    expect(check(30, 10)).toHaveLength(1);
    expect(check(9, 10)).toEqual([]);
  });
});
