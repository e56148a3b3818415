import { describe, expect, it } from 'vitest';
import type { Design } from '../domain';
import { formatEndpoint } from '../engine';
import { TEMPLATES } from '../scenarios/templates';
import { endpointOptions, pickReachSource, shownDestination } from './endpoints';

const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
const options = endpointOptions(design);
const instance = (d: Design, name: string) =>
  formatEndpoint({ kind: 'resource', id: Object.values(d.resources).find((r) => r.name === name)!.id });
const resources = options.filter((o) => o.spec.kind === 'resource').map((o) => o.value);

describe('the reachability form’s destination', () => {
  it('defaults to the first resource that is not the source', () => {
    expect(shownDestination(options, 'internet', null)).toBe(resources[0]);
    expect(shownDestination(options, resources[0]!, null)).toBe(resources[1]);
  });

  it('keeps a chosen destination while it exists', () => {
    expect(shownDestination(options, 'internet', resources[2]!)).toBe(resources[2]);
    expect(shownDestination(options, 'internet', 'resource:gone')).toBe(resources[0]);
  });
});

describe('“Can this reach…?” from the canvas', () => {
  it('sets the source and never makes the destination the same resource', () => {
    // The form as it opens: from the internet, destination by default the first resource.
    const first = resources[0]!;
    const next = pickReachSource(options, { from: 'internet', to: null }, first);
    expect(next.from).toBe(first);
    expect(shownDestination(options, next.from, next.to)).not.toBe(first);
  });

  it('leaves the destination on screen as it was', () => {
    const web = instance(design, 'Web A');
    const app = instance(design, 'App A');
    expect(pickReachSource(options, { from: 'internet', to: app }, web)).toEqual({ from: web, to: app });
    // Shown by default, not chosen: it stays all the same.
    const shown = shownDestination(options, 'internet', null);
    const other = resources.find((r) => r !== shown)!;
    expect(pickReachSource(options, { from: 'internet', to: null }, other)).toEqual({ from: other, to: shown });
  });

  it('clears a chosen destination that is the picked resource', () => {
    const web = instance(design, 'Web A');
    const next = pickReachSource(options, { from: 'internet', to: web }, web);
    expect(next).toEqual({ from: web, to: null });
    expect(shownDestination(options, next.from, next.to)).not.toBe(web);
  });
});
