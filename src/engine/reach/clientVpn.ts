import { produce } from 'immer';
import {
  authorizationRulesOf,
  autoAssignedPublicIpv4,
  CLIENT_VPN_MAX_PREFIX,
  CLIENT_VPN_MIN_PREFIX,
  getResource,
  resourcesOfKind,
  type ClientVpnAuthorizationRule,
  type ClientVpnEndpoint,
  type Design,
  type Subnet,
} from '../../domain';
import { containsAddress, formatIpv4, overlaps, parseCidr, parseIpv4, type Cidr } from '../../net';
import { vpcCidrs } from '../topology';
import { addressOf, type PathContext, type PathOptions } from './context';
import type { Endpoint, Interface, Resolved } from './endpoints';
import type { BlockCode } from './trace';
import type { Fix } from './fixes';
import type { ReachResult } from './reachability';

/**
 * "A Client VPN user": a device connected to a Client VPN endpoint. Its
 * packets enter the VPC at one of the endpoint's target-network associations
 * (a network interface in an associated subnet), after an authorization rule
 * and a route of the endpoint's own route table let them; the source is
 * translated to that interface's address, so the destination sees the
 * interface (its security groups, its address in the subnet), never the
 * client CIDR. Source: AWS Client VPN Administrator Guide, "How AWS Client
 * VPN works", "Authorization rules", "Routes", "Split-tunnel" (aws-semantics-2 §8).
 *
 * Nimbus models one user at the client CIDR's first usable address; AWS
 * hands each device an address of the range. Among equal routes the first
 * association in the endpoint's list whose zone is up carries the packet.
 */

const ip = formatIpv4;

/** A route of the endpoint's route table: its own, or the VPC's CIDR that AWS adds with each association. */
export interface ClientVpnRouteEntry {
  destination: Cidr;
  subnetId: string;
  /** `association`: added by AWS with the subnet's association (deleted only by disassociating it). */
  origin: 'association' | 'added';
}

/** Where the Client VPN user's packets enter: the endpoint and the user's own address. */
export interface ClientVpnEntry {
  endpointId: string;
  /** The user's device address, in the client CIDR. */
  clientAddress: number;
}

/** The endpoint's route table: one VPC route per association (AWS adds it), then the routes added by hand. */
export function clientVpnRoutes(design: Design, endpoint: ClientVpnEndpoint): ClientVpnRouteEntry[] {
  const vpc = getResource(design, endpoint.vpcId, 'vpc');
  const out: ClientVpnRouteEntry[] = [];
  for (const subnetId of endpoint.targetSubnetIds)
    for (const block of vpc ? vpcCidrs(vpc) : []) out.push({ destination: block, subnetId, origin: 'association' });
  for (const route of endpoint.routes) {
    const block = parseCidr(route.destinationCidr);
    if (block.ok) out.push({ destination: block.value, subnetId: route.targetSubnetId, origin: 'added' });
  }
  return out;
}

/** The most specific route for an address through an associated subnet whose zone is up, or null. */
export function clientVpnRouteFor(
  design: Design,
  endpoint: ClientVpnEndpoint,
  address: number,
  options: PathOptions = {},
): ClientVpnRouteEntry | null {
  let best: ClientVpnRouteEntry | null = null;
  for (const route of clientVpnRoutes(design, endpoint)) {
    if (
      !containsAddress(route.destination, address) ||
      !(endpoint.targetSubnetIds as readonly string[]).includes(route.subnetId)
    )
      continue;
    const subnet = getResource(design, route.subnetId, 'subnet');
    if (!subnet || options.zonesDown?.includes(subnet.azId)) continue;
    if (!best || route.destination.prefix > best.destination.prefix) best = route;
  }
  return best;
}

/**
 * The authorization rule that decides for an address: Client VPN uses the
 * longest-prefix match among the rules that cover it ("Authorization rules");
 * of several at that length, one the user qualifies for.
 */
export function authorizationFor(
  endpoint: ClientVpnEndpoint,
  address: number,
): { rule: ClientVpnAuthorizationRule; allowed: boolean } | null {
  let prefix = -1;
  let deciding: ClientVpnAuthorizationRule[] = [];
  for (const rule of authorizationRulesOf(endpoint)) {
    const block = parseCidr(rule.destinationCidr);
    if (!block.ok || !containsAddress(block.value, address) || block.value.prefix < prefix) continue;
    if (block.value.prefix > prefix) deciding = [];
    prefix = block.value.prefix;
    deciding.push(rule);
  }
  if (deciding.length === 0) return null;
  const qualifies = (rule: ClientVpnAuthorizationRule) =>
    rule.accessGroup === null || rule.accessGroup === endpoint.userGroup;
  const allowing = deciding.find(qualifies);
  return allowing ? { rule: allowing, allowed: true } : { rule: deciding[0]!, allowed: false };
}

/** The user's address: the client CIDR's first usable one (AWS gives each device one of the range). */
function clientAddressOf(endpoint: ClientVpnEndpoint): number | null {
  const block = parseCidr(endpoint.clientCidr);
  return block.ok ? block.value.network + 2 : null;
}

/**
 * The association's network interface in a subnet: the fifth-last address of
 * the subnet (AWS picks a free one; a simplification). AWS gives the
 * interfaces public addresses too, which the endpoint's DNS name resolves
 * to; Nimbus draws one from the ids.
 */
function associationInterface(design: Design, endpoint: ClientVpnEndpoint, subnet: Subnet): Interface | null {
  const block = parseCidr(subnet.cidr);
  const clientAddress = clientAddressOf(endpoint);
  if (!block.ok || clientAddress === null) return null;
  const groups =
    endpoint.securityGroupIds.length > 0
      ? endpoint.securityGroupIds
      : resourcesOfKind(design, 'securityGroup')
          .filter((g) => g.vpcId === endpoint.vpcId && g.isDefault)
          .map((g) => g.id);
  return {
    kind: 'interface',
    ownerId: endpoint.id,
    ownerKind: 'clientVpnEndpoint',
    name: `A Client VPN user of ${endpoint.name}`,
    subnet,
    privateIp: block.value.network + 2 ** (32 - block.value.prefix) - 5,
    publicIp: null,
    publicAddress: autoAssignedPublicIpv4(`${endpoint.id}/${subnet.id}`),
    groupIds: groups,
    state: null,
    os: 'linux',
    clientVpn: { endpointId: endpoint.id, clientAddress },
  };
}

/**
 * Why AWS would refuse to create the endpoint with its client CIDR, or null.
 * AWS Client VPN Administrator Guide, "Rules and best practices for using AWS
 * Client VPN" (what-is-best-practices.html): "Client CIDR ranges must have a
 * block size of at least /22 and must not be greater than /12", and "cannot
 * overlap with the local CIDR of the VPC".
 */
export function clientCidrRefusal(design: Design, endpoint: ClientVpnEndpoint): string | null {
  const client = parseCidr(endpoint.clientCidr);
  if (!client.ok) return `${endpoint.name}'s client CIDR "${endpoint.clientCidr}" is not a valid CIDR`;
  const prefix = client.value.prefix;
  if (prefix < CLIENT_VPN_MIN_PREFIX || prefix > CLIENT_VPN_MAX_PREFIX)
    return `AWS refuses ${endpoint.name}: its client CIDR ${endpoint.clientCidr} is a /${prefix}, and "Client CIDR ranges must have a block size of at least /22 and must not be greater than /12", so no user can connect`;
  const vpc = getResource(design, endpoint.vpcId, 'vpc');
  const overlapped = vpc ? vpcCidrs(vpc).find((block) => overlaps(block, client.value)) : undefined;
  if (vpc && overlapped)
    return `AWS refuses ${endpoint.name}: its client CIDR ${endpoint.clientCidr} overlaps ${vpc.name}\u2019s ${overlapped.text}, and client CIDR ranges "cannot overlap with the local CIDR of the VPC", so no user can connect`;
  return null;
}

/** A Client VPN user as a source, entering at the endpoint's first association (until the destination is known). */
export function clientVpnUser(design: Design, endpoint: ClientVpnEndpoint): Resolved {
  const refusal = clientCidrRefusal(design, endpoint);
  if (refusal) return { ok: false, error: refusal };
  const subnet = endpoint.targetSubnetIds.map((id) => getResource(design, id, 'subnet')).find((s) => !!s);
  if (!subnet)
    return {
      ok: false,
      error: `${endpoint.name} has no target network associated, so users who connect reach nothing (associate a subnet)`,
    };
  const eni = associationInterface(design, endpoint, subnet);
  return eni ? { ok: true, endpoint: eni } : { ok: false, error: `${endpoint.name} has no valid subnet CIDR` };
}

/** The address the destination is sent to, as a Client VPN route lookup sees it. */
function towardOf(to: Endpoint): number {
  if (to.kind === 'interface' && to.addressed === 'public' && to.publicAddress) {
    const parsed = parseIpv4(to.publicAddress);
    if (parsed.ok) return parsed.value;
  }
  return addressOf(to);
}

/**
 * A Client VPN user enters at the association its route for the destination
 * names; any other source is returned as it is.
 */
export function enteringFor(design: Design, from: Endpoint, to: Endpoint, options: PathOptions): Endpoint {
  if (from.kind !== 'interface' || !from.clientVpn) return from;
  const endpoint = getResource(design, from.clientVpn.endpointId, 'clientVpnEndpoint');
  if (!endpoint) return from;
  const route = clientVpnRouteFor(design, endpoint, towardOf(to), options);
  if (!route || route.subnetId === from.subnet.id) return from;
  const subnet = getResource(design, route.subnetId, 'subnet');
  return (subnet && associationInterface(design, endpoint, subnet)) ?? from;
}

const NOT_AUTHORIZED: BlockCode = 'CLIENT_VPN_NOT_AUTHORIZED';

/**
 * The Client VPN steps before the packet leaves the association's interface:
 * the authorization rule, the endpoint's route and the source translation;
 * their return steps bring the response back to the user. False when a step
 * drops the packet.
 */
export function enterThroughClientVpn(ctx: PathContext, eni: Interface): boolean {
  const { forward: fwd, back } = ctx;
  const entry = eni.clientVpn;
  const endpoint = entry && getResource(ctx.design, entry.endpointId, 'clientVpnEndpoint');
  if (!entry || !endpoint) return true;
  const toward = ctx.sentTo;
  const where = { id: endpoint.id };

  // With split tunnel on, the device sends only what the endpoint's routes cover into the VPN ("Split-tunnel on
  // AWS Client VPN endpoints"): anything else never reaches the endpoint, so no authorization rule applies to it.
  const covered = clientVpnRoutes(ctx.design, endpoint).some((r) => containsAddress(r.destination, toward));
  if (endpoint.splitTunnel && !covered) {
    fwd.fail(
      {
        step: 'route',
        component: `route table of ${endpoint.name}`,
        ...where,
        rule: null,
        explanation: `Split tunnel is on and no route of ${endpoint.name} covers ${ip(toward)}: the device sends it over its own connection, so it is not sent over the VPN (Nimbus follows VPN traffic only).`,
      },
      'NO_ROUTE_TO_DESTINATION',
    );
    return false;
  }

  const authorized = authorizationFor(endpoint, toward);
  const ruleWords = (rule: ClientVpnAuthorizationRule) =>
    `${rule.destinationCidr} for ${rule.accessGroup === null ? 'all users' : `group ${rule.accessGroup}`}`;
  if (!authorized || !authorized.allowed) {
    fwd.fail(
      {
        step: 'filter',
        component: `authorization rules of ${endpoint.name}`,
        ...where,
        rule: authorized ? `${endpoint.name}: ${ruleWords(authorized.rule)}` : null,
        explanation: authorized
          ? `The most specific authorization rule for ${ip(toward)} is ${ruleWords(authorized.rule)}, and the user is ${endpoint.userGroup === null ? 'in no group' : `in group ${endpoint.userGroup}`}: Client VPN decides by the longest matching rule, so a broader rule does not help.`
          : `No authorization rule of ${endpoint.name} covers ${ip(toward)}: Client VPN lets users reach only the networks an authorization rule names (Nimbus's own code ${NOT_AUTHORIZED}).`,
      },
      NOT_AUTHORIZED,
    );
    return false;
  }
  fwd.pass({
    step: 'filter',
    component: `authorization rules of ${endpoint.name}`,
    ...where,
    decision: 'allow',
    rule: `${endpoint.name}: ${ruleWords(authorized.rule)}`,
    explanation: `The authorization rule ${ruleWords(authorized.rule)} lets the user reach ${ip(toward)} (longest matching rule).`,
  });

  const route = clientVpnRouteFor(ctx.design, endpoint, toward, ctx.options);
  if (!route) {
    fwd.fail(
      {
        step: 'route',
        component: `route table of ${endpoint.name}`,
        ...where,
        rule: null,
        explanation: endpoint.splitTunnel
          ? `Split tunnel is on and ${endpoint.name}'s routes for ${ip(toward)} go through associated subnets whose zones are down: Client VPN drops it.`
          : `Split tunnel is off, so the device sends everything into the VPN, but ${endpoint.name}'s route table has no route for ${ip(toward)} through an associated subnet whose zone is up: Client VPN drops it.`,
      },
      'NO_ROUTE_TO_DESTINATION',
    );
    return false;
  }
  const via = getResource(ctx.design, route.subnetId, 'subnet')?.name ?? route.subnetId;
  const routeText = `${endpoint.name}: ${route.destination.text} → ${via}${route.origin === 'association' ? ' (added with the association)' : ''}`;
  fwd.pass({
    step: 'route',
    component: `route table of ${endpoint.name}`,
    ...where,
    rule: routeText,
    explanation: `The most specific route of ${endpoint.name} for ${ip(toward)} is ${route.destination.text} through ${via}${endpoint.splitTunnel ? ' (split tunnel: this route is pushed to the device)' : ' (split tunnel off: all the device\u2019s traffic comes into the VPN)'}.`,
  });

  const component = `association of ${endpoint.name} in ${eni.subnet.name}`;
  const clientText = ip(entry.clientAddress);
  const eniText = ip(eni.privateIp);
  fwd.packet = { ...fwd.packet, srcIp: eniText };
  fwd.pass({
    step: 'translate',
    component,
    ...where,
    subnetId: eni.subnet.id,
    rule: null,
    explanation: `${endpoint.name} translates the user's address ${clientText} to its network interface's ${eniText} in ${eni.subnet.name}: the destination sees ${eniText} and the endpoint's security groups, not the client CIDR.`,
    translation: { rewrites: 'source', from: clientText, to: eniText },
  });
  ctx.retrace.push(() => {
    if (!back.ok) return;
    back.packet = { ...back.packet, dstIp: clientText };
    back.pass({
      step: 'translate',
      component,
      ...where,
      subnetId: eni.subnet.id,
      rule: null,
      explanation: `The response reaches the association's interface ${eniText} and goes back through the VPN to the user at ${clientText}.`,
      translation: { rewrites: 'destination', from: eniText, to: clientText },
    });
  });
  return true;
}

/**
 * The fix for a destination no authorization rule covers: authorize the
 * VPC's CIDR that holds it (else the address alone) for all users. A refusal
 * by a group rule is someone's decision, so it gets no fix.
 */
export function authorizationFix(design: Design, result: ReachResult): Fix | null {
  const src = result.source;
  const endpoint =
    src.kind === 'interface' && src.clientVpn && getResource(design, src.clientVpn.endpointId, 'clientVpnEndpoint');
  const sentTo = parseIpv4(result.sent.dstIp);
  if (!endpoint || !sentTo.ok || authorizationFor(endpoint, sentTo.value)) return null;
  const vpc = getResource(design, endpoint.vpcId, 'vpc');
  const block = vpc ? vpcCidrs(vpc).find((b) => containsAddress(b, sentTo.value)) : undefined;
  const destinationCidr = block?.text ?? `${result.sent.dstIp}/32`;
  return {
    label: `Authorize ${destinationCidr} for all users of ${endpoint.name}`,
    apply: (d) =>
      produce(d, (draft) => {
        const target = draft.resources[endpoint.id];
        if (target?.kind === 'clientVpnEndpoint')
          target.authorizationRules.push({ destinationCidr, accessGroup: null });
      }),
  };
}
