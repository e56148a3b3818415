import { getResource, resourcesOfKind, type Design } from '../../domain';
import { formatIpv4 } from '../../net';
import { endpointLabel, type Endpoint, type Interface } from './endpoints';
import type { Packet } from './ruleEvaluate';
import { internetGatewayOf, Trace } from './trace';

/** The shapes a path can take: inside one VPC, out to the internet or on-premises, and in from them. */
const ip = formatIpv4;

/**
 * The virtual private gateway link (Direct Connect or VPN) between a VPC's
 * gateway and an on-premises network. With both, Direct Connect carries the
 * traffic: for the same prefix a virtual private gateway prefers routes learned
 * over Direct Connect to a Site-to-Site VPN's (AWS Site-to-Site VPN User Guide,
 * "Route tables and VPN route priority").
 */
export function hybridLink(
  design: Design,
  vgwId: string,
  networkId: string,
): { id: string; name: string; kind: 'directConnect' | 'vpn' } | null {
  for (const dx of resourcesOfKind(design, 'directConnectConnection')) {
    if (dx.vpnGatewayId === vgwId && dx.onPremisesNetworkId === networkId)
      return { id: dx.id, name: `${dx.name} (${dx.bandwidth} private link)`, kind: 'directConnect' };
  }
  for (const vpn of resourcesOfKind(design, 'vpnConnection')) {
    const cgw = getResource(design, vpn.customerGatewayId, 'customerGateway');
    if (vpn.vpnGatewayId === vgwId && cgw?.onPremisesNetworkId === networkId)
      return { id: vpn.id, name: `${vpn.name} (two IPsec tunnels to ${cgw.name})`, kind: 'vpn' };
  }
  return null;
}

/** Interface to interface inside one VPC. */
export function betweenInterfaces(
  design: Design,
  src: Interface,
  dst: Interface,
  packet: Packet,
  reply: Packet,
  fwd: Trace,
  back: Trace,
): void {
  const same = src.subnet.id === dst.subnet.id;
  fwd.securityGroups(src, 'outbound', packet, { address: dst.privateIp, groupIds: dst.groupIds }, endpointLabel(dst));
  if (same) fwd.sameSubnet(src.subnet);
  else {
    fwd.nacl(src.subnet, 'outbound', packet, dst.privateIp);
    const match = fwd.route(src.subnet, dst.privateIp);
    if (match && match.target !== 'local') {
      fwd.fail(
        {
          component: `route table of ${src.subnet.name}`,
          id: match.target,
          subnetId: src.subnet.id,
          rule: null,
          explanation: `The route sends ${ip(dst.privateIp)} to ${design.resources[match.target]?.name ?? match.target} instead of delivering it in the VPC; Nimbus follows local delivery and gateways only.`,
        },
        'CANNOT_ROUTE',
      );
    }
    fwd.nacl(dst.subnet, 'inbound', packet, src.privateIp);
  }
  fwd.securityGroups(dst, 'inbound', packet, { address: src.privateIp, groupIds: src.groupIds }, endpointLabel(src));
  fwd.state(dst, 'destination');
  if (!fwd.ok) return;
  back.statefulReturn(dst);
  if (!same) {
    back.nacl(dst.subnet, 'outbound', reply, src.privateIp);
    const match = back.route(dst.subnet, src.privateIp);
    if (match && match.target !== 'local')
      back.fail(
        {
          component: `route table of ${dst.subnet.name}`,
          id: match.target,
          subnetId: dst.subnet.id,
          rule: null,
          explanation: 'The response is not routed back locally.',
        },
        'CANNOT_ROUTE',
      );
    back.nacl(src.subnet, 'inbound', reply, dst.privateIp);
  }
  back.statefulReturn(src);
}

/** Out through a NAT gateway: the NAT's own subnet ACL and route table apply, and the NAT needs an Elastic IP. */
function throughNat(
  design: Design,
  natId: string,
  src: Interface,
  host: number,
  packet: Packet,
  reply: Packet,
  fwd: Trace,
  back: Trace,
): void {
  const nat = getResource(design, natId, 'natGateway');
  const natSubnet = getResource(design, nat?.subnetId, 'subnet');
  if (!nat || !natSubnet)
    return fwd.fail(
      { component: 'NAT gateway', id: natId, rule: null, explanation: 'The NAT gateway has no subnet.' },
      'CANNOT_ROUTE',
    );
  // On the way in, the NAT's subnet ACL sees the instance's own address.
  if (natSubnet.id !== src.subnet.id) fwd.nacl(natSubnet, 'inbound', packet, src.privateIp);
  const eip = getResource(design, nat.elasticIpId, 'elasticIp');
  if (!eip)
    return fwd.fail(
      {
        component: nat.name,
        id: nat.id,
        rule: null,
        explanation: `${nat.name} has no Elastic IP, so it has no public address to translate to.`,
      },
      'NO_PUBLIC_ADDRESS',
    );
  fwd.pass({
    component: nat.name,
    id: nat.id,
    rule: null,
    explanation: `${nat.name} replaces the source ${ip(src.privateIp)} with its Elastic IP ${eip.publicIp} and remembers the connection.`,
  });
  fwd.nacl(natSubnet, 'outbound', packet, host);
  const match = fwd.route(natSubnet, host);
  if (!fwd.ok || !match) return;
  const igw = getResource(design, match.target, 'internetGateway');
  if (!igw)
    return fwd.fail(
      {
        component: `route table of ${natSubnet.name}`,
        id: natSubnet.id,
        subnetId: natSubnet.id,
        rule: null,
        explanation: `${natSubnet.name}, where ${nat.name} lives, does not route ${ip(host)} to an internet gateway: a NAT gateway must sit in a public subnet.`,
      },
      'NO_ROUTE_TO_DESTINATION',
    );
  fwd.pass({
    component: igw.name,
    id: igw.id,
    rule: null,
    explanation: `${igw.name} sends the packet from ${eip.publicIp} to the internet.`,
  });
  fwd.pass({
    component: 'internet',
    id: 'internet',
    decision: 'allow',
    rule: null,
    explanation: `The packet reaches ${ip(host)}.`,
  });
  back.pass({
    component: igw.name,
    id: igw.id,
    rule: null,
    explanation: `The response comes back to ${eip.publicIp} through ${igw.name}.`,
  });
  back.nacl(natSubnet, 'inbound', reply, host);
  back.pass({
    component: nat.name,
    id: nat.id,
    rule: null,
    explanation: `${nat.name} matches the response to the connection and sends it on to ${ip(src.privateIp)}.`,
  });
  back.nacl(natSubnet, 'outbound', reply, src.privateIp);
  if (natSubnet.id !== src.subnet.id) back.nacl(src.subnet, 'inbound', reply, host);
  back.statefulReturn(src);
}

export function toExternal(
  design: Design,
  src: Interface,
  dst: Endpoint,
  packet: Packet,
  reply: Packet,
  fwd: Trace,
  back: Trace,
): void {
  const host = dst.kind === 'interface' ? dst.privateIp : dst.address;
  fwd.securityGroups(src, 'outbound', packet, { address: host, groupIds: [] }, endpointLabel(dst));
  fwd.nacl(src.subnet, 'outbound', packet, host);
  const match = fwd.route(src.subnet, host);
  if (!fwd.ok || !match) return;
  const target = design.resources[match.target];
  if (dst.kind === 'internet' && target?.kind === 'internetGateway') {
    if (!src.publicIp) {
      return fwd.fail(
        {
          component: target.name,
          id: target.id,
          rule: null,
          explanation: `${src.name} has no public IPv4 address or Elastic IP, so ${target.name} has no public address to translate its private one to. A route alone is not enough.`,
        },
        'NO_PUBLIC_ADDRESS',
      );
    }
    fwd.pass({
      component: target.name,
      id: target.id,
      rule: null,
      explanation: `${target.name} translates ${ip(src.privateIp)} to ${src.publicIp} and sends the packet to the internet.`,
    });
    fwd.pass({
      component: 'internet',
      id: 'internet',
      decision: 'allow',
      rule: null,
      explanation: `The packet reaches ${ip(host)}.`,
    });
    back.pass({
      component: target.name,
      id: target.id,
      rule: null,
      explanation: `The response returns through ${target.name}, translated back to ${ip(src.privateIp)}.`,
    });
    back.nacl(src.subnet, 'inbound', reply, host);
    back.statefulReturn(src);
    return;
  }
  if (dst.kind === 'internet' && target?.kind === 'natGateway')
    return throughNat(design, target.id, src, host, packet, reply, fwd, back);
  if (dst.kind === 'onPremises' && target?.kind === 'virtualPrivateGateway') {
    const link = hybridLink(design, target.id, dst.network.id);
    if (!link)
      return fwd.fail(
        {
          component: target.name,
          id: target.id,
          rule: null,
          explanation: `${target.name} has no Site-to-Site VPN or Direct Connect link to ${dst.network.name}.`,
        },
        'NO_ROUTE_TO_DESTINATION',
      );
    fwd.pass({
      component: target.name,
      id: target.id,
      rule: null,
      explanation: `${target.name} sends the packet over ${link.name}.`,
    });
    fwd.pass({
      component: dst.network.name,
      id: dst.network.id,
      decision: 'allow',
      rule: null,
      explanation: `The packet reaches ${ip(host)} on premises.`,
    });
    back.pass({
      component: target.name,
      id: target.id,
      rule: null,
      explanation: `The response returns over ${link.name}.`,
    });
    back.nacl(src.subnet, 'inbound', reply, host);
    back.statefulReturn(src);
    return;
  }
  fwd.fail(
    {
      component: `route table of ${src.subnet.name}`,
      id: match.target,
      subnetId: src.subnet.id,
      rule: null,
      explanation: `The route sends ${ip(host)} to ${target?.name ?? match.target}, which does not lead to ${endpointLabel(dst)}.`,
    },
    'NO_ROUTE_TO_DESTINATION',
  );
}

export function fromExternal(
  design: Design,
  src: Endpoint,
  dst: Interface,
  packet: Packet,
  reply: Packet,
  fwd: Trace,
  back: Trace,
): void {
  const host = src.kind === 'interface' ? src.privateIp : src.address;
  if (dst.ownerKind !== 'ec2Instance') {
    const why =
      dst.ownerKind === 'natGateway'
        ? `${dst.name} accepts no connection started from outside: NAT gateways are for outbound traffic only.`
        : `${dst.name}'s VPC interfaces only carry the function's outbound traffic; nothing can connect to them.`;
    return fwd.fail({ component: dst.name, id: dst.ownerId, rule: null, explanation: why }, 'CANNOT_ROUTE');
  }
  let gatewayId: string;
  if (src.kind === 'internet') {
    const igw = internetGatewayOf(design, dst.subnet.vpcId);
    if (!igw)
      return fwd.fail(
        {
          component: 'internet gateway',
          id: dst.subnet.vpcId,
          rule: null,
          explanation: `${dst.name}'s VPC has no internet gateway attached, so nothing from the internet can enter it.`,
        },
        'NO_ROUTE_TO_DESTINATION',
      );
    if (!dst.publicIp) {
      return fwd.fail(
        {
          component: igw.name,
          id: igw.id,
          rule: null,
          explanation: `${dst.name} has no public IPv4 address or Elastic IP, so the internet has no address to reach it by. A NAT gateway would not help: it only lets private instances start connections out.`,
        },
        'NO_PUBLIC_ADDRESS',
      );
    }
    fwd.pass({
      component: igw.name,
      id: igw.id,
      rule: null,
      explanation: `${igw.name} translates ${dst.publicIp} to ${dst.name}'s private address ${ip(dst.privateIp)}.`,
    });
    gatewayId = igw.id;
  } else if (src.kind === 'onPremises') {
    const vgw = resourcesOfKind(design, 'virtualPrivateGateway').find((g) => g.vpcId === dst.subnet.vpcId);
    const link = vgw ? hybridLink(design, vgw.id, src.network.id) : null;
    if (!vgw || !link)
      return fwd.fail(
        {
          component: 'virtual private gateway',
          id: vgw?.id ?? dst.subnet.vpcId,
          rule: null,
          explanation: `${src.network.name} has no VPN or Direct Connect link to a virtual private gateway attached to ${dst.name}'s VPC.`,
        },
        'NO_ROUTE_TO_DESTINATION',
      );
    fwd.pass({
      component: vgw.name,
      id: vgw.id,
      rule: null,
      explanation: `The packet arrives over ${link.name} at ${vgw.name}.`,
    });
    gatewayId = vgw.id;
  } else return;
  fwd.nacl(dst.subnet, 'inbound', packet, host);
  fwd.securityGroups(dst, 'inbound', packet, { address: host, groupIds: [] }, endpointLabel(src));
  fwd.state(dst, 'destination');
  if (!fwd.ok) return;
  back.statefulReturn(dst);
  back.nacl(dst.subnet, 'outbound', reply, host);
  const match = back.route(dst.subnet, host);
  if (!back.ok || !match) return;
  if (match.target !== gatewayId) {
    const via = design.resources[match.target]?.name ?? match.target;
    return back.fail(
      {
        component: `route table of ${dst.subnet.name}`,
        id: match.target,
        subnetId: dst.subnet.id,
        rule: null,
        explanation: `The response to ${ip(host)} would leave through ${via}, not the gateway it came in by, so it never gets back (the subnet is not public for this traffic).`,
      },
      'NO_ROUTE_TO_DESTINATION',
    );
  }
  back.pass({
    component: design.resources[gatewayId]!.name,
    id: gatewayId,
    rule: null,
    explanation: `The response leaves through ${design.resources[gatewayId]!.name} and reaches ${endpointLabel(src)}.`,
  });
}
