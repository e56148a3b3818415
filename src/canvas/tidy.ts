import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Design, LayoutEntry, Resource } from '../domain';
import { containerOf } from '../engine';
import { kindView } from './kinds';
import {
  computeLayout,
  GAP,
  headerHeight,
  isContainer,
  LEAF,
  launchRooms,
  onShelf,
  PAD,
  PILL,
  perRow,
  section,
} from './layout';
import { shelfOf } from './shelf/shelf';

/**
 * Tidy up: the whole design laid out again by ELK, following the containment
 * hierarchy (Region ⊃ VPC ⊃ zone ⊃ subnet ⊃ instances) and the reading order
 * of AWS's diagrams. Each container holds up to three bands stacked top to
 * bottom (gateways and load balancers, then zones, subnets and compute, then
 * route tables, ACLs, groups and links), and each band packs its items in
 * rows (ELK's rectpacking, in the design's order), as many to a row as the
 * automatic placement puts there. Sizes come out of ELK from the inside out,
 * so every container fits what it holds with room for the next drop.
 *
 * This module builds ELK's graph and reads its answer; the ELK instance is
 * handed in (a Web Worker in the page, `tidyRunner.ts`; the bundled one in tests).
 */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Band node ids carry a character resource ids never contain, so they can't collide with a resource. */
const BAND = ' band ';
const isBand = (id: string) => id.includes(BAND);
/** The room a VPC's shelf takes, as the last band of the VPC. */
const SHELF_BAND = `${BAND}shelf`;

const spacing = String(GAP);

/**
 * The ELK graph of `design`: every resource a node, each container's children
 * grouped into bands. A band wraps after as many items as automatic placement
 * puts in a row, judged by the items' widths: `widths` (a container's width
 * from an earlier answer), else the width drawn now (`current`, the automatic layout of `design`, handed in
 * by a caller that has it already: at thousands of resources it is a long task of its own).
 */
export function tidyGraph(
  design: Design,
  widths: ReadonlyMap<string, number> = new Map(),
  current: ReturnType<typeof computeLayout> = computeLayout(design),
): ElkNode {
  const widthOf = (id: string) => widths.get(id) ?? current.get(id)?.width ?? 0;
  const rooms = launchRooms(design);
  const children = new Map<string | null, Resource[]>();
  for (const resource of Object.values(design.resources)) {
    const parent = containerOf(design, resource)?.id ?? null;
    const list = children.get(parent);
    if (list) list.push(resource);
    else children.set(parent, [resource]);
  }

  const bandsOf = (container: Resource | null): ElkNode[] => {
    const all = children.get(container?.id ?? null) ?? [];
    // A VPC's rule resources are its shelf, laid out by the canvas: ELK keeps room for the strip, last.
    const items = all.filter((item) => !onShelf(item, container));
    const bands: ElkNode[] = [];
    for (const band of [0, 1, 2]) {
      const inBand = items.filter((item) => section(item.kind) === band);
      if (inBand.length === 0) continue;
      const nodes = inBand.map(nodeOf);
      const columns = perRow(container, inBand);
      // A row as wide as the widest `columns` items side by side: rectpacking then wraps after that many.
      const sorted = inBand.map((item) => widthOf(item.id)).sort((a, b) => b - a);
      const rowWidth = sorted.slice(0, columns).reduce((sum, w) => sum + w, 0) + GAP * (columns - 1);
      bands.push({
        id: `${container?.id ?? ''}${BAND}${band}`,
        children: nodes,
        layoutOptions: {
          // Top band first: the box packing that stacks them takes higher priorities first.
          'elk.priority': String(3 - band),
          'elk.algorithm': 'rectpacking',
          'elk.padding': '[top=0,left=0,bottom=0,right=0]',
          'elk.spacing.nodeNode': spacing,
          'elk.rectpacking.widthApproximation.strategy': 'TARGET_WIDTH',
          'elk.rectpacking.widthApproximation.targetWidth': String(rowWidth),
          'elk.contentAlignment': 'V_TOP H_LEFT',
        },
      });
    }
    if (container && items.length < all.length) {
      const shelf = shelfOf(design, container.id, Math.max(widthOf(container.id), PAD + PILL.width + PAD) - 2 * PAD);
      bands.push({ id: `${container.id}${SHELF_BAND}`, width: shelf.width, height: shelf.height });
    }
    return bands;
  };

  // The bands of a container stacked one per row, left-aligned, in order (ELK's box packing, by priority, with
  // an aspect ratio far below any row's): cheaper than rectpacking, which a container of two or three bands
  // doesn't need.
  const stackOptions = (padding: { top: number; left: number; bottom: number; right: number }) => ({
    'elk.algorithm': 'box',
    'elk.box.packingMode': 'SIMPLE',
    'elk.padding': `[top=${padding.top},left=${padding.left},bottom=${padding.bottom},right=${padding.right}]`,
    'elk.spacing.nodeNode': spacing,
    'elk.aspectRatio': '0.01',
    'elk.contentAlignment': 'V_TOP H_LEFT',
  });

  function nodeOf(resource: Resource): ElkNode {
    if (!isContainer(resource)) {
      const box = current.get(resource.id);
      return { id: resource.id, width: box?.width ?? 0, height: box?.height ?? 0 };
    }
    const frame = kindView(resource.kind).frame;
    const room = rooms.get(resource.id);
    const bands = bandsOf(resource);
    const padding = {
      top: headerHeight(resource.kind),
      left: PAD,
      right: PAD,
      bottom: PAD + (frame?.dropRoom ?? 0) + (room ? room + (bands.length > 0 ? GAP : 0) : 0),
    };
    // An empty container still keeps its title and room (ELK pads only what it holds); a subnet a group
    // launches into keeps two instances' width, as automatic placement does.
    const min = {
      width: Math.max(frame?.minSize.width ?? 0, room ? PAD + 2 * LEAF.width + GAP + PAD : 0),
      height: Math.max(frame?.minSize.height ?? 0, padding.top + padding.bottom),
    };
    return {
      id: resource.id,
      children: bands,
      layoutOptions: {
        ...stackOptions(padding),
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${min.width}, ${min.height})`,
      },
    };
  }

  return {
    id: `${BAND}root`,
    children: bandsOf(null),
    layoutOptions: {
      ...stackOptions({ top: 0, left: 0, bottom: 0, right: 0 }),
      // Each container is laid out on its own, from the inside out, so its size is known before its parent's
      // layout; no edge crosses a container that the layout should weigh.
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
    },
  };
}

/** The design with every position (and every container's size) taken from ELK's answer to `tidyGraph`. */
export function tidiedDesign(design: Design, laidOut: ElkNode): Design {
  const layout: Design['layout'] = { ...design.layout };
  const visit = (node: ElkNode, parentId: string | null, offset: { x: number; y: number }) => {
    for (const child of node.children ?? []) {
      const at = { x: offset.x + (child.x ?? 0), y: offset.y + (child.y ?? 0) };
      if (child.id.endsWith(SHELF_BAND) && parentId) {
        // The pills as the canvas lays the shelf out at this width; the first one's position holds the shelf there.
        for (const pill of shelfOf(design, parentId, child.width ?? 0).pills)
          layout[pill.id] = {
            x: Math.round(at.x + pill.x),
            y: Math.round(at.y + pill.y),
            parentId: parentId as LayoutEntry['parentId'],
          };
        continue;
      }
      if (isBand(child.id)) {
        visit(child, parentId, at);
        continue;
      }
      const resource = Object.hasOwn(design.resources, child.id) ? design.resources[child.id] : undefined;
      if (!resource) continue;
      const entry: LayoutEntry = {
        x: Math.round(at.x),
        y: Math.round(at.y),
        parentId: parentId as LayoutEntry['parentId'],
      };
      if (isContainer(resource)) {
        entry.width = Math.round(child.width ?? 0) || undefined;
        entry.height = Math.round(child.height ?? 0) || undefined;
        if (entry.width === undefined) delete entry.width;
        if (entry.height === undefined) delete entry.height;
      }
      layout[child.id] = entry;
      visit(child, child.id, { x: 0, y: 0 });
    }
  };
  visit(laidOut, null, { x: 0, y: 0 });
  return { ...design, layout };
}

/** Every node's width in ELK's answer. */
function widthsIn(laidOut: ElkNode, into = new Map<string, number>()): Map<string, number> {
  for (const child of laidOut.children ?? []) {
    if (!isBand(child.id)) into.set(child.id, child.width ?? 0);
    widthsIn(child, into);
  }
  return into;
}

/**
 * The whole design laid out again (see above). A container's size is only
 * known from ELK's answer, so when the answer gives some container another
 * width than the one its band was wrapped by (today's), it is laid out a
 * second time with those widths, so zones sit side by side by their new sizes.
 */
export async function tidyDesign(design: Design, elk: ElkLayouter): Promise<Design> {
  const drawn = computeLayout(design);
  const first = await elk.layout(tidyGraph(design, new Map(), drawn));
  const widths = widthsIn(first);
  if ([...widths].every(([id, width]) => drawn.get(id)?.width === width)) return tidiedDesign(design, first);
  return tidiedDesign(design, await elk.layout(tidyGraph(design, widths, drawn)));
}
