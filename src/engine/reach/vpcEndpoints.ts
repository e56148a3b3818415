import { getResource } from '../../domain';
import { containsAddress, formatIpv4, parseCidr } from '../../net';
import { addressOf } from './context';
import { currentSubnet, wayIntoVpc } from './crossing';
import { handOver } from './steps';
import type { HandOverTarget } from './targets';
import type { HopInput } from './trace';

/**
 * A gateway endpoint as a route target: it carries a packet from its own VPC
 * to an address of its service's prefix list (S3 or DynamoDB) over the AWS
 * network, without an internet gateway or NAT gateway and without a public
 * address. It can't be used from a peered VPC, over a VPN or Direct Connect, or
 * through a transit gateway; it passes TCP and ICMP echo only. Sources: AWS
 * PrivateLink, "Gateway endpoints" (docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html);
 * Reachability Analyzer codes VPCE_GATEWAY_PROTOCOL_RESTRICTION, VPCE_GATEWAY_EGRESS_SOURCE_ADDRESS_RESTRICTION.
 * Simplified: endpoint policies are not modelled (the default policy allows everything).
 */

const ip = formatIpv4;

export const gatewayEndpoint: HandOverTarget = {
  leadsTo: () => true,
  forward(ctx, endpointId) {
    const { design, forward: fwd, back } = ctx;
    const endpoint = getResource(design, endpointId, 'vpcEndpoint');
    const list = getResource(design, endpoint?.prefixListId, 'managedPrefixList');
    const here = currentSubnet(ctx);
    const hop = (explanation: string): HopInput => ({
      step: 'handOver',
      component: `${endpoint?.name ?? endpointId} (gateway endpoint)`,
      id: endpointId,
      rule: null,
      explanation,
    });
    if (!endpoint || !list || !here) return fwd.fail(hop('The endpoint has no prefix list.'), 'CANNOT_ROUTE');
    const toward = addressOf(ctx.destination);
    const inList = list.cidrs.some((c) => {
      const block = parseCidr(c);
      return block.ok && containsAddress(block.value, toward);
    });
    if (ctx.destination.kind !== 'internet' || !inList)
      return fwd.fail(
        hop(`${endpoint.name} reaches only ${list.name} (${list.id}); ${ip(toward)} is not in that list.`),
        'NO_ROUTE_TO_DESTINATION',
      );
    if (
      wayIntoVpc(ctx) !== 'local' ||
      ctx.source.kind !== 'interface' ||
      fwd.sourceTranslated ||
      here.vpcId !== endpoint.vpcId
    )
      return fwd.fail(
        hop(
          `${endpoint.name} carries only traffic from its own VPC's interfaces; a peered VPC, a VPN, Direct Connect or a transit gateway can't use it.`,
        ),
        'VPCE_GATEWAY_EGRESS_SOURCE_ADDRESS_RESTRICTION',
      );
    if (ctx.request.protocol === 'udp')
      return fwd.fail(hop(`${endpoint.name} passes TCP and ICMP only, not UDP.`), 'VPCE_GATEWAY_PROTOCOL_RESTRICTION');
    handOver(
      fwd,
      hop(`${endpoint.name} carries the packet to ${list.name} over the AWS network, without the internet.`),
    );
    ctx.retrace.push(() => handOver(back, hop(`The response from ${list.name} returns through ${endpoint.name}.`)));
  },
};
