import { describe, expect, it } from 'vitest';
import { referencesOf, type Design, type Resource } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { sampleDesign } from '../testing/sampleDesign';
import { validateDesign } from '../validate';

/** The design with every mention of `id` inside `resource` (not its own id) replaced by a missing one. */
function pointAtNothing(design: Design, resource: Resource, id: string): Design {
  const { id: own, ...rest } = resource;
  const rewired = JSON.parse(JSON.stringify(rest).split(JSON.stringify(id)).join('"gone-1"')) as Omit<Resource, 'id'>;
  return { ...design, resources: { ...design.resources, [own]: { ...rewired, id: own } as Resource } };
}

describe('every declared reference is checked once', () => {
  it('reports each reference to nothing exactly once: by its topic rule or by REFERENCE_MISSING, never both', () => {
    for (const t of TEMPLATES) {
      const design = t.build();
      for (const resource of Object.values(design.resources)) {
        for (const ref of referencesOf(resource)) {
          if (ref.onDelete === 'keep' && ref.missingCode === undefined) continue;
          const [id] = ref.ids(resource);
          if (!id) continue;
          const broken = pointAtNothing(design, resource, id);
          const onIt = validateDesign(broken).filter((f) => (f.resourceId as string) === resource.id);
          const codes = onIt.map((f) => f.code);
          const holders = referencesOf(resource).filter((r) => r.ids(resource).includes(id)).length;
          const missing = onIt.filter((f) => f.code.endsWith('_MISSING')).length;
          const where = `${t.id}: ${resource.id}.${ref.field}`;
          const generic = codes.filter((c) => c === 'REFERENCE_MISSING').length;
          const topical = ref.missingCode ? codes.filter((c) => c === ref.missingCode).length : 0;
          expect(generic + topical, where).toBeGreaterThan(0);
          if (topical > 0) expect(generic, `${where}: reported by ${ref.missingCode} and REFERENCE_MISSING`).toBe(0);
          expect(missing, `${where}: one "missing" finding per reference, got ${codes.join(', ')}`).toBeLessThanOrEqual(
            holders,
          );
        }
      }
    }
  });

  it('still checks a reference the topic rule skips: a terminated instance’s group', () => {
    const design = sampleDesign();
    const web = Object.values(design.resources).find((r) => r.kind === 'ec2Instance')!;
    const terminated = { ...web, state: 'terminated' as const, securityGroupIds: ['sg-gone' as never] };
    const findings = validateDesign({ ...design, resources: { ...design.resources, [web.id]: terminated } });
    expect(findings.filter((f) => (f.resourceId as string) === web.id).map((f) => f.code)).toEqual([
      'REFERENCE_MISSING',
    ]);
  });

  it('names a reference to the wrong kind', () => {
    const design = sampleDesign();
    const subnet = Object.values(design.resources).find((r) => r.kind === 'subnet')!;
    const fn = {
      kind: 'lambdaFunction',
      id: 'fn-1',
      name: 'fn',
      regionId: subnet.id,
      runtime: 'nodejs22.x',
      architecture: 'x86_64',
      memoryMb: 512,
      timeoutSeconds: 30,
      averageDurationMs: 100,
      reservedConcurrency: null,
      provisionedConcurrency: 0,
      errorRate: 0,
      asyncInvocation: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600, onFailure: 'discard' },
      vpcConfig: null,
    } as unknown as Resource;
    const findings = validateDesign({ ...design, resources: { ...design.resources, [fn.id]: fn } });
    expect(findings.find((f) => (f.resourceId as string) === fn.id)).toMatchObject({
      code: 'REFERENCE_WRONG_KIND',
      message: expect.stringContaining('which is a subnet; it must be a Region'),
    });
  });
});
