import { autoAssignedPublicIpv4, type Design, type LayoutEntry } from '../../domain';
import { checkDrop, containerOf } from '../containment';
import { proposePrivateIp } from '../proposals';
import type { EditResult } from './result';
import { withLayout } from './layout';

/**
 * Moves a resource into another container. Only an instance can change home
 * (another subnet): it gets a new private IP there, keeps its security groups
 * within the same VPC, and is refused across VPCs.
 */
export function rehome(
  design: Design,
  id: string,
  targetId: string | null,
  position: { x: number; y: number },
): EditResult {
  const resource = Object.hasOwn(design.resources, id) ? design.resources[id] : undefined;
  const target = targetId && Object.hasOwn(design.resources, targetId) ? design.resources[targetId] : undefined;
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
  // A move is a relaunch in the new subnet: its public IPv4 follows the subnet's auto-assign setting.
  const moved = {
    ...resource,
    subnetId: target.id,
    privateIp: address,
    publicIp: target.mapPublicIpOnLaunch,
    publicIpAddress: target.mapPublicIpOnLaunch
      ? (resource.publicIpAddress ?? autoAssignedPublicIpv4(resource.id))
      : null,
  };
  const next = withLayout({ ...design, resources: { ...design.resources, [id]: moved } }, id, {
    x: Math.round(position.x),
    y: Math.round(position.y),
    parentId: target.id as unknown as LayoutEntry['parentId'],
  });
  return {
    ok: true,
    design: next,
    message: `${resource.name} moved to ${target.name} with the new address ${address}.`,
  };
}
