import { getResource, resourcesOfKind } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { VpcPeeringConnection } from './vpcPeeringConnection.schema';

/** The other VPC of a peering, seen from `vpcId`, or null when `vpcId` is neither end. */
export function peerVpcOf(peering: VpcPeeringConnection, vpcId: string): string | null {
  if (peering.requesterVpcId === vpcId) return peering.accepterVpcId;
  if (peering.accepterVpcId === vpcId) return peering.requesterVpcId;
  return null;
}

export const vpcPeeringConnectionKind: KindSpec<'vpcPeeringConnection'> = {
  kind: 'vpcPeeringConnection',
  idPrefix: 'pcx',
  label: 'a VPC peering connection',
  // Drawn on the open canvas between the two VPCs it joins (they may be in different Regions).
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  // A peering joins exactly these two VPCs; without either it is gone (AWS deletes it with the VPC).
  references: [
    requiredRef('requesterVpcId', ['vpc'], 'deleteSelf'),
    requiredRef('accepterVpcId', ['vpc'], 'deleteSelf'),
  ],
  routeTarget: {
    vpcOf: (_, peering) => peering.requesterVpcId,
    vpcsOf: (_, peering) => [peering.requesterVpcId, peering.accepterVpcId],
    // A route to a peering that is not active, or that the table's VPC is not part of, carries nothing.
    // Source: Amazon VPC User Guide, "Route tables" (route status blackhole).
    blackholeReason(design, table, peering) {
      if (peerVpcOf(peering, table.vpcId) === null) return `its target ${peering.name} does not join this VPC`;
      if (!getResource(design, peerVpcOf(peering, table.vpcId)!, 'vpc'))
        return `its target ${peering.name} joins a VPC that is not in the design`;
      if (peering.status !== 'active') return `its target ${peering.name} is ${peering.status}, not active`;
      return null;
    },
  },
  // Joins the first two VPCs that are not peered yet; drawing an edge between two VPCs does the same for those two.
  create({ design, ids }) {
    const vpcs = resourcesOfKind(design, 'vpc');
    const peerings = resourcesOfKind(design, 'vpcPeeringConnection');
    for (const a of vpcs)
      for (const b of vpcs) {
        if (a.id >= b.id) continue;
        if (peerings.some((p) => peerVpcOf(p, a.id) === b.id)) continue;
        return created({
          kind: 'vpcPeeringConnection',
          id: ids.next('vpcPeeringConnection'),
          name: `${a.name} ↔ ${b.name}`,
          requesterVpcId: a.id,
          accepterVpcId: b.id,
          status: 'active',
        });
      }
    return refusedDrop('Draw two VPCs first (or connect one VPC to another): a peering joins two VPCs.');
  },
  duplicate: false,
};

export type { PeeringStatus, VpcPeeringConnection } from './vpcPeeringConnection.schema';
