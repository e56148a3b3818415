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
  /** Smallest size of a container kind's frame. */
  minSize?: { width: number; height: number };
  /** Adds this kind's lines and badges to the node's facts (the title is already set). */
  facts(design: Design, resource: ResourceOf<K>, facts: NodeFacts): void;
  /** Fill and stroke in library thumbnails; leaves share one grey. */
  thumbnail?: { fill: string; stroke: string };
}

export type KindViewRegistry = { readonly [K in Kind]: KindView<K> };
