import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resourceById, resourcesOfKind, type Design, type Ec2Instance, type Resource, type SgRule } from '../../domain';
import { formatIpv4, parseCidr } from '../../net';
import { generateMultiVpc } from '../../../bench/generate';
import { TEMPLATES } from '../../scenarios/templates';
import { analyzeExposure, startExposure, type ExposureEntry, type ExposureReport } from './exposure';
import { analyzeReachability } from './reachability';

/**
 * Exposure as it was first written, kept here as the reference: every
 * instance, every source, every port, each a full path analysis, nothing
 * shared and every lookup a scan. The indexed, class-sharing, atom-cutting
 * exposure must give the same report on any design, valid or not.
 */
const WELL_KNOWN = [22, 80, 443, 3389, 3306, 5432, 8080];
const DATABASE_PORTS: Record<number, string> = {
  3306: 'MySQL',
  5432: 'PostgreSQL',
  1433: 'SQL Server',
  1521: 'Oracle',
  27017: 'MongoDB',
  6379: 'Redis',
};

function referencePorts(design: Design, instance: Ec2Instance): number[] {
  const ports = new Set<number>();
  for (const id of instance.securityGroupIds) {
    const group = resourceById(design, id);
    if (group?.kind !== 'securityGroup') continue;
    for (const rule of group.inbound) {
      if (rule.protocol === 'icmp' || rule.protocol === 'udp') continue;
      if (rule.ports === null) WELL_KNOWN.forEach((p) => ports.add(p));
      else {
        ports.add(rule.ports.from);
        WELL_KNOWN.filter((p) => p >= rule.ports!.from && p <= rule.ports!.to).forEach((p) => ports.add(p));
      }
    }
  }
  return [...ports].sort((a, b) => a - b);
}

function referenceExposure(design: Design): Omit<ExposureReport, 'queries'> {
  const entries: ExposureEntry[] = [];
  const findings: ExposureReport['findings'] = [];
  const subnets = resourcesOfKind(design, 'subnet');
  for (const instance of resourcesOfKind(design, 'ec2Instance')) {
    if (instance.state === 'terminated') continue;
    const ports = referencePorts(design, instance);
    if (ports.length === 0) continue;
    const home = subnets.find((s) => s.id === instance.subnetId);
    const sources = [
      { label: 'the internet', kind: 'internet' as const, spec: { kind: 'internet' as const } },
      ...resourcesOfKind(design, 'onPremisesNetwork').map((n) => ({
        label: n.name,
        kind: 'onPremises' as const,
        spec: { kind: 'onPremises' as const, id: n.id },
      })),
      ...subnets
        .filter((s) => s.vpcId === home?.vpcId && s.id !== instance.subnetId)
        .flatMap((s) => {
          if (!parseCidr(s.cidr).ok) return [];
          return [{ label: s.name, kind: 'subnet' as const, spec: { kind: 'subnetHost' as const, subnetId: s.id } }];
        }),
    ];
    for (const source of sources) {
      const open = ports.filter((port) => {
        const outcome = analyzeReachability(design, {
          from: source.spec,
          to: { kind: 'resource', id: instance.id },
          protocol: 'tcp',
          port,
        });
        return outcome.ok && outcome.result.reachable;
      });
      if (open.length === 0) continue;
      entries.push({
        instanceId: instance.id,
        instanceName: instance.name,
        source: source.label,
        sourceKind: source.kind,
        ports: open,
      });
      if (source.kind !== 'internet') continue;
      const at = (code: string, message: string) =>
        findings.push({ severity: 'warning', code: code as never, resourceId: instance.id, message });
      if (open.includes(22))
        at(
          'SSH_OPEN_TO_INTERNET',
          `SSH (22) on ${instance.name} is open to the whole internet; allow it only from your own address range, or use Session Manager.`,
        );
      if (open.includes(3389))
        at('RDP_OPEN_TO_INTERNET', `RDP (3389) on ${instance.name} is open to the whole internet.`);
      for (const port of open.filter((p) => DATABASE_PORTS[p]))
        at(
          'DATABASE_OPEN_TO_INTERNET',
          `${DATABASE_PORTS[port]} (${port}) on ${instance.name} is reachable from the internet; databases belong in private subnets.`,
        );
    }
  }
  return { entries, findings };
}

/** Random changes to a template: more instances that collide, share, stop, lose their Elastic IP; twin names. */
const templates = ['two-tier', 'hybrid', 'single-web-server'].map((id) => TEMPLATES.find((t) => t.id === id)!.build());

interface Changes {
  instances: Array<Record<string, unknown>>;
  rules: Array<[number, SgRule]>;
  renameSubnets: boolean;
}

const change = (design: Design): fc.Arbitrary<Changes> => {
  const subnets = resourcesOfKind(design, 'subnet');
  const groups = resourcesOfKind(design, 'securityGroup');
  const eips = resourcesOfKind(design, 'elasticIp');
  const hostAddresses = subnets.flatMap((s) => {
    const block = parseCidr(s.cidr);
    return block.ok ? [formatIpv4(block.value.network + 2 ** (32 - block.value.prefix) - 2)] : [];
  });
  const addresses = [
    ...resourcesOfKind(design, 'ec2Instance').map((i) => i.privateIp),
    ...hostAddresses,
    ...subnets.map((s) => s.cidr.replace(/0\/\d+$/, '77')),
    'not an address',
  ];
  const instance = fc.record({
    subnetId: fc.constantFrom(...subnets.map((s) => s.id), 'subnet-missing'),
    privateIp: fc.constantFrom(...addresses),
    publicIp: fc.boolean(),
    elasticIpId: fc.constantFrom(null, 'eipalloc-missing', ...eips.map((e) => e.id)),
    state: fc.constantFrom('running' as const, 'stopped' as const, 'terminated' as const),
    securityGroupIds: fc.subarray(groups.map((g) => g.id)),
    name: fc.constantFrom('twin', 'Web A', 'other'),
  });
  const rule: fc.Arbitrary<SgRule> = fc.record({
    protocol: fc.constantFrom('tcp' as const, 'all' as const),
    ports: fc.constantFrom({ from: 22, to: 22 }, { from: 80, to: 443 }, { from: 3306, to: 3306 }),
    peer: fc.constantFrom(
      { type: 'cidr' as const, cidr: '0.0.0.0/0' },
      { type: 'cidr' as const, cidr: '10.0.0.0/16' },
      ...hostAddresses.map((a) => ({ type: 'cidr' as const, cidr: `${a}/32` })),
    ),
    description: fc.constant(''),
  });
  return fc.record({
    instances: fc.array(instance, { maxLength: 8 }),
    rules: fc.array(fc.tuple(fc.nat(groups.length - 1), rule), { maxLength: 4 }),
    renameSubnets: fc.boolean(),
  });
};

function apply(design: Design, changes: Changes): Design {
  const resources: Record<string, Resource> = { ...design.resources };
  const template = resourcesOfKind(design, 'ec2Instance')[0]!;
  changes.instances.forEach((fields, i) => {
    const id = `i-extra-${i}`;
    resources[id] = { ...template, ...fields, id } as Ec2Instance;
  });
  const groups = resourcesOfKind(design, 'securityGroup');
  for (const [at, rule] of changes.rules) {
    const group = resources[groups[at]!.id] as (typeof groups)[number];
    resources[group.id] = { ...group, inbound: [...group.inbound, rule] };
  }
  if (changes.renameSubnets)
    for (const subnet of resourcesOfKind(design, 'subnet')) resources[subnet.id] = { ...subnet, name: 'same name' };
  return { ...design, resources: resources as Design['resources'] };
}

/** Entries one per source subnet (the report groups alike subnets into one), in a stable order. */
function perSubnet(design: Design, entries: readonly ExposureEntry[]): string[] {
  return entries
    .flatMap((e) =>
      (e.subnetIds ?? [null]).map((id) => {
        const source = id === null ? e.source : (design.resources[id]?.name ?? id);
        return `${e.instanceId}|${e.instanceName}|${source}|${e.sourceKind}|${e.ports.join(',')}`;
      }),
    )
    .sort();
}

describe('exposure against the reference (no sharing, no atoms, scans)', () => {
  for (const base of templates) {
    it(`gives the reference's report on random changes to "${base.name}"`, () => {
      fc.assert(
        fc.property(change(base), (changes) => {
          const design = apply(base, changes);
          const report = analyzeExposure(design);
          const reference = referenceExposure(design);
          expect(perSubnet(design, report.entries)).toEqual(perSubnet(design, reference.entries));
          expect(report.findings).toEqual(reference.findings);
        }),
        { numRuns: 100 },
      );
    });
  }

  it("gives the reference's report on the bench's multi-VPC account (services, a VPN, stopped and public instances)", () => {
    const generated = generateMultiVpc(150, 3);
    const resources: Record<string, Resource> = { ...generated.resources };
    // Some instances stopped, some given a public address in a private subnet: more classes.
    resourcesOfKind(generated, 'ec2Instance').forEach((instance, i) => {
      if (i % 7 === 0) resources[instance.id] = { ...instance, state: 'stopped' };
      else if (i % 5 === 0) resources[instance.id] = { ...instance, publicIp: !instance.publicIp };
    });
    const design = { ...generated, resources: resources as Design['resources'] };
    const report = analyzeExposure(design);
    const reference = referenceExposure(design);
    expect(report.entries.length).toBeGreaterThan(0);
    expect(perSubnet(design, report.entries)).toEqual(perSubnet(design, reference.entries));
    expect(report.findings).toEqual(reference.findings);
  });

  it('in slices of any size gives the same report as in one go', () => {
    const design = templates[0]!;
    const whole = analyzeExposure(design);
    const run = startExposure(design);
    let report: ExposureReport | null = null;
    let steps = 0;
    while (!report) {
      report = run.step(0);
      steps++;
      expect(run.done).toBe(Math.min(steps, run.total));
    }
    expect(steps).toBe(run.total);
    expect(report).toEqual(whole);
  });
});
