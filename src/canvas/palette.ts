import type { NewResourceSpec } from '../engine';
import type { Kind } from '../domain';
import { KIND_VIEWS, PALETTE_GROUPS, kindIcon, kindView } from './kinds';

/** One item of the palette: what it makes, and how it is shown. */
export interface PaletteItem {
  id: string;
  label: string;
  spec: NewResourceSpec;
  icon: string;
  hint: string;
}

export interface PaletteGroup {
  name: string;
  items: PaletteItem[];
}

/** The palette, grouped the way the course teaches, built from every kind's view. */
export const PALETTE: readonly PaletteGroup[] = PALETTE_GROUPS.map((name) => ({
  name,
  items: (Object.keys(KIND_VIEWS) as Kind[]).flatMap((kind) =>
    kindView(kind)
      .palette.filter((entry) => entry.group === name)
      .map((entry): PaletteItem => ({
        id: entry.id,
        label: entry.label,
        spec: entry.variant ? { kind, variant: entry.variant } : { kind },
        icon: entry.icon ?? kindIcon(kind),
        hint: entry.hint,
      })),
  ),
})).filter((group) => group.items.length > 0);

export const PALETTE_MIME = 'application/x-nimbus-palette';

export function searchPalette(query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...PALETTE];
  return PALETTE.map((group) => ({
    ...group,
    items: group.items.filter((i) =>
      words.every((w) => `${i.label} ${group.name} ${i.hint}`.toLowerCase().includes(w)),
    ),
  })).filter((group) => group.items.length > 0);
}
