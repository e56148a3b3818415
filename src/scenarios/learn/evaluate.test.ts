import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { DesignBuilder, type Design } from '../../domain';
import { evaluateCheck, evaluateGoals, lessonComplete } from './evaluate';
import { LESSONS } from './lessons';
import { GoalCheckSchema, type GoalCheck } from './schema';
import { SOLUTIONS } from './solutions';

/** Each goal type: one design that meets it, and a near miss that just fails. */
const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;
const solved = (id: string) => SOLUTIONS[id]!(lesson(id).start);
const check = (design: Design, input: unknown) => evaluateCheck(design, GoalCheckSchema.parse(input) as GoalCheck);
const acl = (design: Design) => Object.values(design.resources).find((r) => r.name === 'web-acl')!;

describe('reach', () => {
  const https = { type: 'reach', from: 'internet', to: 'web-1', port: 443 };

  it('is met when the packet and its reply pass', () => {
    expect(check(solved('nacl-vs-sg'), https)).toMatchObject({ met: true });
  });

  it('near miss: an outbound ACL rule that stops just below the client port', () => {
    const design = produce(lesson('nacl-vs-sg').start, (d) => {
      const list = acl(d);
      if (list.kind === 'networkAcl')
        list.outbound.push({
          ruleNumber: 110,
          protocol: 'tcp',
          ports: { from: 1024, to: 32767 },
          cidr: '0.0.0.0/0',
          action: 'allow',
        });
    });
    const outcome = check(design, https);
    expect(outcome.met).toBe(false);
    expect(outcome.detail).toContain('on the way back');
    expect(outcome.detail).toContain('32768');
  });

  it('expect unreachable is met while blocked, and fails (saying so) once the way in is open', () => {
    const ssh = { ...https, port: 22, expect: 'unreachable' };
    expect(check(solved('nacl-vs-sg'), ssh)).toMatchObject({ met: true });
    const open = produce(solved('nacl-vs-sg'), (d) => {
      for (const r of Object.values(d.resources)) {
        if (r.kind === 'networkAcl' && r.name === 'web-acl')
          r.inbound.push({
            ruleNumber: 120,
            protocol: 'tcp',
            ports: { from: 22, to: 22 },
            cidr: '0.0.0.0/0',
            action: 'allow',
          });
        if (r.kind === 'securityGroup' && r.name === 'web')
          r.inbound.push({
            protocol: 'tcp',
            ports: { from: 22, to: 22 },
            peer: { type: 'cidr', cidr: '0.0.0.0/0' },
            description: '',
          });
      }
    });
    const outcome = check(open, ssh);
    expect(outcome.met).toBe(false);
    expect(outcome.detail).toContain('should not');
  });

  it('is unmet, with the reason, when an endpoint is gone', () => {
    const design = produce(solved('nacl-vs-sg'), (d) => void delete d.resources['web-1']);
    expect(check(design, https)).toMatchObject({ met: false, detail: expect.stringContaining('web-1') });
  });
});

describe('usableAddresses', () => {
  const design = solved('vpc-subnets-cidr');

  it('counts a /24 as 251 usable addresses', () => {
    expect(check(design, { type: 'usableAddresses', subnet: 'subnet-app', atLeast: 251 })).toMatchObject({ met: true });
  });

  it('near miss: one more than the /24 leaves', () => {
    const outcome = check(design, { type: 'usableAddresses', subnet: 'subnet-app', atLeast: 252 });
    expect(outcome).toMatchObject({ met: false, detail: expect.stringContaining('251 usable') });
  });

  it('is unmet for text that is not a CIDR, or a block too big for a subnet', () => {
    for (const cidr of ['10.0.1.0/33', '10.0.0.0/15']) {
      const broken = produce(design, (d) => {
        const subnet = d.resources['subnet-app'];
        if (subnet?.kind === 'subnet') subnet.cidr = cidr;
      });
      expect(check(broken, { type: 'usableAddresses', subnet: 'subnet-app', atLeast: 1 }).met).toBe(false);
    }
  });
});

describe('noFindings', () => {
  // The routes lesson starts with one warning (web-1's public IP has no internet route) and no errors.
  const warningOnly = lesson('routes-and-igw').start;

  it('severity error ignores warnings', () => {
    expect(check(warningOnly, { type: 'noFindings', severity: 'error' })).toMatchObject({ met: true });
  });

  it('near miss: severity warning counts that one warning', () => {
    const outcome = check(warningOnly, { type: 'noFindings', severity: 'warning' });
    expect(outcome).toMatchObject({ met: false, detail: expect.stringContaining('1 problem') });
  });

  it('with codes, only those findings count', () => {
    expect(check(warningOnly, { type: 'noFindings', codes: ['SUBNET_OVERLAP'] })).toMatchObject({ met: true });
    expect(check(warningOnly, { type: 'noFindings', codes: ['PUBLIC_IP_WITHOUT_INTERNET_ROUTE'] }).met).toBe(false);
  });
});

describe('instances', () => {
  const withCacheType = (type: string) =>
    produce(lesson('instance-types').start, (d) => {
      const cache = d.resources['cache-1'];
      if (cache?.kind === 'ec2Instance') cache.instanceType = type;
    });
  const bigCache = { type: 'instances', where: { id: 'cache-1', minMemoryGiB: 16 }, atLeast: 1 };

  it('matches on catalogue memory', () => {
    expect(check(withCacheType('r6i.large'), bigCache)).toMatchObject({ met: true });
  });

  it('near miss: i3.large has 15.25 GiB', () => {
    expect(check(withCacheType('i3.large'), bigCache)).toMatchObject({ met: false });
  });

  it('counts by state and enforces atMost', () => {
    const design = lesson('instance-lifecycle').start;
    expect(check(design, { type: 'instances', where: { state: 'running' }, atMost: 2 })).toMatchObject({ met: true });
    expect(check(design, { type: 'instances', where: { state: 'running' }, atMost: 1 }).met).toBe(false);
  });
});

describe('noThrottles', () => {
  const withReserved = (n: number) =>
    produce(lesson('lambda-scaling').start, (d) => {
      const fn = d.resources['orders-api'];
      if (fn?.kind === 'lambdaFunction') fn.reservedConcurrency = n;
    });
  const load = { type: 'noThrottles', functionId: 'orders-api', requestsPerSecond: 100, seconds: 30 };

  it('is met when the reservation covers requests/s × duration (100 × 0.5 s = 50)', () => {
    expect(check(withReserved(50), load)).toMatchObject({ met: true });
  });

  it('near miss: one execution short', () => {
    const outcome = check(withReserved(49), load);
    expect(outcome.met).toBe(false);
    expect(outcome.detail).toContain('reserved concurrency of 49');
  });

  it('replaces the function’s own triggers with the goal’s load', () => {
    expect(check(withReserved(50), { ...load, requestsPerSecond: 101 }).met).toBe(false);
  });
});

describe('monthlyCostUnder', () => {
  // One running t3.micro without a public address: 0.0104 × 730 + the 8 GiB root volume (0.64) = $8.23.
  const b = new DesignBuilder('One instance');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const subnet = b.subnet(vpc, b.zone(region, 'us-east-1a', vpc), '10.0.1.0/24');
  b.instance(subnet, '10.0.1.10', [vpc.defaultSecurityGroup.id]);
  const design = b.build();

  it('is met just above the monthly figure', () => {
    expect(check(design, { type: 'monthlyCostUnder', usd: 8.25 })).toMatchObject({
      met: true,
      detail: expect.stringContaining('$8.23'),
    });
  });

  it('near miss: just below it', () => {
    expect(check(design, { type: 'monthlyCostUnder', usd: 8.2 })).toMatchObject({ met: false });
  });
});

describe('serviceRunning', () => {
  const design = solved('containers');

  it('is met once Fargate tasks have started (30-45 s)', () => {
    expect(check(design, { type: 'serviceRunning', serviceId: 'web', atLeast: 2, afterSeconds: 60 })).toMatchObject({
      met: true,
    });
  });

  it('near miss: asked too early, the tasks are still provisioning', () => {
    expect(check(design, { type: 'serviceRunning', serviceId: 'web', atLeast: 2, afterSeconds: 20 }).met).toBe(false);
  });
});

describe('podsRunning', () => {
  const design = solved('containers-on-eks');
  const pods = { type: 'podsRunning', clusterId: 'eks-shop', deployment: 'web', atLeast: 4 };

  it('is met once the nodes have joined and the pods are placed', () => {
    expect(check(design, { ...pods, afterSeconds: 300 })).toMatchObject({
      met: true,
      detail: 'After 300 s, web has 4 of 4 pods running.',
    });
  });

  it('near miss: one pod more than web has replicas', () => {
    expect(check(design, { ...pods, atLeast: 5, afterSeconds: 300 })).toMatchObject({
      met: false,
      detail: 'After 300 s, web has 4 of 4 pods running; the goal needs 5.',
    });
  });

  it('refuses a zone outage that is not before the count', () => {
    const parsed = GoalCheckSchema.safeParse({
      ...pods,
      afterSeconds: 300,
      zoneOutage: { zoneId: 'az-a', atSeconds: 300 },
    });
    expect(parsed.success).toBe(false);
  });
});

describe('nodesReachEndpoint', () => {
  const publicNodes = produce(solved('containers-on-eks'), (d) => {
    for (const id of ['eks-shop', 'ng-web']) {
      const r = d.resources[id];
      if (r?.kind === 'eksCluster' || r?.kind === 'eksNodeGroup')
        r.subnetIds = ['subnet-public-a', 'subnet-public-b'] as typeof r.subnetIds;
    }
  });
  const reach = { type: 'nodesReachEndpoint', clusterId: 'eks-shop' };

  it('is met by nodes with public addresses in public subnets when any way out counts', () => {
    expect(check(publicNodes, reach)).toMatchObject({ met: true });
  });

  it('near miss: the same nodes when the way must be a NAT gateway', () => {
    expect(check(publicNodes, { ...reach, through: 'natGateway' }).met).toBe(false);
    expect(check(solved('containers-on-eks'), { ...reach, through: 'natGateway' }).met).toBe(true);
  });
});

describe('evaluateGoals and lessonComplete', () => {
  it('answer the same for the same design', () => {
    const { start, goals } = lesson('nat-return-traffic');
    expect(evaluateGoals(start, goals)).toEqual(evaluateGoals(start, goals));
  });

  it('a lesson without goals is never complete', () => {
    expect(lessonComplete([])).toBe(false);
    expect(lessonComplete([{ id: 'a', met: true, detail: '' }])).toBe(true);
  });
});
