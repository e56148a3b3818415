import { specOf, type Design, type IdSource, type Kind, type KindSpec, type Resource } from '../../domain';
import { proposePrivateIp } from '../proposals';
import type { EditResult } from './result';

/**
 * Copies resources next to the originals with new ids, as each kind's spec
 * says (associations and defaults reset; instances get a fresh address in
 * their subnet). Kinds that hold others or that a VPC takes one of are not copied.
 */
export function duplicateResources(design: Design, ids: readonly string[], idSource: IdSource): EditResult {
  let working = design;
  let copied = 0;
  for (const id of ids) {
    const original = Object.hasOwn(working.resources, id) ? working.resources[id] : undefined;
    if (!original) continue;
    const how = (specOf(original) as KindSpec<Kind>).duplicate;
    if (!how) continue;
    let copy = how.reset({
      ...structuredClone(original),
      id: idSource.next(original.kind),
      name: `${original.name} copy`,
    } as never) as Resource;
    if (how.needsAddress && 'subnetId' in copy && 'privateIp' in copy) {
      const subnet = working.resources[copy.subnetId];
      const address = subnet?.kind === 'subnet' ? proposePrivateIp(working, subnet) : null;
      if (!address) continue;
      copy = { ...copy, privateIp: address };
    }
    const at = design.layout[id];
    const layout =
      at?.x !== undefined && at.y !== undefined
        ? { ...working.layout, [copy.id]: { x: at.x + 24, y: at.y + 24, parentId: at.parentId } }
        : working.layout;
    working = { ...working, resources: { ...working.resources, [copy.id]: copy }, layout };
    copied++;
  }
  if (copied === 0)
    return { ok: false, reason: 'Nothing to duplicate: Regions, VPCs, zones, subnets and gateways are not copied.' };
  return { ok: true, design: working, message: `Duplicated ${copied} resource${copied === 1 ? '' : 's'}.` };
}
