import { getResource, resourceById, type Design, type ResourceOf } from '../../domain';
import type { Finding } from '../findings';

/** A resource's name for a finding, or its id when it is gone. */
export const nameOf = (design: Design, id: string): string => resourceById(design, id)?.name ?? id;

type VpcScoped = 'subnet' | 'securityGroup' | 'targetGroup';

/**
 * One finding per resource a field names that is in another VPC than its
 * owner's (a load balancer's groups, a group's subnets...). Ids that name
 * nothing are the generic reference rule's to report.
 */
export function outsideVpc<K extends VpcScoped>(
  design: Design,
  ids: readonly string[],
  kind: K,
  vpcId: string,
  report: (resource: ResourceOf<K>) => Finding,
): Finding[] {
  const out: Finding[] = [];
  for (const id of ids) {
    const resource = getResource(design, id, kind);
    // Every kind of `VpcScoped` has a `vpcId`; TypeScript can't see it through the generic lookup.
    if (resource && (resource as { vpcId: string }).vpcId !== vpcId) out.push(report(resource));
  }
  return out;
}
