import { resourcesOfKind, withEksNodeGroups, type Design, type Kind, type Resource } from '../domain';
import { CONTAINER_KINDS, containerOf } from '../engine';
import { kindView } from './kinds';
import { isShelfKind, PILL_HEIGHT, PILL_WIDTH, shelfOf, type Shelf } from './shelf/shelf';

/**
 * Where every node goes. Stored positions win; resources without one (from a
 * template or a hand-written file) are placed in sections the way AWS
 * diagrams read (gateways on top, zones side by side), and every container
 * grows to fit what it holds. A VPC's route tables, ACLs and groups are not
 * placed by position at all: they are pills of its shelf (`shelf/shelf.ts`),
 * one strip below everything else the VPC holds, in the design's order; a
 * position stored for one (a design saved when they were cards) is ignored.
 *
 * Automatic placement is a fallback: `placeMissing` writes its result into the
 * design once (on opening, and in the same step as an edit that adds something
 * without a position), so from then on nothing moves unless the user moves it.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
}

export const LEAF = { width: 220, height: 64 } as const;
export const PAD = 20;
/** Height of a container's title block: subnets show badges on a third line. */
export function headerHeight(kind: Kind): number {
  return kindView(kind).frame?.headerHeight ?? HEADER;
}
/** The smallest header, for clamping positions where the container kind is not at hand. */
export const HEADER = 52;
export const GAP = 20;

const BAND = { top: 0, main: 1, bottom: 2 } as const;

/** Which band of its container a kind is placed in (0 top, 1 main, 2 bottom), from its view. */
export const section = (kind: Kind): number => BAND[kindView(kind).band];

/** How many items a row of the container holds before wrapping. */
export function perRow(container: Resource | null, items: readonly Resource[]): number {
  const columns = container ? kindView(container.kind).frame?.columns : undefined;
  return columns ?? (items.some((item) => CONTAINER_KINDS.has(item.kind)) ? 4 : 3);
}

export function isContainer(resource: Resource): boolean {
  return CONTAINER_KINDS.has(resource.kind);
}

/** The box of a rule resource's pill, on its VPC's shelf or (with no VPC to hold it) on its own. */
export const PILL = { width: PILL_WIDTH, height: PILL_HEIGHT } as const;

/** Whether `resource` is drawn as a pill on the shelf of `container`: then the shelf, not a position, places it. */
export function onShelf(resource: Resource, container: Resource | null | undefined): boolean {
  return container?.kind === 'vpc' && isShelfKind(resource.kind);
}

/** Launched instances a subnet keeps room for: up to this many of its groups' maximum, two to a row. */
const LAUNCH_ROOM_INSTANCES = 4;

/**
 * The height each subnet an Auto Scaling group launches into keeps free below
 * its own items, so the instances the simulation launches there show inside
 * it (the canvas draws them in that room; see `launched.ts`).
 */
export function launchRooms(design: Design): Map<string, number> {
  const rooms = new Map<string, number>();
  // EKS node groups launch through the Auto Scaling group EKS makes for each.
  for (const group of resourcesOfKind(withEksNodeGroups(design), 'autoScalingGroup')) {
    const rows = Math.ceil(Math.min(group.maxSize, LAUNCH_ROOM_INSTANCES) / 2);
    for (const subnetId of group.subnetIds)
      rooms.set(subnetId, Math.max(rooms.get(subnetId) ?? 0, rows * (LEAF.height + GAP)));
  }
  return rooms;
}

export function computeLayout(design: Design): Map<string, Box> {
  return layOut(design).boxes;
}

/** Whether `resource` has a stored position in the container it is drawn in (otherwise it is placed automatically). */
function storedPosition(design: Design, resource: Resource, parentId: string | null) {
  const stored = Object.hasOwn(design.layout, resource.id) ? design.layout[resource.id] : undefined;
  return stored?.x !== undefined && stored.y !== undefined && (stored.parentId ?? null) === parentId
    ? stored
    : undefined;
}

/**
 * The design with a stored position for every resource that had none, at the
 * box automatic placement gives it, and every other entry as it was. Placing
 * below everything already placed, it never moves another box. The same
 * design object when nothing is missing, so calling it again changes nothing.
 */
export function placeMissing(design: Design): Design {
  let missing = false;
  for (const resource of Object.values(design.resources)) {
    if (!storedPosition(design, resource, containerOf(design, resource)?.id ?? null)) {
      missing = true;
      break;
    }
  }
  if (!missing) return design;
  const { boxes, automatic } = layOut(design);
  const layout = { ...design.layout };
  for (const id of automatic) {
    const box = boxes.get(id)!;
    const previous = Object.hasOwn(layout, id) ? layout[id] : undefined;
    layout[id] = {
      ...previous,
      x: box.x,
      y: box.y,
      parentId: box.parentId as Design['layout'][string]['parentId'],
    };
  }
  return { ...design, layout };
}

function layOut(design: Design): { boxes: Map<string, Box>; automatic: string[] } {
  const automatic: string[] = [];
  const rooms = launchRooms(design);
  const children = new Map<string | null, Resource[]>();
  for (const resource of Object.values(design.resources)) {
    const parent = containerOf(design, resource)?.id ?? null;
    const list = children.get(parent);
    if (list) list.push(resource);
    else children.set(parent, [resource]);
  }
  const boxes = new Map<string, Box>();

  const place = (container: Resource | null): { width: number; height: number } => {
    const parentId = container?.id ?? null;
    const items = children.get(parentId) ?? [];
    const sizes = new Map<string, { width: number; height: number }>();
    for (const item of items)
      sizes.set(item.id, isContainer(item) ? place(item) : isShelfKind(item.kind) ? PILL : LEAF);
    const shelved = new Set(items.filter((item) => onShelf(item, container)).map((item) => item.id));

    const top = container ? headerHeight(container.kind) : 0;
    const left = container ? PAD : 0;
    let right = 0;
    let bottom = top;
    const unplaced: Resource[] = [];
    for (const item of items) {
      if (shelved.has(item.id)) continue;
      const stored = storedPosition(design, item, parentId);
      const size = sizes.get(item.id)!;
      if (stored?.x !== undefined && stored.y !== undefined) {
        const width = Math.max(size.width, stored.width ?? 0);
        const height = Math.max(size.height, stored.height ?? 0);
        boxes.set(item.id, { x: stored.x, y: stored.y, width, height, parentId });
        right = Math.max(right, stored.x + width);
        bottom = Math.max(bottom, stored.y + height);
      } else {
        unplaced.push(item);
      }
    }
    // Unplaced items flow in bands below whatever the user already placed.
    let y = unplaced.length > 0 && bottom > top ? bottom + GAP : top;
    for (const band of [0, 1, 2]) {
      const inBand = unplaced.filter((item) => section(item.kind) === band);
      const columns = perRow(container, inBand);
      for (let start = 0; start < inBand.length; start += columns) {
        let x = left;
        let rowHeight = 0;
        for (const item of inBand.slice(start, start + columns)) {
          const size = sizes.get(item.id)!;
          boxes.set(item.id, { x, y, ...size, parentId });
          automatic.push(item.id);
          x += size.width + GAP;
          rowHeight = Math.max(rowHeight, size.height);
          right = Math.max(right, x - GAP);
        }
        y += rowHeight + GAP;
        bottom = Math.max(bottom, y - GAP);
      }
    }
    if (!container) return { width: right, height: bottom };
    const frame = kindView(container.kind).frame;
    const min = frame?.minSize ?? LEAF;
    const stored = Object.hasOwn(design.layout, container.id) ? design.layout[container.id] : undefined;
    const width = Math.max(
      min.width,
      right + PAD,
      rooms.has(container.id) ? PAD + 2 * LEAF.width + GAP + PAD : 0,
      stored?.width ?? 0,
      shelved.size > 0 ? PAD + PILL.width + PAD : 0,
    );
    if (shelved.size > 0) {
      const shelf = shelfOf(design, container.id, width - 2 * PAD);
      const shelfTop = shelfTopOf(design, shelf, { top, below: bottom > top ? bottom + GAP : top }, (row) =>
        items.some((item) => !shelved.has(item.id) && overlaps(boxes.get(item.id)!, row)),
      );
      for (const pill of shelf.pills) {
        boxes.set(pill.id, { x: PAD + pill.x, y: shelfTop + pill.y, ...PILL, parentId });
        if (!storedPosition(design, design.resources[pill.id]!, parentId)) automatic.push(pill.id);
      }
      bottom = Math.max(bottom, shelfTop + shelf.height);
    }
    return {
      width,
      height: Math.max(
        min.height,
        bottom + PAD + (frame?.dropRoom ?? 0),
        rooms.has(container.id) ? bottom + (bottom > top ? GAP : 0) + rooms.get(container.id)! + PAD : 0,
        stored?.height ?? 0,
      ),
    };
  };

  place(null);
  return { boxes, automatic };
}

/**
 * The shelf's top edge inside its VPC. Once placed it stays put: its first pill's stored position holds it
 * (less that pill's row), so an item growing or dropped elsewhere in the VPC never moves it, and a design saved
 * when rule resources were cards opens with the shelf where their band began. With no stored pill, or where
 * that row would lie over something else the VPC holds, it goes `below` everything else.
 */
function shelfTopOf(
  design: Design,
  shelf: Shelf,
  { top, below }: { top: number; below: number },
  covers: (row: Omit<Box, 'parentId'>) => boolean,
): number {
  for (const pill of shelf.pills) {
    const stored = Object.hasOwn(design.layout, pill.id) ? design.layout[pill.id] : undefined;
    if (stored?.y === undefined || (stored.parentId ?? null) !== shelf.vpcId) continue;
    const y = Math.max(top, stored.y - pill.y);
    return covers({ x: PAD, y, width: Math.max(shelf.width, 1), height: shelf.height }) ? below : y;
  }
  return below;
}

const overlaps = (a: Omit<Box, 'parentId'>, b: Omit<Box, 'parentId'>) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Puts each copy (`[copy, original]`) to the right of its original, in the
 * same container and row, stepping further right past any sibling already
 * there; the container grows to the right if it must. Nothing else moves.
 */
export function placeBeside(design: Design, copies: ReadonlyArray<readonly [string, string]>): Design {
  const boxes = computeLayout(design);
  const layout = { ...design.layout };
  const taken = new Map<string | null, Box[]>();
  const siblingsIn = (parentId: string | null) => {
    let list = taken.get(parentId);
    if (!list) {
      list = [...boxes].filter(([, box]) => box.parentId === parentId).map(([, box]) => box);
      taken.set(parentId, list);
    }
    return list;
  };
  for (const [copyId, originalId] of copies) {
    const original = boxes.get(originalId);
    const copy = boxes.get(copyId);
    if (!original || !copy || original.parentId !== copy.parentId) continue;
    const siblings = siblingsIn(original.parentId).filter((box) => box !== boxes.get(copyId));
    const spot: Box = { ...copy, x: original.x + original.width + GAP, y: original.y };
    for (let tries = 0; tries < 50 && siblings.some((box) => overlaps(box, spot)); tries++) spot.x += copy.width + GAP;
    siblings.push(spot);
    taken.set(original.parentId, siblings);
    layout[copyId] = {
      ...(Object.hasOwn(layout, copyId) ? layout[copyId] : undefined),
      x: spot.x,
      y: spot.y,
      parentId: original.parentId as Design['layout'][string]['parentId'],
    };
  }
  return { ...design, layout };
}

/** The box a new item of `kind` is drawn with before it holds anything. */
export function newItemSize(kind: Kind): { width: number; height: number } {
  return kindView(kind).frame?.minSize ?? LEAF;
}

/**
 * Where a new item of `kind` dropped at `point` (flow coordinates) goes:
 * centred on the pointer, relative to the container under it and clamped
 * inside that container (below its title, off its edges), so a drop near an
 * edge neither spills out nor drifts further down and right with each level
 * of nesting. Where that spot would cover one of `siblings` (boxes relative
 * to the same container), it goes just below them instead; only then, or when
 * the item is larger than the free space, does the container grow, to the
 * right and down, in place. No other box moves.
 */
export function dropPosition(
  kind: Kind,
  point: { x: number; y: number },
  container: { kind: Kind; x: number; y: number; width: number; height: number } | null,
  siblings: readonly Omit<Box, 'parentId'>[] = [],
): { x: number; y: number } {
  const size = newItemSize(kind);
  const spot = { x: point.x - size.width / 2, y: point.y - size.height / 2, ...size };
  if (container) {
    const top = headerHeight(container.kind);
    const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));
    spot.x = clamp(spot.x - container.x, PAD, container.width - PAD - size.width);
    spot.y = clamp(spot.y - container.y, top, container.height - PAD - size.height);
  }
  const covers = (box: Omit<Box, 'parentId'>) =>
    spot.x < box.x + box.width + GAP &&
    box.x < spot.x + spot.width + GAP &&
    spot.y < box.y + box.height + GAP &&
    box.y < spot.y + spot.height + GAP;
  // Each step moves strictly down past a sibling, so this ends; the bound is only a guard.
  for (let step = 0; step < siblings.length; step++) {
    const under = siblings.filter(covers);
    if (under.length === 0) break;
    spot.y = Math.max(...under.map((box) => box.y + box.height)) + GAP;
  }
  return { x: Math.round(spot.x), y: Math.round(spot.y) };
}
