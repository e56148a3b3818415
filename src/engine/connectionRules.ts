import { produce, type Draft } from 'immer';
import { specOf, type Design, type IdSource, type Kind, type KindSpec, type Resource } from '../domain';

/**
 * What joining two resources on the canvas means, the AWS way: a subnet and a
 * route table make an association, a route table and a gateway make a route,
 * an instance and a security group make a membership... Order does not matter.
 */
export type Connection = { ok: true; design: Design; summary: string } | { ok: false; reason: string };

export type Rule = (design: Design, a: Resource, b: Resource, ids: IdSource) => Connection | null;

export const refuse = (reason: string): Connection => ({ ok: false, reason });
/** The VPC a resource belongs to: a route target's as its kind declares, otherwise its own `vpcId`. */
export const vpcOf = (design: Design, r: Resource): string | null => {
  const target = (specOf(r) as KindSpec<Kind>).routeTarget;
  if (target) return target.vpcOf(design, r as never);
  return 'vpcId' in r && typeof r.vpcId === 'string' ? r.vpcId : null;
};
export const edit = (design: Design, summary: string, recipe: (d: Draft<Design>) => void): Connection => ({
  ok: true,
  design: produce(design, recipe),
  summary,
});
export const sameVpc = (design: Design, a: Resource, b: Resource) =>
  vpcOf(design, a) !== null && vpcOf(design, a) === vpcOf(design, b);

/** Finds the pair in either order. */
export function pair<A extends Resource['kind'], B extends Resource['kind']>(
  a: Resource,
  b: Resource,
  kindA: A,
  kindB: B,
): [Extract<Resource, { kind: A }>, Extract<Resource, { kind: B }>] | null {
  if (a.kind === kindA && b.kind === kindB)
    return [a as Extract<Resource, { kind: A }>, b as Extract<Resource, { kind: B }>];
  if (b.kind === kindA && a.kind === kindB)
    return [b as Extract<Resource, { kind: A }>, a as Extract<Resource, { kind: B }>];
  return null;
}
