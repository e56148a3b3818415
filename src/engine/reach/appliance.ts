import { getResource } from '../../domain';
import { formatIpv4 } from '../../net';
import { addressOf } from './context';
import { currentSubnet, enteredVpcBy, firstUse, groupReferencesLost } from './crossing';
import { endpointLabel, resolveEndpoint } from './endpoints';
import { enterSubnet, sgPeer } from './steps';
import { withOutage } from './outages';
import type { HandOverTarget } from './targets';
import type { HopInput } from './trace';

/**
 * An instance as a route target: a middlebox appliance (firewall, NAT
 * instance without translation). It must be running and have its
 * source/destination check off, or its interface drops packets not addressed
 * to it; its security groups filter what it receives and sends on; it
 * forwards from its own subnet, whose route table takes the packet on; the
 * destination sees the original source address, but security-group
 * references no longer match (they are not preserved through it). Routes more
 * specific than `local` may point at it (since August 2021).
 * Sources: Amazon VPC User Guide, "Routing for a middlebox appliance"
 * (docs.aws.amazon.com/vpc/latest/userguide/middlebox-routing-console.html) and
 * "Route tables"; Reachability Analyzer code ENI_SOURCE_DEST_CHECK_RESTRICTION.
 * Simplified: the appliance forwards without translating or inspecting.
 */

const ip = formatIpv4;

export const appliance: HandOverTarget = {
  leadsTo: () => true,
  forward(ctx, instanceId, travel) {
    const { design, forward: fwd, back } = ctx;
    const instance = getResource(design, instanceId, 'ec2Instance');
    const resolved = resolveEndpoint(design, { kind: 'resource', id: instanceId });
    const here = currentSubnet(ctx);
    if (!instance || !resolved.ok || resolved.endpoint.kind !== 'interface' || !here)
      return fwd.fail(
        {
          step: 'handOver',
          component: 'appliance',
          id: instanceId,
          rule: null,
          explanation: 'The appliance has no interface.',
        },
        'CANNOT_ROUTE',
      );
    // An appliance in a zone that is down, or impaired, forwards nothing: its state step says why.
    const eni = withOutage(resolved.endpoint, ctx.options);
    const hop = (explanation: string): HopInput => ({
      step: 'handOver',
      component: `${instance.name} (appliance)`,
      id: instance.id,
      rule: null,
      explanation,
    });
    if (!firstUse(ctx, instance.id))
      return fwd.fail(hop(`The packet comes back to ${instance.name}: a routing loop.`), 'CANNOT_ROUTE');
    if (eni.subnet.vpcId !== here.vpcId)
      return fwd.fail(hop(`${instance.name} is in another VPC than the route table that names it.`), 'CANNOT_ROUTE');
    enterSubnet(fwd, eni.subnet, ctx.request, addressOf(ctx.source));
    fwd.securityGroups(eni, 'inbound', ctx.request, sgPeer(ctx.source), endpointLabel(ctx.source));
    fwd.state(eni, 'appliance');
    if (!fwd.ok) return;
    if (instance.sourceDestCheck !== false)
      return fwd.fail(
        hop(
          `${instance.name} has its source/destination check on (the default), so its interface drops a packet addressed to ${ip(addressOf(ctx.destination))} rather than to itself. Turn the check off on an appliance that forwards traffic.`,
        ),
        'ENI_SOURCE_DEST_CHECK_RESTRICTION',
      );
    fwd.securityGroups(eni, 'outbound', ctx.request, sgPeer(ctx.destination), endpointLabel(ctx.destination));
    fwd.pass(hop(`${instance.name} forwards the packet unchanged (source/destination check off).`));
    ctx.retrace.push(() => back.pass(hop(`${instance.name} forwards the response back.`)));
    groupReferencesLost(ctx);
    enteredVpcBy(ctx, instance.id);
    travel(ctx, eni.subnet, (c, m) => ({
      hop: {
        step: 'route',
        component: `route table of ${eni.subnet.name}`,
        id: m.target,
        subnetId: eni.subnet.id,
        rule: null,
        explanation: `${eni.subnet.name}, where ${instance.name} forwards from, does not route ${ip(addressOf(c.destination))} toward ${endpointLabel(c.destination)}.`,
      },
      code: 'NO_ROUTE_TO_DESTINATION',
    }));
  },
};
