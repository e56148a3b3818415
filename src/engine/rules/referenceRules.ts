import { kindLabel, referenceKinds, referencesOf, resourceById, type Design } from '../../domain';
import { finding, type Finding } from '../findings';

/**
 * Every reference a kind declares must name a resource of a kind it allows;
 * AWS refuses an id that names nothing. A topic rule that explains a missing
 * reference in its own words (the reference's `missingCode`) wins when it
 * reported it for that resource; otherwise this rule does, so a reference the
 * topic rule skips (a terminated instance, a service without subnets) is
 * still checked, and none is reported twice.
 */
export function referenceRules(design: Design, reported: readonly Finding[]): Finding[] {
  const already = new Set(reported.map((f) => `${f.resourceId}\u0000${f.code}`));
  const out: Finding[] = [];
  for (const resource of Object.values(design.resources)) {
    for (const ref of referencesOf(resource)) {
      const allowed = referenceKinds(ref);
      for (const id of ref.ids(resource)) {
        const target = resourceById(design, id);
        if (!target) {
          if (ref.missingCode && already.has(`${resource.id}\u0000${ref.missingCode}`)) continue;
          out.push(
            finding(
              'error',
              'REFERENCE_MISSING',
              resource.id,
              `${resource.name} names ${id} in ${ref.field}, which does not exist.`,
              `Choose ${allowed.map(kindLabel).join(' or ')} that exists, or clear the field.`,
            ),
          );
        } else if (!allowed.includes(target.kind)) {
          if (ref.missingCode && already.has(`${resource.id}\u0000${ref.missingCode}`)) continue;
          out.push(
            finding(
              'error',
              'REFERENCE_WRONG_KIND',
              resource.id,
              `${resource.name} names ${target.name} in ${ref.field}, which is ${kindLabel(target.kind)}; it must be ${allowed.map(kindLabel).join(' or ')}.`,
            ),
          );
        }
      }
    }
  }
  return out;
}
