import { describe, expect, it } from 'vitest';
import { PRICES, resourcesOfKind, type Design, type Resource, type SecurityGroup } from '../../domain';
import { TEMPLATES } from '../templates';
import { diffDesigns } from './diffDesigns';

const template = (id: string): Design => TEMPLATES.find((t) => t.id === id)!.build();

/** A copy of the design with one resource replaced by `change` of it. */
function edited<R extends Resource>(design: Design, id: string, change: (r: R) => R): Design {
  const copy = structuredClone(design);
  copy.resources[id] = change(copy.resources[id] as R);
  return copy;
}

const groupNamed = (design: Design, name: string): SecurityGroup =>
  resourcesOfKind(design, 'securityGroup').find((g) => g.name === name)!;

/** The single web server with SSH opened to the whole internet in its `web` group. */
function withSshOpen(design: Design): Design {
  return edited<SecurityGroup>(design, groupNamed(design, 'web').id, (g) => ({
    ...g,
    inbound: [
      ...g.inbound,
      { protocol: 'tcp', ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: 'SSH' },
    ],
  }));
}

describe('diffDesigns', () => {
  it('names the internet path TCP 22 from 0.0.0.0/0 opens, with the instance, the port and the rule', () => {
    const before = template('single-web-server');
    const after = withSshOpen(before);
    const diff = diffDesigns(before, after);
    const server = resourcesOfKind(before, 'ec2Instance')[0]!;
    const web = groupNamed(before, 'web');

    expect(diff.resources.changed).toEqual([{ id: web.id, kind: 'securityGroup', name: 'web', fields: ['inbound'] }]);
    expect(diff.resources.added).toEqual([]);
    expect(diff.resources.removed).toEqual([]);
    expect(diff.paths.opened).toHaveLength(1);
    const [path] = diff.paths.opened;
    expect(path).toMatchObject({
      sourceKind: 'internet',
      instanceId: server.id,
      port: 22,
      text: `internet → ${server.name} (${server.id}) TCP 22`,
      rule: { resourceId: web.id, text: 'web: TCP 22 from 0.0.0.0/0' },
    });
    expect(diff.paths.closed).toEqual([]);
    expect(diff.exposure.new.map((f) => [f.code, f.resourceId])).toEqual([['SSH_OPEN_TO_INTERNET', server.id]]);
    expect(diff.exposure.resolved).toEqual([]);
    expect(diff.cost.deltaUsd).toBe(0);
  });

  it('reads the same change backwards as a closed path and a resolved finding, with the rule that had opened it', () => {
    const open = withSshOpen(template('single-web-server'));
    const diff = diffDesigns(open, template('single-web-server'));
    expect(diff.paths.opened).toEqual([]);
    expect(diff.paths.closed.map((p) => [p.port, p.rule?.text])).toEqual([[22, 'web: TCP 22 from 0.0.0.0/0']]);
    expect(diff.exposure.resolved.map((f) => f.code)).toEqual(['SSH_OPEN_TO_INTERNET']);
  });

  it('a rename alone is a changed name and nothing else: no path, finding or cost change', () => {
    // SSH open on both sides, so the exposure finding's message names the renamed instance.
    const before = withSshOpen(template('single-web-server'));
    const server = resourcesOfKind(before, 'ec2Instance')[0]!;
    const after = edited(before, server.id, (r) => ({ ...r, name: 'Renamed server' }));
    const diff = diffDesigns(before, after);
    expect(diff.resources.changed).toEqual([
      { id: server.id, kind: 'ec2Instance', name: 'Renamed server', fields: ['name'], nameBefore: server.name },
    ]);
    expect(diff.paths).toEqual({ opened: [], closed: [] });
    expect(diff.exposure).toEqual({ new: [], resolved: [] });
    expect(diff.findings).toEqual({ new: [], resolved: [] });
    expect(diff.cost.deltaUsd).toBe(0);
    expect(diff.cost.changes).toEqual([]);
  });

  it("adding a NAT gateway costs its hourly price × AWS's 730-hour month, plus its Elastic IP's public IPv4", () => {
    const before = template('single-web-server');
    const after = structuredClone(before);
    const subnet = resourcesOfKind(before, 'subnet')[0]!;
    after.resources['eipalloc-new'] = {
      kind: 'elasticIp',
      id: 'eipalloc-new',
      name: 'NAT address',
      publicIp: '203.0.113.50',
    } as Resource;
    after.resources['nat-new'] = {
      kind: 'natGateway',
      id: 'nat-new',
      name: 'New NAT',
      subnetId: subnet.id,
      elasticIpId: 'eipalloc-new',
      privateIp: '10.0.1.50',
    } as Resource;
    const diff = diffDesigns(before, after);
    expect(diff.resources.added.map((r) => r.id).sort()).toEqual(['eipalloc-new', 'nat-new']);
    // NAT gateway $0.045 per hour and public IPv4 $0.005 per hour, us-east-1:
    // https://aws.amazon.com/vpc/pricing/ (PRICES in domain/catalogs/prices.ts); 730 hours a month as the estimate counts.
    expect(PRICES.natGatewayHour * PRICES.hoursPerMonth).toBeCloseTo(32.85, 10);
    expect(diff.cost.changes).toEqual([
      { id: 'nat-new', name: 'New NAT', beforeUsd: 0, afterUsd: 32.85, deltaUsd: 32.85 },
      { id: 'eipalloc-new', name: 'NAT address', beforeUsd: 0, afterUsd: 3.65, deltaUsd: 3.65 },
    ]);
    expect(diff.cost.deltaUsd).toBeCloseTo(36.5, 10);
    expect(diff.cost.afterMonthlyUsd - diff.cost.beforeMonthlyUsd).toBeCloseTo(36.5, 10);
    expect(diff.cost.deltaPercent).toBeCloseTo((36.5 / diff.cost.beforeMonthlyUsd) * 100, 0);
  });

  it('a resource whose id changed is removed and added, not matched (ids are the identity)', () => {
    const before = template('single-web-server');
    const after = structuredClone(before);
    const group = groupNamed(before, 'web');
    // Only the group itself moves; what names it keeps the old id, which validation then reports.
    delete after.resources[group.id];
    after.resources['sg-renumbered'] = { ...group, id: 'sg-renumbered' } as Resource;
    const diff = diffDesigns(before, after);
    expect(diff.resources.added.map((r) => r.id)).toEqual(['sg-renumbered']);
    expect(diff.resources.removed.map((r) => r.id)).toEqual([group.id]);
  });

  it('matches by kind and CIDR, then kind and name, for inputs without Nimbus ids, reading references through the match', () => {
    const before = template('two-tier');
    // The same design with every id replaced, as a template written by hand would come in.
    const text = JSON.stringify(before).replace(/"([a-z]+)-(\d+)"/g, '"$1-x$2"');
    const after = JSON.parse(text) as Design;
    const byId = diffDesigns(before, after);
    expect(byId.resources.changed).toEqual([]);
    expect(byId.resources.added.length).toBe(Object.keys(before.resources).length);

    const byName = diffDesigns(before, after, { matchByName: true });
    expect(byName.resources).toMatchObject({ added: [], removed: [], changed: [] });
    expect(byName.resources.matchedByName).toBe(Object.keys(before.resources).length);
    expect(byName.paths).toEqual({ opened: [], closed: [] });
    expect(byName.findings).toEqual({ new: [], resolved: [] });
  });

  it('lists subnet → subnet paths a group change opens inside the VPC', () => {
    const before = template('two-tier');
    const app = groupNamed(before, 'app');
    const after = edited<SecurityGroup>(before, app.id, (g) => ({
      ...g,
      inbound: [
        ...g.inbound,
        {
          protocol: 'tcp',
          ports: { from: 5432, to: 5432 },
          peer: { type: 'cidr', cidr: '10.0.0.0/16' },
          description: 'PostgreSQL from the VPC',
        },
      ],
    }));
    const diff = diffDesigns(before, after);
    // One path per instance and port, naming every subnet it opens from (the instance's own is not a source).
    expect(diff.paths.opened.map((p) => [p.instanceName, p.port, p.sourceKind])).toEqual([
      ['App A', 5432, 'subnet'],
      ['App B', 5432, 'subnet'],
    ]);
    const appA = diff.paths.opened[0]!;
    expect([...appA.sourceIds!].sort()).toEqual(['subnet-1', 'subnet-3', 'subnet-4']);
    expect(appA.text).toBe('subnet Public A and 2 more subnets → subnet Private A: App A (i-2) TCP 5432');
    expect(diff.paths.opened[0]!.rule?.text).toBe('app: TCP 5432 from 10.0.0.0/16');
    expect(diff.exposure.new).toEqual([]);
  });

  it('counts on-premises → VPC paths from the hybrid template', () => {
    const design = template('hybrid');
    const diff = diffDesigns(design, design);
    expect(diff.paths).toEqual({ opened: [], closed: [] });
    const instance = resourcesOfKind(design, 'ec2Instance')[0]!;
    const reverse = diffDesigns({ ...design, resources: {} }, design);
    expect(reverse.paths.opened.some((p) => p.sourceKind === 'onPremises' && p.instanceId === instance.id)).toBe(true);
    expect(reverse.paths.opened.find((p) => p.sourceKind === 'onPremises')!.text).toMatch(/^on-premises .+ → VPC .+: /);
  });
});
