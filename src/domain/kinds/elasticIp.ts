import { layoutParent } from '../lookup';
import type { Resource } from '../design';
import type { KindSpec } from './spec';
import { createElasticIp } from '../factories';
import { created } from './drop';

/** The Region a resource is drawn in, walking up the containers (bounded, so a cycle can't hang). */
function regionAbove(resource: Resource, containerOf: (r: Resource) => Resource | undefined) {
  let at: Resource | undefined = containerOf(resource);
  for (let depth = 0; at && depth < 10; depth++) {
    if (at.kind === 'region') return at;
    at = containerOf(at);
  }
  return undefined;
}

export const elasticIpKind: KindSpec<'elasticIp'> = {
  kind: 'elasticIp',
  idPrefix: 'eipalloc',
  label: 'an Elastic IP',
  containers: ['region'],
  isContainer: false,
  containerOf(design, address, containerOfAny) {
    const placed = layoutParent(design, address.id);
    if (placed) return placed;
    // An associated address is drawn in the Region of what it is associated with.
    const holder = Object.values(design.resources).find(
      (r) => (r.kind === 'natGateway' || r.kind === 'ec2Instance') && r.elasticIpId === address.id,
    );
    return holder ? regionAbove(holder, containerOfAny) : undefined;
  },
  references: [],
  create: ({ ids, nextPublicIp }) => created(createElasticIp(ids, nextPublicIp())),
  duplicate: { reset: (copy) => copy },
};

export type { ElasticIp } from './elasticIp.schema';
