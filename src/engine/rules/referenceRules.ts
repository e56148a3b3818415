import { kindLabel, referenceKinds, referencesOf, resourceById, type Design } from '../../domain';
import { finding, type Finding } from '../findings';

/**
 * Every reference a kind declares must name a resource of a kind it allows;
 * AWS refuses an id that names nothing. References that a topic rule already
 * explains in its own words (`missingCode` in the kind's spec) are left to it.
 */
export function referenceRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const resource of Object.values(design.resources)) {
    for (const ref of referencesOf(resource)) {
      if (ref.missingCode) continue;
      const allowed = referenceKinds(ref);
      for (const id of ref.ids(resource)) {
        const target = resourceById(design, id);
        if (!target) {
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
