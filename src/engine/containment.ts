import { containerOf, kindLabel, kindSpec, type Design, type Kind, type Resource } from '../domain';

/**
 * Where each kind is drawn, the way AWS architecture diagrams nest them
 * (Region > VPC > Availability Zone > subnet > instance), comes from the kind
 * registry: `containers`, `isContainer` and `containerOf` in `domain/kinds/`.
 * Source: AWS Architecture Icons, "Groups" guidance.
 */
export { containerOf, CONTAINER_KINDS, kindLabel } from '../domain';

/** The chain of containers above a resource, nearest first. */
export function ancestorsOf(design: Design, resource: Resource): Resource[] {
  const chain: Resource[] = [];
  for (let parent = containerOf(design, resource); parent && chain.length < 10; parent = containerOf(design, parent))
    chain.push(parent);
  return chain;
}

/** The Region a container sits in (itself when it is one). */
export function regionOf(design: Design, resource: Resource | undefined): Resource | undefined {
  if (!resource) return undefined;
  if (resource.kind === 'region') return resource;
  return ancestorsOf(design, resource).find((r) => r.kind === 'region');
}

export type DropCheck = { ok: true } | { ok: false; reason: string };

/**
 * May a new or moved resource of `kind` go into `container` (undefined: bare canvas)?
 * The reason is short enough to show at the pointer.
 */
export function checkDrop(design: Design, kind: Kind, container: Resource | undefined): DropCheck {
  const allowed = kindSpec(kind).containers;
  const target = container?.kind ?? null;
  if (allowed.includes(target)) {
    if (kind === 'subnet' && container?.kind === 'availabilityZone') {
      const vpc = containerOf(design, container);
      if (vpc?.kind !== 'vpc')
        return { ok: false, reason: 'A subnet belongs to a VPC: put the Availability Zone inside a VPC first.' };
    }
    if (kind === 'availabilityZone' && container?.kind === 'vpc' && !regionOf(design, container)) {
      return { ok: false, reason: 'Put the VPC in a Region before adding Availability Zones.' };
    }
    return { ok: true };
  }
  const where = allowed.map((k) => (k === null ? 'on the open canvas' : `inside ${kindLabel(k)}`)).join(' or ');
  const here = container ? `in ${kindLabel(container.kind)}` : 'on the open canvas';
  return { ok: false, reason: `${capitalise(kindLabel(kind))} can't go ${here}; drop it ${where}.` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
