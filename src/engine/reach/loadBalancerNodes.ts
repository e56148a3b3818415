import {
  autoAssignedPublicIpv4,
  balancesAcrossZones,
  getResource,
  resourcesOfKind,
  type Design,
  type LoadBalancer,
  type Subnet,
} from '../../domain';
import { parseCidr, parseIpv4 } from '../../net';
import type { RegisteredTarget } from '../designIndex';
import { addressHolders } from '../rules/addressRules';
import { zoneIsDown, type PathOptions } from './context';
import type { Interface } from './endpoints';
import type { BlockCode } from './trace';

/** One node of a load balancer: its interface in one enabled subnet, and whether it is in service now. */
export interface LoadBalancerNode {
  subnet: Subnet;
  zoneId: string;
  eni: Interface;
}

const nodesCache = new WeakMap<Design['resources'], Map<string, LoadBalancerNode[]>>();

/**
 * The nodes of a load balancer, one per subnet mapping, in mapping order.
 * Each is an interface in its subnet: the mapping's private address, or (an
 * ALB's nodes change address, so AWS fixes none) an address Nimbus draws for
 * the analysis, from the subnet's fourth-last down past those taken
 * (`drawnAddresses`). An internet-facing node is
 * reached at its public address: the mapping's Elastic IP, else one AWS
 * assigns (Nimbus draws it from the load balancer and subnet ids). A node in
 * a zone that is down carries an outage. Source: ELBv2 API `SubnetMapping`;
 * NLB guide, "Network Load Balancers" (one node per enabled zone with a fixed IP).
 */
export function loadBalancerNodes(design: Design, lb: LoadBalancer, options: PathOptions): LoadBalancerNode[] {
  let byLb = nodesCache.get(design.resources);
  if (!byLb) {
    byLb = new Map();
    nodesCache.set(design.resources, byLb);
  }
  let nodes = byLb.get(lb.id);
  if (!nodes) {
    nodes = buildNodes(design, lb);
    byLb.set(lb.id, nodes);
  }
  if (!options.zonesDown?.length) return nodes;
  return nodes.map((node) =>
    zoneIsDown(options, node.zoneId)
      ? {
          ...node,
          eni: {
            ...node.eni,
            outage: {
              code: 'ZONE_OUTAGE' as const,
              text: `${node.eni.name} is out: its Availability Zone is down, so the load balancer takes it out of service.`,
            },
          },
        }
      : node,
  );
}

const drawnCache = new WeakMap<Design['resources'], Map<string, number>>();

/**
 * The addresses Nimbus draws for nodes whose mapping fixes none, by
 * `lbId|subnetId`: counting down from the subnet's fourth-last address, the
 * first not taken by anything placed in the subnet (instances, NAT gateways,
 * DB instances, given node addresses) nor drawn for another node. Load
 * balancers draw in id order, so an address does not depend on which is
 * asked first. Once per design.
 */
function drawnAddresses(design: Design): Map<string, number> {
  let drawn = drawnCache.get(design.resources);
  if (drawn) return drawn;
  drawn = new Map();
  const taken = new Set<number>();
  for (const holder of addressHolders(design)) {
    const address = parseIpv4(holder.privateIp);
    if (address.ok) taken.add(address.value);
  }
  const balancers = [...resourcesOfKind(design, 'loadBalancer')].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  for (const lb of balancers)
    for (const mapping of lb.subnetMappings) {
      if (parseIpv4(mapping.privateIp ?? '').ok) continue;
      const subnet = getResource(design, mapping.subnetId, 'subnet');
      const block = subnet ? parseCidr(subnet.cidr) : null;
      if (!block?.ok) continue;
      // AWS reserves the first four addresses and the last of every subnet.
      const first = block.value.network + 4;
      let address = block.value.network + 2 ** (32 - block.value.prefix) - 4;
      while (address > first && taken.has(address)) address--;
      taken.add(address);
      drawn.set(`${lb.id}|${mapping.subnetId}`, address);
    }
  drawnCache.set(design.resources, drawn);
  return drawn;
}

function buildNodes(design: Design, lb: LoadBalancer): LoadBalancerNode[] {
  const out: LoadBalancerNode[] = [];
  for (const mapping of lb.subnetMappings) {
    const subnet = getResource(design, mapping.subnetId, 'subnet');
    const block = subnet ? parseCidr(subnet.cidr) : null;
    if (!subnet || !block?.ok) continue;
    const given = parseIpv4(mapping.privateIp ?? '');
    const drawn = drawnAddresses(design).get(`${lb.id}|${subnet.id}`);
    const eip = getResource(design, mapping.elasticIpId, 'elasticIp');
    const outside =
      lb.scheme === 'internet-facing' ? (eip?.publicIp ?? autoAssignedPublicIpv4(`${lb.id}/${subnet.id}`)) : null;
    out.push({
      subnet,
      zoneId: subnet.azId,
      eni: {
        kind: 'interface',
        ownerId: lb.id,
        ownerKind: 'loadBalancer',
        name: `${lb.name} node in ${subnet.name}`,
        subnet,
        privateIp: given.ok ? given.value : (drawn ?? block.value.network + 2 ** (32 - block.value.prefix) - 4),
        publicIp: outside ? (eip ? `its Elastic IP ${outside}` : `its public IPv4 ${outside}`) : null,
        publicAddress: outside,
        // An internet-facing load balancer's DNS name resolves to public addresses, for clients inside AWS too.
        addressed: lb.scheme === 'internet-facing' ? 'public' : 'private',
        elasticIp: !!eip,
        groupIds: lb.securityGroupIds,
        state: null,
        os: 'linux',
      },
    });
  }
  return out;
}

/**
 * The node that sends to a target: the node the client reached when the load
 * balancer balances across zones (an ALB always does); with cross-zone off,
 * an NLB's node in the target's own zone (clients reach each node's address),
 * when it is in service. Null (with why) when none may.
 */
export function nodeFor(
  lb: LoadBalancer,
  nodes: readonly LoadBalancerNode[],
  front: LoadBalancerNode,
  target: RegisteredTarget,
): { node: LoadBalancerNode } | { code: BlockCode; why: string } {
  if (balancesAcrossZones(lb)) return { node: front };
  const local = nodes.find((n) => n.zoneId === target.zoneId);
  if (local && !local.eni.outage) return { node: local };
  if (!local)
    return {
      code: 'ELB_INSTALLED_AZ_RESTRICTION',
      why: `${lb.name} has no node in the target's Availability Zone, and cross-zone load balancing is off: a node sends only to targets in its own zone.`,
    };
  return {
    code: 'ELB_NOT_CROSSZONE',
    why: `${lb.name}'s node in the target's zone is out of service, and with cross-zone load balancing off no other zone's node sends to it.`,
  };
}
