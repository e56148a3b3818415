import type { Design, NetworkAcl, Resource, RouteTable, SecurityGroup } from '../../domain';

/**
 * A VPC's rule resources (route tables, network ACLs, security groups) as one
 * compact strip of pills instead of full cards: where they act is already
 * drawn by the chips on subnets and cards, so the shelf only has to name each
 * one, count its rules and say when it acts on nothing. Every rule resource
 * gets a pill, attached or not, so each has one place to be selected from and
 * dragged onto a subnet.
 */
export type ShelfKind = 'routeTable' | 'networkAcl' | 'securityGroup';

export interface ShelfPill {
  id: string;
  kind: ShelfKind;
  name: string;
  /** "3 routes", "2 in · 1 out". */
  count: string;
  /** In words, so it never rests on colour alone: "main", "default", "not attached", or "" when associated. */
  status: 'main' | 'default' | 'not attached' | '';
  /** Offset from the shelf's top-left corner. */
  x: number;
  y: number;
}

export interface Shelf {
  vpcId: string;
  pills: ShelfPill[];
  width: number;
  height: number;
}

/** Two pills and their gap fit a VPC of the smallest width (440, less 20 of padding each side). */
export const PILL_WIDTH = 190;
/** Two lines near (name; count and state); far, one line of name as large as it fits. */
export const PILL_HEIGHT = 34;
/** As between cards: an edge keeps 8 px off every box it passes (`edges/route.ts`), so it needs 20 to run between pills. */
export const PILL_GAP = 20;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type RuleResource = RouteTable | NetworkAcl | SecurityGroup;

/** Whether a kind is drawn as a shelf pill (inside its VPC) rather than as a card. */
export const isShelfKind = (kind: Resource['kind']): kind is ShelfKind =>
  kind === 'routeTable' || kind === 'networkAcl' || kind === 'securityGroup';

const isRuleResource = (resource: Resource): resource is RuleResource => isShelfKind(resource.kind);

/** Per `resources` object (designs are never changed in place), so every pill of one design shares one scan. */
const groupsInUseCache = new WeakMap<Design['resources'], Set<string>>();

/** Ids of every security group some resource of the design names, in one pass. */
function attachedGroupIds(design: Design): Set<string> {
  const cached = groupsInUseCache.get(design.resources);
  if (cached) return cached;
  const ids = new Set<string>();
  groupsInUseCache.set(design.resources, ids);
  for (const resource of Object.values(design.resources)) {
    if (!('securityGroupIds' in resource) || !Array.isArray(resource.securityGroupIds)) continue;
    for (const id of resource.securityGroupIds as unknown[]) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

export type PillFacts = Pick<ShelfPill, 'count' | 'status'>;

/** What a rule resource's pill says besides its name: its rule count and its state in words. */
export function pillFactsOf(design: Design, resource: Resource): PillFacts | undefined {
  return isRuleResource(resource) ? pillFacts(resource, attachedGroupIds(design)) : undefined;
}

function pillFacts(resource: RuleResource, groupsInUse: ReadonlySet<string>): PillFacts {
  switch (resource.kind) {
    case 'routeTable':
      return {
        count: plural(resource.routes.length, 'route'),
        status: resource.main ? 'main' : resource.subnetIds.length > 0 ? '' : 'not attached',
      };
    case 'networkAcl':
      return {
        count: `${resource.inbound.length} in · ${resource.outbound.length} out`,
        status: resource.isDefault ? 'default' : resource.subnetIds.length > 0 ? '' : 'not attached',
      };
    case 'securityGroup':
      return {
        count: `${resource.inbound.length} in · ${resource.outbound.length} out`,
        status: groupsInUse.has(resource.id) ? '' : resource.isDefault ? 'default' : 'not attached',
      };
  }
}

/**
 * The shelf of one VPC, `maxWidth` wide at most. Pills go in the order the
 * resources were added to the design and wrap into rows of equal columns, so
 * adding one puts it after the last and moves no other pill; a new route
 * table dropped from the palette therefore lands at the end of its VPC's shelf.
 */
export function shelfOf(design: Design, vpcId: string, maxWidth: number): Shelf {
  const columns = Math.max(1, Math.floor((maxWidth + PILL_GAP) / (PILL_WIDTH + PILL_GAP)));
  const groupsInUse = attachedGroupIds(design);
  const pills: ShelfPill[] = [];
  for (const resource of Object.values(design.resources)) {
    if (!isRuleResource(resource) || resource.vpcId !== vpcId) continue;
    const index = pills.length;
    pills.push({
      id: resource.id,
      kind: resource.kind,
      name: resource.name,
      ...pillFacts(resource, groupsInUse),
      x: (index % columns) * (PILL_WIDTH + PILL_GAP),
      y: Math.floor(index / columns) * (PILL_HEIGHT + PILL_GAP),
    });
  }
  const rows = Math.ceil(pills.length / columns);
  const used = Math.min(columns, pills.length);
  return {
    vpcId,
    pills,
    width: used === 0 ? 0 : used * PILL_WIDTH + (used - 1) * PILL_GAP,
    height: rows === 0 ? 0 : rows * PILL_HEIGHT + (rows - 1) * PILL_GAP,
  };
}
