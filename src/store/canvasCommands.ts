import type { Draft } from 'immer';
import { idSourceFor, type Design, type LayoutEntry, type Resource } from '../domain';
import {
  ancestorsOf,
  checkDrop,
  connect,
  containerOf,
  createForDrop,
  proposePrivateIp,
  type NewResourceSpec,
} from '../engine';
import { useDesignStore } from './designStore';

/** Canvas commands: each is one undo step and returns what happened, or why it could not. */
export type CommandResult = { ok: true; message?: string; id?: string } | { ok: false; reason: string };

const store = () => useDesignStore.getState();
const current = (): Design => store().history.present;

function setLayout(d: Draft<Design>, id: string, entry: Partial<LayoutEntry>): void {
  const previous = d.layout[id];
  d.layout[id] = {
    ...previous,
    ...entry,
    parentId: (entry.parentId !== undefined ? entry.parentId : (previous?.parentId ?? null)) as LayoutEntry['parentId'],
  };
}

/**
 * Creates what a palette item makes, dropped at `position` inside `containerId`
 * (null: bare canvas). Without a position it is placed automatically.
 */
export function addFromPalette(
  spec: NewResourceSpec,
  containerId: string | null,
  position?: { x: number; y: number },
): CommandResult {
  const design = current();
  const container = containerId ? design.resources[containerId] : undefined;
  const placement = createForDrop(design, spec, container, idSourceFor(design));
  if (!placement.ok) return placement;
  store().apply((d) => {
    for (const resource of placement.resources) d.resources[resource.id] = resource as Draft<Resource>;
    const parentId = (containerId ?? null) as LayoutEntry['parentId'];
    setLayout(
      d,
      placement.primaryId,
      position ? { x: Math.round(position.x), y: Math.round(position.y), parentId } : { parentId },
    );
  });
  return { ok: true, id: placement.primaryId };
}

/** Stores where nodes were dragged to; a drag is one undo step. */
export function moveNodes(moves: ReadonlyArray<{ id: string; x: number; y: number; parentId: string | null }>): void {
  if (moves.length === 0) return;
  store().apply(
    (d) => {
      for (const move of moves)
        setLayout(d, move.id, {
          x: Math.round(move.x),
          y: Math.round(move.y),
          parentId: move.parentId as LayoutEntry['parentId'],
        });
    },
    { coalesceKey: `move:${moves.map((m) => m.id).join(',')}` },
  );
}

/**
 * Moves a resource into another container. Only an instance can change home
 * (another subnet): it gets a new private IP there, keeps its security groups
 * within the same VPC, and is refused across VPCs.
 */
export function rehome(id: string, targetId: string | null, position: { x: number; y: number }): CommandResult {
  const design = current();
  const resource = design.resources[id];
  const target = targetId ? design.resources[targetId] : undefined;
  if (!resource) return { ok: false, reason: 'That resource no longer exists.' };
  const check = checkDrop(design, resource.kind, target);
  if (!check.ok) return check;
  if (resource.kind !== 'ec2Instance' || target?.kind !== 'subnet') {
    return {
      ok: false,
      reason: `${resource.name} stays in ${containerOf(design, resource)?.name ?? 'its place'}; only instances can move to another subnet.`,
    };
  }
  const from = design.resources[resource.subnetId];
  if (from?.kind === 'subnet' && from.vpcId !== target.vpcId) {
    return {
      ok: false,
      reason: `${target.name} is in another VPC; an instance's security groups belong to its VPC, so it can't move there.`,
    };
  }
  const address = proposePrivateIp(design, target, resource.id);
  if (!address) return { ok: false, reason: `${target.name} has no free address.` };
  store().apply((d) => {
    const instance = d.resources[id] as Draft<typeof resource>;
    instance.subnetId = target.id;
    instance.privateIp = address;
    instance.publicIp = target.mapPublicIpOnLaunch;
    setLayout(d, id, {
      x: Math.round(position.x),
      y: Math.round(position.y),
      parentId: target.id as unknown as LayoutEntry['parentId'],
    });
  });
  return { ok: true, message: `${resource.name} moved to ${target.name} with the new address ${address}.` };
}

/** Everything drawn inside the given resources (containers take their contents with them). */
export function descendantsOf(design: Design, ids: readonly string[]): string[] {
  const roots = new Set(ids);
  return Object.values(design.resources)
    .filter((r) => !roots.has(r.id) && ancestorsOf(design, r).some((a) => roots.has(a.id)))
    .map((r) => r.id);
}

/**
 * Deletes resources and what they contain. References to them from other
 * resources are dropped, except routes: AWS keeps a route whose target is
 * deleted as a blackhole, and so does Nimbus.
 */
export function deleteResources(ids: readonly string[]): CommandResult {
  const design = current();
  const doomed = new Set([...ids, ...descendantsOf(design, ids)]);
  if (doomed.size === 0) return { ok: false, reason: 'Nothing selected.' };
  // A VPC's own route tables, ACLs and groups go with it even when they are not drawn inside it.
  for (const r of Object.values(design.resources))
    if (
      'vpcId' in r &&
      r.vpcId &&
      doomed.has(r.vpcId) &&
      r.kind !== 'internetGateway' &&
      r.kind !== 'virtualPrivateGateway'
    )
      doomed.add(r.id);
  store().apply((d) => {
    for (const id of doomed) {
      delete d.resources[id];
      delete d.layout[id];
    }
    for (const r of Object.values(d.resources)) {
      if ('subnetIds' in r && Array.isArray(r.subnetIds))
        r.subnetIds = r.subnetIds.filter((id: string) => !doomed.has(id)) as typeof r.subnetIds;
      if ('securityGroupIds' in r && Array.isArray(r.securityGroupIds))
        r.securityGroupIds = r.securityGroupIds.filter((id: string) => !doomed.has(id)) as typeof r.securityGroupIds;
      if (r.kind === 'routeTable') r.propagatingGatewayIds = r.propagatingGatewayIds.filter((id) => !doomed.has(id));
      if ((r.kind === 'internetGateway' || r.kind === 'virtualPrivateGateway') && r.vpcId && doomed.has(r.vpcId))
        r.vpcId = null;
      if ((r.kind === 'ec2Instance' || r.kind === 'natGateway') && r.elasticIpId && doomed.has(r.elasticIpId))
        r.elasticIpId = null;
      if (r.kind === 'customerGateway' && r.onPremisesNetworkId && doomed.has(r.onPremisesNetworkId))
        r.onPremisesNetworkId = null;
      if (r.kind === 'lambdaFunction' && r.vpcConfig) {
        r.vpcConfig.subnetIds = r.vpcConfig.subnetIds.filter((id) => !doomed.has(id));
        r.vpcConfig.securityGroupIds = r.vpcConfig.securityGroupIds.filter((id) => !doomed.has(id));
      }
    }
    for (const [id, entry] of Object.entries(d.layout))
      if (entry.parentId && doomed.has(entry.parentId)) delete d.layout[id];
    // Connections that can't exist without both ends go too.
    for (const r of Object.values(d.resources)) {
      if (
        (r.kind === 'vpnConnection' && (doomed.has(r.vpnGatewayId) || doomed.has(r.customerGatewayId))) ||
        (r.kind === 'lambdaTrigger' && doomed.has(r.functionId))
      ) {
        delete d.resources[r.id];
        delete d.layout[r.id];
      }
    }
  });
  return { ok: true, message: `Deleted ${doomed.size} resource${doomed.size === 1 ? '' : 's'}.` };
}

export function connectResources(sourceId: string, targetId: string): CommandResult {
  const design = current();
  const result = connect(design, sourceId, targetId, idSourceFor(design));
  if (!result.ok) return result;
  store().replace(result.design);
  return { ok: true, message: result.summary };
}

/** Edits one resource; typing into one field is one undo step. */
export function updateResource<R extends Resource>(
  id: string,
  recipe: (draft: Draft<R>) => void,
  field?: string,
): void {
  store().apply(
    (d) => {
      const resource = d.resources[id];
      if (resource) recipe(resource as Draft<R>);
    },
    field ? { coalesceKey: `edit:${id}:${field}` } : undefined,
  );
}

/**
 * Copies leaf resources (instances, groups, route tables, ACLs, functions…) next
 * to the originals with new ids; instances get a fresh address in their subnet.
 */
export function duplicateResources(ids: readonly string[]): CommandResult {
  const design = current();
  const source = idSourceFor(design);
  const copies: Array<{ originalId: string; copy: Resource }> = [];
  let working = design;
  for (const id of ids) {
    const original = working.resources[id];
    if (
      !original ||
      [
        'region',
        'vpc',
        'availabilityZone',
        'subnet',
        'ecsCluster',
        'internetGateway',
        'virtualPrivateGateway',
        'internet',
      ].includes(original.kind)
    )
      continue;
    const copy = structuredClone(original) as Resource;
    (copy as { id: string }).id = source.next(original.kind);
    copy.name = `${original.name} copy`;
    if (copy.kind === 'routeTable' || copy.kind === 'networkAcl') copy.subnetIds = [];
    if (copy.kind === 'routeTable') copy.main = false;
    if (copy.kind === 'networkAcl' || copy.kind === 'securityGroup') copy.isDefault = false;
    if (copy.kind === 'ec2Instance' || copy.kind === 'natGateway') {
      const subnet = working.resources[copy.subnetId];
      const address = subnet?.kind === 'subnet' ? proposePrivateIp(working, subnet) : null;
      if (!address) continue;
      copy.privateIp = address;
      copy.elasticIpId = null;
    }
    copies.push({ originalId: id, copy });
    working = { ...working, resources: { ...working.resources, [copy.id]: copy } };
  }
  if (copies.length === 0)
    return { ok: false, reason: 'Nothing to duplicate: Regions, VPCs, zones, subnets and gateways are not copied.' };
  store().apply((d) => {
    for (const { originalId, copy } of copies) {
      d.resources[copy.id] = copy as Draft<Resource>;
      const at = design.layout[originalId];
      if (at?.x !== undefined && at.y !== undefined)
        setLayout(d, copy.id, { x: at.x + 24, y: at.y + 24, parentId: at.parentId });
    }
  });
  return { ok: true, message: `Duplicated ${copies.length} resource${copies.length === 1 ? '' : 's'}.` };
}

/** Changes a VPC's CIDRs and keeps every route table's `local` routes in step, as AWS does. */
export function setVpcCidrs(vpcId: string, primary: string, secondaries: readonly string[], field: string): void {
  store().apply(
    (d) => {
      const vpc = d.resources[vpcId];
      if (vpc?.kind !== 'vpc') return;
      const before = [vpc.cidr, ...vpc.secondaryCidrs];
      vpc.cidr = primary;
      vpc.secondaryCidrs = [...secondaries];
      const after = [primary, ...secondaries];
      for (const table of Object.values(d.resources)) {
        if (table.kind !== 'routeTable' || table.vpcId !== vpcId) continue;
        const others = table.routes.filter((r) => !(r.target === 'local' && before.includes(r.destination)));
        table.routes = [...after.map((destination) => ({ destination, target: 'local' as const })), ...others];
      }
    },
    { coalesceKey: `edit:${vpcId}:${field}` },
  );
}

/** Makes a table the VPC's main route table; subnets without an association follow it. */
export function setMainRouteTable(tableId: string): void {
  store().apply((d) => {
    const table = d.resources[tableId];
    if (table?.kind !== 'routeTable') return;
    for (const other of Object.values(d.resources))
      if (other.kind === 'routeTable' && other.vpcId === table.vpcId) other.main = other.id === tableId;
  });
}

/** Replaces the design with a changed copy (a reachability fix) as one undo step. */
export function applyDesignChange(next: Design): void {
  store().replace(next);
}
