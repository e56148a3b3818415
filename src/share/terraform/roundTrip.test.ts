import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../domain/design';
import { TEMPLATES } from '../../scenarios/templates';
import { LESSONS } from '../../scenarios/learn/lessons';
import { SOLUTIONS } from '../../scenarios/learn/solutions';
import { generateDesign, generateMultiVpc, generateJoinedVpcs } from '../../../bench/generate';
import { exportTerraform } from './exportTerraform';
import { importTerraform } from './format';

/** Design → HCL + sidecar → design. */
function roundTrip(design: Design): Design {
  const [tf, sidecar] = exportTerraform(design);
  const back = importTerraform(tf!.text, tf!.name, [{ name: sidecar!.name, text: sidecar!.text }]);
  if (!back.ok) throw new Error(back.message);
  return back.design;
}

const lessonDesigns = LESSONS.flatMap((lesson) => {
  const solve = SOLUTIONS[lesson.id];
  return [
    [`${lesson.id} start`, lesson.start] as const,
    ...(solve ? [[`${lesson.id} solution`, solve(lesson.start)] as const] : []),
  ];
});

describe('Terraform round trip (HCL + sidecar)', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s comes back the same design', (_, template) => {
    const design = template.build();
    expect(roundTrip(design)).toEqual(design);
  });

  it.each(lessonDesigns)('lesson design %s comes back the same', (_, design) => {
    expect(roundTrip(design)).toEqual(design);
  });

  it('generated designs of many sizes come back the same (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(generateDesign, generateMultiVpc, generateJoinedVpcs),
        (size, generate) => {
          const design = generate === generateDesign ? generate(size) : generate(size, 1 + (size % 4));
          expect(roundTrip(design)).toEqual(design);
        },
      ),
      { numRuns: 15 },
    );
  });
});
