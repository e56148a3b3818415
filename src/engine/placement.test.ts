import { describe, expect, it } from 'vitest';
import {
  ALL_KINDS,
  createAvailabilityZone,
  createSubnet,
  idSourceFor,
  kindSpec,
  ResourceSchema,
  type Design,
  type Kind,
  type Region,
  type Resource,
  type Vpc,
} from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { validateDesign } from './validate';
import { createForDrop } from './placement';

/** The hybrid template holds a container of every kind that takes drops. */
const hybrid = (): Design => TEMPLATES.find((t) => t.id === 'hybrid')!.build();

/** The hybrid template with a subnet in a second zone: an ALB and a DB subnet group need two. */
function hybridTwoZones(): Design {
  const design = hybrid();
  const ids = idSourceFor(design);
  const vpc = Object.values(design.resources).find((r): r is Vpc => r.kind === 'vpc')!;
  const region = Object.values(design.resources).find((r): r is Region => r.kind === 'region')!;
  const zone = createAvailabilityZone(ids, region.id, 'us-east-1b');
  const subnet = createSubnet(ids, vpc.id, zone.id, '10.0.200.0/24', 'Second-zone subnet');
  return { ...design, resources: { ...design.resources, [zone.id]: zone, [subnet.id]: subnet } };
}

function dropSomewhere(design: Design, kind: Kind) {
  const containers: Array<Resource | undefined> = kindSpec(kind).containers.includes(null) ? [undefined] : [];
  for (const r of Object.values(design.resources)) if (kindSpec(kind).containers.includes(r.kind)) containers.push(r);
  for (const container of containers) {
    const placement = createForDrop(design, { kind }, container, idSourceFor(design));
    if (placement.ok) return placement;
  }
  return undefined;
}

describe('each kind’s create', () => {
  it('makes a valid resource of its kind where its containers allow, adding no error to the design', () => {
    let design = hybridTwoZones();
    // The internet and a function first, so a trigger has something to invoke.
    for (const kind of ['lambdaFunction', ...ALL_KINDS.filter((k) => k !== 'lambdaFunction')] as Kind[]) {
      const placement = dropSomewhere(design, kind);
      if (kind === 'internet' && !placement) continue; // already on the canvas: refused by design
      expect(placement, kind).toBeDefined();
      if (!placement) continue;
      const primary = placement.resources.find((r) => r.id === placement.primaryId)!;
      expect(primary.kind).toBe(kind);
      for (const r of placement.resources) expect(ResourceSchema.safeParse(r).success, `${kind}: ${r.id}`).toBe(true);
      const before = new Set(
        validateDesign(design)
          .filter((f) => f.severity === 'error')
          .map((f) => f.code),
      );
      const resources = { ...design.resources };
      for (const r of placement.resources) resources[r.id] = r;
      design = { ...design, resources };
      const added = validateDesign(design).filter((f) => f.severity === 'error' && !before.has(f.code));
      expect(
        added.map((f) => f.code),
        kind,
      ).toEqual([]);
    }
  });

  it('refuses a drop its containers do not allow, naming where it goes', () => {
    const design = hybrid();
    expect(createForDrop(design, { kind: 'ec2Instance' }, undefined, idSourceFor(design))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('inside a subnet'),
    });
  });
});
