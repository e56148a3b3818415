import { describe, expect, it } from 'vitest';
import { ALL_KINDS, CONTAINER_KINDS } from '../../domain';
import { PALETTE } from '../palette';
import { KIND_VIEWS, NODE_TYPES } from './registry';
import type { KindViewRegistry } from './view';

describe('the canvas kind registry', () => {
  it('has a view and a node component for every kind of the domain registry', () => {
    expect(Object.keys(KIND_VIEWS).sort()).toEqual([...ALL_KINDS].sort());
    for (const kind of ALL_KINDS) expect(typeof NODE_TYPES[kind]).toBe('function');
  });

  it('gives every container kind a frame layout, and no leaf one', () => {
    for (const kind of ALL_KINDS) expect(KIND_VIEWS[kind].frame !== undefined, kind).toBe(CONTAINER_KINDS.has(kind));
  });

  it('offers every kind in the palette under unique ids', () => {
    const items = PALETTE.flatMap((group) => group.items);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.spec.kind))).toEqual(new Set(ALL_KINDS));
  });

  it('does not compile when a kind lacks a view', () => {
    const { subnet: _left, ...withoutSubnet } = KIND_VIEWS;
    // @ts-expect-error a registry without the subnet's view is not a KindViewRegistry
    const incomplete: KindViewRegistry = withoutSubnet;
    expect(Object.keys(incomplete)).not.toContain('subnet');
  });
});
