import type { Design } from '../design';
import { layoutParent, resourceById, resourcesOfKind } from '../lookup';
import { optionalRef, reportedAs } from './references';
import type { BlackholeCheck, KindSpec } from './spec';
import type { Vpc } from './vpc';

type VpcGatewayKind = 'internetGateway' | 'virtualPrivateGateway';

/** A gateway forwards only for the VPC it is attached to (internet and virtual private gateways alike). */
const attachedGatewayBlackhole: BlackholeCheck<{ name: string; vpcId: string | null }> = (_, table, gateway) => {
  if (gateway.vpcId === null) return `its target ${gateway.name} is not attached to any VPC`;
  if (gateway.vpcId !== table.vpcId) return `its target ${gateway.name} is attached to another VPC`;
  return null;
};

/**
 * What internet and virtual private gateways share: drawn in the VPC they are
 * attached to (or where the layout put a detached one), detached when it is
 * deleted, route targets for that VPC only, and not copied (a VPC takes one).
 */
export function vpcGatewaySpec<K extends VpcGatewayKind>(): Pick<
  KindSpec<K>,
  'containers' | 'isContainer' | 'containerOf' | 'references' | 'routeTarget' | 'duplicate'
> {
  const shared: Pick<
    KindSpec<'internetGateway'>,
    'containers' | 'isContainer' | 'containerOf' | 'references' | 'routeTarget' | 'duplicate'
  > = {
    containers: ['vpc'],
    isContainer: false,
    containerOf: (design, gateway) => resourceById(design, gateway.vpcId) ?? layoutParent(design, gateway.id),
    references: [reportedAs('GATEWAY_VPC_MISSING', optionalRef('vpcId', ['vpc']))],
    routeTarget: { vpcOf: (_, gateway) => gateway.vpcId, blackholeReason: attachedGatewayBlackhole },
    duplicate: false,
  };
  // Both kinds have the same fields these read (id, name, vpcId), so the internet gateway's typing serves both.
  return shared as unknown as Pick<
    KindSpec<K>,
    'containers' | 'isContainer' | 'containerOf' | 'references' | 'routeTarget' | 'duplicate'
  >;
}

/** Why a VPC can't take another gateway of this kind, or null when it has none yet. */
export function secondGatewayRefusal(design: Design, kind: VpcGatewayKind, vpc: Vpc, label: string): string | null {
  return resourcesOfKind(design, kind).some((g) => g.vpcId === vpc.id)
    ? `${vpc.name} already has ${label}; a VPC takes one.`
    : null;
}
