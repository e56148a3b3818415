import { resourceById } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';
import { createVpc, newVpcResources } from '../factories';
import { resourcesOfKind } from '../lookup';
import { refusedDrop } from './drop';

export const vpcKind: KindSpec<'vpc'> = {
  kind: 'vpc',
  idPrefix: 'vpc',
  label: 'a VPC',
  containers: ['region'],
  isContainer: true,
  containerOf: (design, vpc) => resourceById(design, vpc.regionId),
  references: [requiredRef('regionId', ['region'], 'keep')],
  // A VPC comes with what AWS creates alongside it: main route table, default ACL and default group.
  create({ design, region, ids, proposeVpcCidr }) {
    if (!region) return refusedDrop('Drop the VPC inside a Region.');
    const made = createVpc(ids, region.id, proposeVpcCidr(), `VPC ${resourcesOfKind(design, 'vpc').length + 1}`);
    return { ok: true, resources: newVpcResources(made), primaryId: made.vpc.id };
  },
  duplicate: false,
};

export type { Vpc } from './vpc.schema';
