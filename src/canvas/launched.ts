import { getResource, withEksNodeGroups, type Design, type Ec2Instance } from '../domain';
import type { InstanceFrame, SimFrame } from '../sim/protocol';
import type { ResourceNode } from './derive';
import { nodeFacts } from './facts';
import { GAP, headerHeight, LEAF, PAD } from './layout';

/** Items per row of launched instances in a subnet (the subnet frame's own columns). */
const COLUMNS = 2;

type Launched = NonNullable<InstanceFrame['launched']>;

/**
 * The instances an Auto Scaling group launched in this run, as the frame
 * lists them: id, group, name, subnet and address. A stable text key of them
 * lets the canvas re-derive only when one comes or goes (their state badge
 * follows the frame on its own).
 */
export function launchedKey(frame: Pick<SimFrame, 'instances'> | null): string {
  if (!frame) return '';
  const parts: string[] = [];
  for (const [id, live] of Object.entries(frame.instances))
    if (live.launched && live.state !== 'terminated')
      parts.push(`${id}|${live.launched.autoScalingGroupId}|${live.launched.subnetId}|${live.launched.privateIp}`);
  return parts.join('\n');
}

/**
 * What a launched instance is, as an instance of the design would be: from its group's launch template (an EKS
 * node group's nodes from the group and template EKS makes for it).
 */
export function launchedInstance(given: Design, id: string, launched: Launched): Ec2Instance {
  const design = withEksNodeGroups(given);
  const group = getResource(design, launched.autoScalingGroupId, 'autoScalingGroup');
  const template = getResource(design, group?.launchTemplateId ?? null, 'launchTemplate');
  return {
    kind: 'ec2Instance',
    id: id as Ec2Instance['id'],
    name: launched.name,
    subnetId: launched.subnetId as Ec2Instance['subnetId'],
    amiId: template?.amiId ?? 'ami-0a1b2c3d4e5f60001',
    instanceType: template?.instanceType ?? 't3.micro',
    privateIp: launched.privateIp,
    publicIp: template?.associatePublicIp ?? false,
    publicIpAddress: null,
    elasticIpId: null,
    securityGroupIds: template?.securityGroupIds ?? [],
    hibernationEnabled: false,
    terminationProtection: false,
    state: 'running',
    ...(group ? { autoScalingGroupId: group.id } : {}),
  };
}

/** The launched nodes made for a design, by instance id, for the next call to keep. */
export interface LaunchedNodes {
  design: Design;
  nodes: ReadonlyMap<string, ResourceNode>;
}

/**
 * Nodes for the instances the simulation launched, placed in their subnet
 * below what the design put there, two to a row. They are the simulation's,
 * never the design's: not draggable, not selectable, not connectable.
 */
export function launchedNodes(
  design: Design,
  frame: Pick<SimFrame, 'instances'> | null,
  designNodes: readonly ResourceNode[],
  previous: LaunchedNodes | null = null,
): ResourceNode[] {
  if (!frame) return [];
  const byId = new Map(designNodes.map((n) => [n.id, n]));
  const below = new Map<string, number>();
  for (const node of designNodes)
    if (node.parentId)
      below.set(node.parentId, Math.max(below.get(node.parentId) ?? 0, node.position.y + (node.height ?? 0)));
  const placed = new Map<string, number>();
  const nodes: ResourceNode[] = [];
  for (const [id, live] of Object.entries(frame.instances)) {
    const launched = live.launched;
    const subnetNode = launched ? byId.get(launched.subnetId) : undefined;
    if (!launched || !subnetNode || live.state === 'terminated' || byId.has(id)) continue;
    const index = placed.get(launched.subnetId) ?? 0;
    placed.set(launched.subnetId, index + 1);
    const top = below.has(launched.subnetId) ? below.get(launched.subnetId)! + GAP : headerHeight('subnet');
    const x = PAD + (index % COLUMNS) * (LEAF.width + GAP);
    const y = top + Math.floor(index / COLUMNS) * (LEAF.height + GAP);
    // The same instance in the same place of the same design keeps its node object, so React Flow skips it:
    // at 3600x a group replaces instances every few wall seconds, and rebuilding all 200 cards each time was a long task.
    const kept = previous?.design === design ? previous.nodes.get(id) : undefined;
    if (
      kept &&
      kept.parentId === launched.subnetId &&
      kept.position.x === x &&
      kept.position.y === y &&
      kept.zIndex === (subnetNode.zIndex ?? 0) + 101 &&
      kept.data.resource.kind === 'ec2Instance' &&
      kept.data.resource.privateIp === launched.privateIp &&
      kept.data.resource.name === launched.name
    ) {
      nodes.push(kept);
      continue;
    }
    const resource = launchedInstance(design, id, launched);
    const facts = nodeFacts(design, resource);
    const group = getResource(withEksNodeGroups(design), launched.autoScalingGroupId, 'autoScalingGroup');
    facts.title = `${launched.name} · ${launched.privateIp}`;
    facts.lines = [`launched by ${group?.name ?? launched.autoScalingGroupId}`];
    facts.badges = facts.badges.filter((b) => b.tone === 'state');
    nodes.push({
      id,
      type: 'ec2Instance',
      position: { x, y },
      parentId: launched.subnetId,
      width: LEAF.width,
      height: LEAF.height,
      zIndex: (subnetNode.zIndex ?? 0) + 101,
      draggable: false,
      selectable: false,
      connectable: false,
      data: { resource, facts, problem: null, launched: true },
    });
  }
  return nodes;
}

/** `launchedNodes` with its previous result kept between calls (one per canvas). */
export function launchedDeriver(): typeof launchedNodes {
  let previous: LaunchedNodes | null = null;
  return (design, frame, designNodes) => {
    const nodes = launchedNodes(design, frame, designNodes, previous);
    previous = { design, nodes: new Map(nodes.map((n) => [n.id, n])) };
    return nodes;
  };
}
