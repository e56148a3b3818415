import type { NodeTypes } from '@xyflow/react';
import type { Design, Kind, ResourceOf } from '../../domain';
import type { NewResourceSpec } from '../../engine';
import type { NodeFacts } from '../facts';

/** The palette's groups, in the order the course teaches them. */
export const PALETTE_GROUPS = [
  'Networking',
  'Security',
  'Compute',
  'Containers',
  'Serverless',
  'Database',
  'Hybrid',
  'Actors',
] as const;
export type PaletteGroupName = (typeof PALETTE_GROUPS)[number];

/** One palette item a kind offers (a kind may offer several variants: Fargate or EC2 services, trigger sources). */
export interface PaletteEntry {
  group: PaletteGroupName;
  id: string;
  label: string;
  hint: string;
  variant?: NewResourceSpec['variant'];
  /** Defaults to the kind's icon. */
  icon?: string;
}

/**
 * Everything the canvas knows about one kind: how its node looks, where the
 * palette offers it, which band of its container it is placed in, the facts
 * its node shows and its colour in library thumbnails.
 */
export interface KindView<K extends Kind> {
  node: NodeTypes[string];
  icon: string;
  palette: readonly PaletteEntry[];
  /** Placement band inside its container: gateways on top, rules and links below, the rest between. */
  band: 'top' | 'main' | 'bottom';
  /** How a container kind's frame is laid out; leaves have none. */
  frame?: ContainerFrameLayout;
  /** Adds this kind's lines and badges to the node's facts (the title is already set). */
  facts(design: Design, resource: ResourceOf<K>, facts: NodeFacts): void;
  /**
   * References drawn as edges: the field (as the kind's spec names it), the
   * edge's role, and whether it points from this resource to the one named
   * (`out`) or the other way (`in`), which decides the handles it joins.
   */
  edges?: readonly { field: string; role: 'link' | 'trigger'; direction: 'out' | 'in' }[];
  /** Fill and stroke in library thumbnails; leaves share one grey. */
  thumbnail?: { fill: string; stroke: string };
}

/** A container's frame: its smallest size, title height, room kept free for the next drop, items per row. */
export interface ContainerFrameLayout {
  minSize: { width: number; height: number };
  /** Height of the title block (52 px; subnets show their badges on a third line). */
  headerHeight?: number;
  /** Free space at the bottom, so there is always somewhere to drop the next thing. */
  dropRoom?: number;
  /** Items per row before wrapping; by default 3, or 4 when some items are containers. */
  columns?: number;
}

export type KindViewRegistry = { readonly [K in Kind]: KindView<K> };
