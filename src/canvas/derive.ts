import type { Edge, Node } from '@xyflow/react';
import { referencesOf, resourceById, resourcesOfKind, type Design, type Resource } from '../domain';
import { blackholeReason, type Finding } from '../engine';
import { computeLayout, isContainer } from './layout';
import { nodeFacts, type NodeFacts } from './facts';
import { viewOf } from './kinds';
import { ruleChipsOf, type RuleChip } from './chips';
import { isShelfKind, pillFactsOf, type PillFacts } from './shelf/shelf';

export interface ResourceNodeData extends Record<string, unknown> {
  resource: Resource;
  facts: NodeFacts;
  /** The worst finding on this resource and all its messages. */
  problem: { severity: Finding['severity']; messages: string[] } | null;
  /** An instance the simulation launched (an Auto Scaling group's): drawn while it runs, never in the design. */
  launched?: boolean;
  /** The rule sets acting on it, drawn on its border (a subnet's table and ACL, a card's groups). */
  chips?: RuleChip[];
  /** A rule resource drawn as a shelf pill: its rule count and its state in words. */
  pill?: PillFacts;
}

export type ResourceNode = Node<ResourceNodeData>;

export type EdgeRole = 'association' | 'route' | 'blackhole' | 'link' | 'trigger';
export type ResourceEdge = Edge<{ role: EdgeRole; label?: string }>;

/**
 * The canvas is a view of the design: nodes and edges are derived here and
 * never stored. Parents come before children, as React Flow requires.
 *
 * With `previous` (the nodes derived last time), a node whose resource, box,
 * facts and problem are all unchanged is that same object again, so React Flow
 * and the memoised node components skip it: an edit to one resource re-renders
 * one node, not every node of a large design.
 */
export function deriveNodes(
  design: Design,
  findings: readonly Finding[],
  previous?: readonly ResourceNode[],
): ResourceNode[] {
  const boxes = computeLayout(design);
  const problems = new Map<string, ResourceNodeData['problem']>();
  for (const f of findings) {
    const current = problems.get(f.resourceId);
    problems.set(f.resourceId, {
      severity: current?.severity === 'error' ? 'error' : f.severity,
      messages: [...(current?.messages ?? []), f.message],
    });
  }
  const before = new Map(previous?.map((n) => [n.id, n]));
  const depth = (id: string): number => {
    let d = 0;
    for (let p = boxes.get(id)?.parentId; p && d < 10; p = boxes.get(p)?.parentId) d++;
    return d;
  };
  const nodes: Array<{ node: ResourceNode; depth: number }> = [];
  for (const resource of Object.values(design.resources)) {
    const box = boxes.get(resource.id);
    if (!box) continue;
    const container = isContainer(resource);
    const d = depth(resource.id);
    const node: ResourceNode = {
      id: resource.id,
      type: resource.kind,
      position: { x: box.x, y: box.y },
      ...(box.parentId ? { parentId: box.parentId } : {}),
      width: box.width,
      height: box.height,
      ...(container ? { style: { width: box.width, height: box.height } } : {}),
      zIndex: container ? d : 100 + d,
      // A pill's place is its shelf's: dragging one connects it to what it is dropped on (`shelf/ShelfPill.tsx`).
      ...(isShelfKind(resource.kind) ? { draggable: false } : {}),
      data: {
        resource,
        facts: nodeFacts(design, resource),
        problem: problems.get(resource.id) ?? null,
        chips: ruleChipsOf(design, resource),
        ...(isShelfKind(resource.kind) ? { pill: pillFactsOf(design, resource) } : {}),
      },
    };
    const last = before.get(resource.id);
    nodes.push({ node: last && sameNode(last, node) ? last : node, depth: d });
  }
  // A stable sort: same-depth nodes keep the design's order.
  nodes.sort((a, b) => a.depth - b.depth);
  return nodes.map(({ node }) => node);
}

/** `deriveNodes` that remembers its last result and hands it back as `previous` (one per canvas). */
export function nodeDeriver(): (design: Design, findings: readonly Finding[]) => ResourceNode[] {
  let last: ResourceNode[] = [];
  return (design, findings) => (last = deriveNodes(design, findings, last));
}

/** Whether two derivations of one resource would draw the same. */
function sameNode(a: ResourceNode, b: ResourceNode): boolean {
  return (
    a.type === b.type &&
    a.data.resource === b.data.resource &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.parentId === b.parentId &&
    a.width === b.width &&
    a.height === b.height &&
    a.zIndex === b.zIndex &&
    !!a.style === !!b.style &&
    sameJson(a.data.facts, b.data.facts) &&
    sameJson(a.data.problem, b.data.problem) &&
    a.draggable === b.draggable &&
    sameJson(a.data.chips, b.data.chips) &&
    sameJson(a.data.pill, b.data.pill)
  );
}

/** Facts and problems are small plain data: compared by their JSON. */
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Links between resources. Associations (route table or network ACL with a
 * subnet, security group with a member) are already chips on the subnets and
 * cards, so their edges appear only for `showAssociationsOf` (the selection,
 * and a hovered chip or shelf pill), which keeps a large diagram readable.
 */
export function deriveEdges(design: Design, showAssociationsOf: ReadonlySet<string> = new Set()): ResourceEdge[] {
  const edges: ResourceEdge[] = [];
  const add = (source: string, target: string, role: EdgeRole, label?: string) =>
    edges.push({
      id: `${role}:${source}->${target}:${label ?? ''}`,
      source,
      target,
      type: 'routed',
      data: { role, ...(label ? { label } : {}) },
      ...(label ? { label } : {}),
      // An association ends at the chip it explains, drawn on hover: it must not catch that chip's click.
      ...(role === 'association' ? { className: 'pointer-events-none', selectable: false, focusable: false } : {}),
      zIndex: 1000,
    });
  for (const table of resourcesOfKind(design, 'routeTable')) {
    for (const subnetId of table.subnetIds) {
      if (resourceById(design, subnetId) && (showAssociationsOf.has(subnetId) || showAssociationsOf.has(table.id)))
        add(subnetId, table.id, 'association');
    }
    for (const route of table.routes) {
      if (route.target === 'local' || !resourceById(design, route.target)) continue;
      add(
        table.id,
        route.target,
        blackholeReason(design, table, route.target) ? 'blackhole' : 'route',
        route.destination,
      );
    }
  }
  // The other rule resources' associations, drawn like the route tables': only for the selection.
  for (const acl of resourcesOfKind(design, 'networkAcl'))
    for (const subnetId of acl.subnetIds)
      if (resourceById(design, subnetId) && (showAssociationsOf.has(subnetId) || showAssociationsOf.has(acl.id)))
        add(subnetId, acl.id, 'association');
  for (const member of Object.values(design.resources)) {
    if (!('securityGroupIds' in member) || !Array.isArray(member.securityGroupIds)) continue;
    for (const groupId of member.securityGroupIds as unknown[])
      if (
        typeof groupId === 'string' &&
        resourceById(design, groupId)?.kind === 'securityGroup' &&
        (showAssociationsOf.has(member.id) || showAssociationsOf.has(groupId))
      )
        add(member.id, groupId, 'association');
  }
  // Links a kind's view declares: a VPN between its gateways, a trigger to its function…
  for (const resource of Object.values(design.resources)) {
    const drawn = viewOf(resource).edges;
    if (!drawn) continue;
    for (const edge of drawn) {
      const reference = referencesOf(resource).find((ref) => ref.field === edge.field);
      for (const id of reference?.ids(resource) ?? []) {
        if (!resourceById(design, id)) continue;
        if (edge.direction === 'out') add(resource.id, id, edge.role);
        else add(id, resource.id, edge.role);
      }
    }
  }
  const internet = resourcesOfKind(design, 'internet')[0];
  if (internet)
    for (const igw of resourcesOfKind(design, 'internetGateway')) if (igw.vpcId) add(internet.id, igw.id, 'link');
  return edges;
}
