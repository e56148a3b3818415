import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { validateDesign } from '../engine';
import { deriveEdges, deriveNodes } from './derive';

describe('deriveNodes', () => {
  const design = sampleDesign();
  const nodes = deriveNodes(design, validateDesign(design));

  it('makes one node per resource, typed by kind, parents before children', () => {
    expect(nodes.map((n) => n.id).sort()).toEqual(Object.keys(design.resources).sort());
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const node of nodes) {
      expect(node.type).toBe(design.resources[node.id]!.kind);
      if (node.parentId) expect(index.get(node.parentId)!).toBeLessThan(index.get(node.id)!);
    }
  });

  it('shows a subnet as public or private from its routes, with its usable count', () => {
    const facts = (id: string) => nodes.find((n) => n.id === id)!.data.facts;
    expect(facts('subnet-1').badges[0]).toEqual({ text: 'Public', tone: 'public' });
    expect(facts('subnet-2').badges[0]).toEqual({ text: 'Private', tone: 'private' });
    expect(facts('subnet-1').lines[0]).toBe('10.0.1.0/24 · 251 usable');
  });

  it('draws rule resources as shelf pills: not moved by dragging, with their count and state in words', () => {
    const pill = nodes.find((n) => n.id === 'rtb-1')!;
    expect(pill).toMatchObject({
      parentId: 'vpc-1',
      draggable: false,
      data: { pill: { count: '1 route', status: 'main' } },
    });
    expect(nodes.find((n) => n.id === 'sg-1')!.data.pill).toEqual({ count: '1 in · 1 out', status: '' });
    // The pill's hover card lists its own rules.
    expect(pill.data.chips).toEqual([expect.objectContaining({ id: 'rtb-1', kind: 'routeTable' })]);
    expect(nodes.find((n) => n.id === 'i-1')!.draggable).toBeUndefined();
  });

  it('marks nodes that have problems with their messages', () => {
    const broken = produce(design, (d) => void ((d.resources['subnet-2'] as { cidr: string }).cidr = '10.0.1.0/25'));
    const marked = deriveNodes(broken, validateDesign(broken)).filter((n) => n.data.problem);
    expect(marked.map((n) => n.id).sort()).toEqual(expect.arrayContaining(['subnet-1', 'subnet-2']));
    expect(marked.find((n) => n.id === 'subnet-2')?.data.problem?.severity).toBe('error');
  });
});

describe('deriveEdges', () => {
  it('draws routes to gateways, associations of the selection, and marks blackholes', () => {
    const design = sampleDesign();
    const roles = (selected: string[]) =>
      deriveEdges(design, new Set(selected)).map((e) => `${e.data?.role} ${e.source}->${e.target}`);
    expect(roles([])).toEqual(['route rtb-2->igw-1']);
    expect(roles(['subnet-1'])).toEqual(['association subnet-1->rtb-2', 'route rtb-2->igw-1']);
    // A group's members and an ACL's explicit subnets are associations too, drawn only for either end.
    expect(roles(['sg-1'])).toEqual(expect.arrayContaining(['association i-1->sg-1']));
    expect(roles(['i-1'])).toContain('association i-1->sg-1');
    const withAcl = produce(design, (d) => {
      const acl = Object.values(d.resources).find((r) => r.kind === 'networkAcl') as { subnetIds: string[] };
      acl.subnetIds = ['subnet-2'];
    });
    const aclId = Object.values(withAcl.resources).find((r) => r.kind === 'networkAcl')!.id;
    expect(deriveEdges(withAcl).some((e) => e.data?.role === 'association')).toBe(false);
    expect(deriveEdges(withAcl, new Set([aclId])).map((e) => `${e.source}->${e.target}`)).toContain(
      `subnet-2->${aclId}`,
    );
    const detached = produce(design, (d) => void ((d.resources['igw-1'] as { vpcId: string | null }).vpcId = null));
    expect(deriveEdges(detached).find((e) => e.target === 'igw-1')?.data?.role).toBe('blackhole');
  });
});

describe('deriveNodes with the previous nodes', () => {
  const design = sampleDesign();
  const first = deriveNodes(design, validateDesign(design));

  it('hands back the same node object for every resource an edit did not change', () => {
    const renamed = produce(design, (d) => void (d.resources['subnet-2']!.name = 'Private B'));
    const second = deriveNodes(renamed, validateDesign(renamed), first);
    const before = new Map(first.map((n) => [n.id, n]));
    const changed = second.filter((n) => before.get(n.id) !== n).map((n) => n.id);
    expect(changed).toEqual(['subnet-2']);
    expect(second.find((n) => n.id === 'subnet-2')!.data.facts.title).toBe('Private B');
    expect(second.map((n) => n.id)).toEqual(first.map((n) => n.id));
  });

  it('derives a node again when only its problems or facts changed', () => {
    const broken = produce(design, (d) => void ((d.resources['subnet-2'] as { cidr: string }).cidr = '10.0.1.0/25'));
    const second = deriveNodes(broken, validateDesign(broken), first);
    const subnet1 = second.find((n) => n.id === 'subnet-1')!;
    expect(subnet1).not.toBe(first.find((n) => n.id === 'subnet-1'));
    expect(subnet1.data.problem).not.toBeNull();
    expect(deriveNodes(design, validateDesign(design), second)).toEqual(first);
  });
});
