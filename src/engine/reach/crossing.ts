import { getResource, type Subnet } from '../../domain';
import { containsAddress, parseIpv4 } from '../../net';
import { vpcCidrs } from '../topology';
import type { PathContext } from './context';
import type { SgPeer } from './ruleEvaluate';

/**
 * What the forwarding kinds that join networks (peering, transit gateways,
 * appliances) remember about one path while it is searched: the way the
 * packet came into the VPC it is in (the response must leave by it), the
 * hand-overs already used (a second use is a routing loop), and whether an
 * appliance forwarded it (security-group references no longer match). Kept
 * beside the context rather than in it, one entry per path context.
 */
interface Crossing {
  wayIn: string;
  used: Set<string>;
  /** False once the packet crossed something security-group references don't survive. */
  groupsKept: boolean;
  /** Hand-overs the reply did not go back through (it left by another transit gateway). */
  bypassed: Set<string>;
}

const crossings = new WeakMap<PathContext, Crossing>();

function crossingOf(ctx: PathContext): Crossing {
  let crossing = crossings.get(ctx);
  if (!crossing) {
    crossing = { wayIn: 'local', used: new Set(), groupsKept: true, bypassed: new Set() };
    crossings.set(ctx, crossing);
  }
  return crossing;
}

/** How the packet entered the VPC it is in now: `local` from inside, else the peering, transit gateway or appliance id. */
export const wayIntoVpc = (ctx: PathContext): string => crossings.get(ctx)?.wayIn ?? 'local';

export const enteredVpcBy = (ctx: PathContext, id: string): void => void (crossingOf(ctx).wayIn = id);

/** Records a hand-over; false when the path already went through it (a routing loop). */
export function firstUse(ctx: PathContext, id: string): boolean {
  const { used } = crossingOf(ctx);
  if (used.has(id)) return false;
  used.add(id);
  return true;
}

/**
 * Security-group references stop matching: through an appliance, over a
 * transit gateway (its `SecurityGroupReferencingSupport` is off by default) or
 * over a peering between Regions (references work only within one Region).
 * Sources: Amazon VPC Peering Guide, "Update your security groups to reference
 * peer security groups"; EC2 API `TransitGatewayRequestOptions`.
 */
export const groupReferencesLost = (ctx: PathContext): void => void (crossingOf(ctx).groupsKept = false);

/**
 * How the destination's security groups see the source. Through an appliance
 * the packet still carries the source's address, but group references do not
 * match forwarded traffic (Amazon VPC User Guide, "Routing for a middlebox appliance";
 * aws-semantics-2 §1 and §4).
 */
export function arrivalPeer(ctx: PathContext): SgPeer {
  const src = ctx.source;
  if (src.kind !== 'interface') return { address: src.address, groupIds: [] };
  return { address: src.privateIp, groupIds: (crossings.get(ctx)?.groupsKept ?? true) ? src.groupIds : [] };
}

/** The reply went back another way than through `id`, whose own return steps then stay out. */
export const replyRerouted = (ctx: PathContext, id: string): void => void crossingOf(ctx).bypassed.add(id);
export const replyTookAnotherWay = (ctx: PathContext, id: string): boolean =>
  crossings.get(ctx)?.bypassed.has(id) ?? false;

/** The subnet the packet is in when a route hands it over (the one whose table matched). */
export const currentSubnet = (ctx: PathContext): Subnet | undefined =>
  getResource(ctx.design, ctx.forward.subnetId, 'subnet');

/** Whether an address (as text or number) lies in one of a VPC's CIDRs. */
export function inVpcCidrs(ctx: PathContext, vpcId: string, address: string | number): boolean {
  const vpc = getResource(ctx.design, vpcId, 'vpc');
  if (!vpc) return false;
  const value = typeof address === 'number' ? address : parseIpv4(address);
  const n = typeof value === 'number' ? value : value.ok ? value.value : null;
  return n !== null && vpcCidrs(vpc).some((block) => containsAddress(block, n));
}
