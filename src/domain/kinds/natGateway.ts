import { getResource, resourceById } from '../lookup';
import { optionalRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createElasticIp, createNatGateway } from '../factories';
import { refusedDrop } from './drop';

export const natGatewayKind: KindSpec<'natGateway'> = {
  kind: 'natGateway',
  idPrefix: 'nat',
  label: 'a NAT gateway',
  containers: ['subnet'],
  isContainer: false,
  containerOf: (design, nat) => resourceById(design, nat.subnetId),
  references: [
    reportedAs('RESOURCE_SUBNET_MISSING', requiredRef('subnetId', ['subnet'], 'deleteSelf')),
    reportedAs('ELASTIC_IP_MISSING', optionalRef('elasticIpId', ['elasticIp'])),
  ],
  routeTarget: {
    vpcOf: (design, nat) => getResource(design, nat.subnetId, 'subnet')?.vpcId ?? null,
    blackholeReason(design, table, nat) {
      const subnet = getResource(design, nat.subnetId, 'subnet');
      if (!subnet) return `its target ${nat.name} has no subnet`;
      if (subnet.vpcId !== table.vpcId) return `its target ${nat.name} is in another VPC`;
      return null;
    },
  },
  // A public NAT gateway needs an Elastic IP, so one is allocated with it.
  create({ container, ids, proposePrivateIp, nextPublicIp }) {
    if (container?.kind !== 'subnet') return refusedDrop('Drop it inside a subnet.');
    const address = proposePrivateIp(container);
    if (!address) return refusedDrop(`${container.name} has no free address (or its CIDR is not valid).`);
    const eip = createElasticIp(ids, nextPublicIp(), 'NAT gateway address');
    const nat = createNatGateway(ids, container.id, eip.id, address);
    return { ok: true, resources: [nat, eip], primaryId: nat.id };
  },
  duplicate: { reset: (copy) => ({ ...copy, elasticIpId: null }), needsAddress: true },
};

export type { NatGateway } from './natGateway.schema';
