import {
  autoPublicIpv4Of,
  getResource,
  resourcesOfKind,
  type CustomerGateway,
  type Design,
  type DirectConnectConnection,
  type Ec2Instance,
  type InternetGateway,
  type OnPremisesNetwork,
  type Subnet,
  type TargetGroup,
  type TransitGatewayAttachment,
  type VirtualPrivateGateway,
  type VpcEndpoint,
  type VpcPeeringConnection,
  type VpnConnection,
} from '../domain';
import { containsAddress, parseCidr, parseIpv4, type Cidr } from '../net';

/**
 * The lookups a path analysis makes, answered from maps built once per
 * (immutable) `resources` object instead of scanning a kind on every query,
 * so a query costs the same in a design of 10 instances and of 40,000. Each
 * map is built the first time it is asked for. Every lookup answers what the
 * scan it replaces answered: the first match in insertion order
 * (`resourcesOfKind`'s order). Designs are never mutated in place, so identity
 * is a safe key (see `resourcesOfKind`).
 */
export interface DesignIndex {
  /** The first instance whose private IP or Elastic IP is `address` (as text). */
  instanceAt(address: string): Ec2Instance | undefined;
  /** The instances that hold `address` (as text) as their private IP, Elastic IP or auto-assigned public IPv4. */
  instancesHolding(address: string): readonly Ec2Instance[];
  /** The first internet gateway attached to the VPC. */
  internetGatewayOf(vpcId: string): InternetGateway | undefined;
  /** The first virtual private gateway attached to the VPC. */
  virtualPrivateGatewayOf(vpcId: string): VirtualPrivateGateway | undefined;
  /** The first Direct Connect connection between the gateway and the network. */
  directConnectBetween(vgwId: string, networkId: string): DirectConnectConnection | undefined;
  /** The first VPN connection of the gateway whose customer gateway is in the network, with that customer gateway. */
  vpnBetween(vgwId: string, networkId: string): { vpn: VpnConnection; customerGateway: CustomerGateway } | undefined;
  /** The gateway's VPN and Direct Connect connections, in insertion order. */
  linksOf(vgwId: string): {
    vpns: readonly VpnConnection[];
    directConnects: readonly DirectConnectConnection[];
  };
  /** The subnets of a VPC, in insertion order. */
  subnetsOf(vpcId: string): readonly Subnet[];
  /** The first on-premises network one of whose CIDRs holds the address. */
  onPremisesNetworkAt(address: number): OnPremisesNetwork | undefined;
  /** A transit gateway's attachments, in insertion order. */
  attachmentsOf(transitGatewayId: string): readonly TransitGatewayAttachment[];
  /** The peering connections a VPC is the requester or accepter of, in insertion order. */
  peeringsOf(vpcId: string): readonly VpcPeeringConnection[];
  /** The gateway endpoints whose routes a route table carries, in insertion order. */
  gatewayEndpointsOf(routeTableId: string): readonly VpcEndpoint[];
  /** Instances launched by an Auto Scaling group (`autoScalingGroupId`), by group id, in insertion order. */
  instancesOfAutoScalingGroup(groupId: string): readonly Ec2Instance[];
}

/**
 * One registered target of a target group: an instance (by id), an address
 * (`ip` target type) or a Lambda function, with where it sits when known.
 */
export interface RegisteredTarget {
  /** Instance id, IP address or function id: the key of `LiveOverlay.targetHealth[groupId]`. */
  id: string;
  type: 'instance' | 'ip' | 'lambda';
  /** Set for an instance registered through an Auto Scaling group. */
  autoScalingGroupId: string | null;
  subnetId: string | null;
  /** The Availability Zone resource id of its subnet (null: not in a known subnet). */
  zoneId: string | null;
}

const targetsCache = new WeakMap<Design['resources'], Map<string, readonly RegisteredTarget[]>>();

/**
 * The targets of a group: those registered by hand (`targetIds`,
 * `targetIps`) and every instance of the design whose Auto Scaling group
 * names the group in `targetGroupIds`, each once, in that order. Cached per
 * design and group.
 */
export function targetsOf(design: Design, group: TargetGroup): readonly RegisteredTarget[] {
  let byGroup = targetsCache.get(design.resources);
  if (!byGroup) {
    byGroup = new Map();
    targetsCache.set(design.resources, byGroup);
  }
  let targets = byGroup.get(group.id);
  if (!targets) {
    targets = collectTargets(design, group);
    byGroup.set(group.id, targets);
  }
  return targets;
}

function collectTargets(design: Design, group: TargetGroup): RegisteredTarget[] {
  const seen = new Set<string>();
  const out: RegisteredTarget[] = [];
  const zoneOf = (subnetId: string | null) =>
    subnetId ? (getResource(design, subnetId, 'subnet')?.azId ?? null) : null;
  const add = (target: Omit<RegisteredTarget, 'zoneId'>) => {
    if (seen.has(target.id)) return;
    seen.add(target.id);
    out.push({ ...target, zoneId: zoneOf(target.subnetId) });
  };
  for (const id of group.targetIds) {
    const instance = getResource(design, id, 'ec2Instance');
    if (instance) add({ id, type: 'instance', autoScalingGroupId: null, subnetId: instance.subnetId });
    else if (getResource(design, id, 'lambdaFunction'))
      add({ id, type: 'lambda', autoScalingGroupId: null, subnetId: null });
  }
  for (const address of group.targetIps) {
    const subnet = designIndex(design)
      .subnetsOf(group.vpcId)
      .find((s) => {
        const block = parseCidr(s.cidr);
        const value = parseIpv4(address);
        return block.ok && value.ok && containsAddress(block.value, value.value);
      });
    add({ id: address, type: 'ip', autoScalingGroupId: null, subnetId: subnet?.id ?? null });
  }
  const index = designIndex(design);
  for (const asg of resourcesOfKind(design, 'autoScalingGroup'))
    if (asg.targetGroupIds.includes(group.id))
      for (const instance of index.instancesOfAutoScalingGroup(asg.id))
        add({ id: instance.id, type: 'instance', autoScalingGroupId: asg.id, subnetId: instance.subnetId });
  return out;
}

const cache = new WeakMap<Design['resources'], DesignIndex>();

/** The index of this design's resources, built once per `resources` object. */
export function designIndex(design: Design): DesignIndex {
  let index = cache.get(design.resources);
  if (!index) {
    index = buildIndex(design);
    cache.set(design.resources, index);
  }
  return index;
}

/** Sets `key` to `value` unless it is set: the first in insertion order wins, as `find` would. */
function setFirst<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A value computed on first use. */
function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

const NO_LINKS = { vpns: [], directConnects: [] } as const;

function buildIndex(design: Design): DesignIndex {
  const instancesByAddress = lazy(() => {
    const map = new Map<string, Ec2Instance>();
    for (const instance of resourcesOfKind(design, 'ec2Instance')) {
      setFirst(map, instance.privateIp, instance);
      const eip = getResource(design, instance.elasticIpId, 'elasticIp');
      if (eip) setFirst(map, eip.publicIp, instance);
    }
    return map;
  });
  const holders = lazy(() => {
    const map = new Map<string, Ec2Instance[]>();
    for (const instance of resourcesOfKind(design, 'ec2Instance')) {
      const held = new Set([instance.privateIp]);
      const eip = getResource(design, instance.elasticIpId, 'elasticIp');
      if (eip) held.add(eip.publicIp);
      const auto = autoPublicIpv4Of(instance);
      if (auto) held.add(auto);
      for (const address of held) push(map, address, instance);
    }
    return map;
  });
  const gatewaysByVpc = lazy(() => {
    const internet = new Map<string, InternetGateway>();
    const virtual = new Map<string, VirtualPrivateGateway>();
    for (const g of resourcesOfKind(design, 'internetGateway')) if (g.vpcId !== null) setFirst(internet, g.vpcId, g);
    for (const g of resourcesOfKind(design, 'virtualPrivateGateway'))
      if (g.vpcId !== null) setFirst(virtual, g.vpcId, g);
    return { internet, virtual };
  });
  const links = lazy(() => {
    const vpns = new Map<string, VpnConnection[]>();
    const directConnects = new Map<string, DirectConnectConnection[]>();
    for (const vpn of resourcesOfKind(design, 'vpnConnection')) push(vpns, vpn.vpnGatewayId, vpn);
    for (const dx of resourcesOfKind(design, 'directConnectConnection'))
      if (dx.vpnGatewayId !== null) push(directConnects, dx.vpnGatewayId, dx);
    return { vpns, directConnects };
  });
  const subnetsByVpc = lazy(() => {
    const map = new Map<string, Subnet[]>();
    for (const subnet of resourcesOfKind(design, 'subnet')) push(map, subnet.vpcId, subnet);
    return map;
  });
  const networkBlocks = lazy(() =>
    resourcesOfKind(design, 'onPremisesNetwork').map((network) => ({
      network,
      blocks: network.cidrs.flatMap((text): Cidr[] => {
        const parsed = parseCidr(text);
        return parsed.ok ? [parsed.value] : [];
      }),
    })),
  );
  const attachments = lazy(() => {
    const map = new Map<string, TransitGatewayAttachment[]>();
    for (const a of resourcesOfKind(design, 'transitGatewayAttachment')) push(map, a.transitGatewayId, a);
    return map;
  });
  const peerings = lazy(() => {
    const map = new Map<string, VpcPeeringConnection[]>();
    for (const p of resourcesOfKind(design, 'vpcPeeringConnection')) {
      push(map, p.requesterVpcId, p);
      if (p.accepterVpcId !== p.requesterVpcId) push(map, p.accepterVpcId, p);
    }
    return map;
  });
  const gatewayEndpoints = lazy(() => {
    const map = new Map<string, VpcEndpoint[]>();
    for (const e of resourcesOfKind(design, 'vpcEndpoint'))
      if (e.type === 'gateway') for (const tableId of new Set(e.routeTableIds)) push(map, tableId, e);
    return map;
  });
  const byAutoScalingGroup = lazy(() => {
    const map = new Map<string, Ec2Instance[]>();
    for (const instance of resourcesOfKind(design, 'ec2Instance'))
      if (instance.autoScalingGroupId) push(map, instance.autoScalingGroupId, instance);
    return map;
  });
  return {
    instancesOfAutoScalingGroup: (id) => byAutoScalingGroup().get(id) ?? [],
    attachmentsOf: (id) => attachments().get(id) ?? [],
    peeringsOf: (vpcId) => peerings().get(vpcId) ?? [],
    gatewayEndpointsOf: (tableId) => gatewayEndpoints().get(tableId) ?? [],
    instanceAt: (address) => instancesByAddress().get(address),
    instancesHolding: (address) => holders().get(address) ?? [],
    internetGatewayOf: (vpcId) => gatewaysByVpc().internet.get(vpcId),
    virtualPrivateGatewayOf: (vpcId) => gatewaysByVpc().virtual.get(vpcId),
    directConnectBetween: (vgwId, networkId) =>
      links()
        .directConnects.get(vgwId)
        ?.find((dx) => dx.onPremisesNetworkId === networkId),
    vpnBetween(vgwId, networkId) {
      for (const vpn of links().vpns.get(vgwId) ?? []) {
        const customerGateway = getResource(design, vpn.customerGatewayId, 'customerGateway');
        if (customerGateway?.onPremisesNetworkId === networkId) return { vpn, customerGateway };
      }
      return undefined;
    },
    linksOf: (vgwId) => {
      const { vpns, directConnects } = links();
      return vpns.has(vgwId) || directConnects.has(vgwId)
        ? { vpns: vpns.get(vgwId) ?? [], directConnects: directConnects.get(vgwId) ?? [] }
        : NO_LINKS;
    },
    subnetsOf: (vpcId) => subnetsByVpc().get(vpcId) ?? [],
    onPremisesNetworkAt: (address) =>
      networkBlocks().find(({ blocks }) => blocks.some((block) => containsAddress(block, address)))?.network,
  };
}
