import {
  autoPublicIpv4Of,
  getResource,
  readProtocol,
  resourcesOfKind,
  type Design,
  type PacketProtocol,
} from '../domain';
import { formatEndpoint, parseEndpoint, type EndpointSpec } from '../engine';
import { parseIpv4 } from '../net';

export interface EndpointOption {
  /** The endpoint's stable text (`formatEndpoint`): what a flow stores and the CLI accepts. */
  value: string;
  label: string;
  group: string;
  spec: EndpointSpec;
}

/** Everything traffic can start from or go to, as select options. */
export function endpointOptions(design: Design): EndpointOption[] {
  const option = (spec: EndpointSpec, label: string, group: string): EndpointOption => ({
    value: formatEndpoint(spec),
    label,
    group,
    spec,
  });
  return [
    option({ kind: 'internet' }, 'The internet', 'Outside'),
    ...resourcesOfKind(design, 'onPremisesNetwork').map((n) =>
      option({ kind: 'onPremises', id: n.id }, `${n.name} (${n.cidrs.join(', ')})`, 'Outside'),
    ),
    ...resourcesOfKind(design, 'ec2Instance').map((i) =>
      option({ kind: 'resource', id: i.id }, `${i.name} (${i.privateIp})`, 'Instances'),
    ),
    ...resourcesOfKind(design, 'natGateway').map((n) => option({ kind: 'resource', id: n.id }, n.name, 'NAT gateways')),
    // A user connected to the endpoint: its packets enter the VPC at an association (engine/reach/clientVpn.ts).
    ...resourcesOfKind(design, 'clientVpnEndpoint').map((e) =>
      option({ kind: 'resource', id: e.id }, `A Client VPN user (${e.name})`, 'Client VPN users'),
    ),
    // Public addresses name their holder too: a packet sent to one travels by the internet.
    ...resourcesOfKind(design, 'ec2Instance').flatMap((i) => {
      const address = getResource(design, i.elasticIpId, 'elasticIp')?.publicIp ?? autoPublicIpv4Of(i);
      return address
        ? [option({ kind: 'address', address }, `${address} (${i.name}, public)`, 'Public addresses')]
        : [];
    }),
    ...resourcesOfKind(design, 'natGateway').flatMap((n) => {
      const address = getResource(design, n.elasticIpId, 'elasticIp')?.publicIp;
      return address
        ? [option({ kind: 'address', address }, `${address} (${n.name}, Elastic IP)`, 'Public addresses')]
        : [];
    }),
    ...resourcesOfKind(design, 'lambdaFunction')
      .filter((f) => f.vpcConfig)
      .map((f) => option({ kind: 'resource', id: f.id }, f.name, 'Functions with VPC access')),
    // AWS services by their prefix lists (S3, DynamoDB), reached through a gateway endpoint or the internet.
    ...resourcesOfKind(design, 'managedPrefixList')
      .filter((l) => l.ownedBy === 'aws' && l.cidrs.length > 0)
      .map((l) => option({ kind: 'resource', id: l.id }, `${l.name} (${l.prefixListName})`, 'AWS services')),
    ...resourcesOfKind(design, 'vpcEndpoint')
      .filter((e) => e.type === 'interface' && e.subnetIds.length > 0)
      .map((e) =>
        option({ kind: 'resource', id: e.id }, `${e.name} (${e.privateIps[0] ?? 'interface'})`, 'Interface endpoints'),
      ),
  ];
}

/** The first resource among the options, the natural destination to ask about. */
export const firstResourceOption = (options: readonly EndpointOption[]): string =>
  options.find((o) => o.spec.kind === 'resource')?.value ?? 'internet';

/**
 * The destination the reachability form shows: the one chosen while it still
 * exists, else the first resource that is not the source (asking whether
 * something reaches itself is never the natural question).
 */
export function shownDestination(options: readonly EndpointOption[], from: string, to: string | null): string {
  if (to !== null && options.some((o) => o.value === to)) return to;
  return options.find((o) => o.spec.kind === 'resource' && o.value !== from)?.value ?? firstResourceOption(options);
}

/**
 * The form after "Can this reach…?" on a resource: it becomes the source and
 * the destination on screen stays, unless it is that same resource, which
 * leaves the destination to its default (the first other resource).
 */
export function pickReachSource(
  options: readonly EndpointOption[],
  form: { from: string; to: string | null },
  picked: string,
): { from: string; to: string | null } {
  const shown = shownDestination(options, form.from, form.to);
  return { from: picked, to: shown === picked ? null : shown };
}

/**
 * The endpoint a chosen value names. A value that no longer parses is a
 * resource deleted since it was chosen: resolving its id explains that.
 */
export function chosenEndpoint(design: Design, value: string): EndpointSpec {
  const parsed = parseEndpoint(design, value);
  return parsed.ok ? parsed.spec : { kind: 'resource', id: value };
}

/** The protocols a reachability question or a flow can use; `number` asks for another IP protocol by its number. */
export const PROTOCOL_OPTIONS = [
  { value: 'tcp', label: 'TCP' },
  { value: 'udp', label: 'UDP' },
  { value: 'icmp', label: 'ICMP (ping)' },
  { value: 'number', label: 'Other IP protocol (number)' },
] as const satisfies ReadonlyArray<{ value: 'tcp' | 'udp' | 'icmp' | 'number'; label: string }>;

export type ProtocolChoice = (typeof PROTOCOL_OPTIONS)[number]['value'];

/** What the protocol select shows for a packet's protocol. */
export const protocolChoice = (protocol: PacketProtocol): ProtocolChoice =>
  typeof protocol === 'number' ? 'number' : protocol;

/** The protocol a choice stands for; another protocol starts at 50 (ESP, IPsec's). */
export const protocolOfChoice = (choice: ProtocolChoice, current: PacketProtocol): PacketProtocol =>
  choice === 'number' ? (typeof current === 'number' ? current : 50) : choice;

/** A number typed as a protocol: 6, 17 and 1 become TCP, UDP and ICMP. */
export function protocolOfNumber(n: number): PacketProtocol | null {
  const read = readProtocol(n);
  return read === null || read === 'all' ? null : read;
}

/**
 * The options, plus a host on the internet by its address when the source is
 * one (after a fix that opens SSH to the administrators' range, the question
 * asks from an address in it).
 */
export function withInternetHost(options: EndpointOption[], from: string): EndpointOption[] {
  if (options.some((o) => o.value === from) || !parseIpv4(from).ok) return options;
  const spec: EndpointSpec = { kind: 'internet', address: from };
  return [
    { value: formatEndpoint(spec), label: `${from} (a host on the internet)`, group: 'Outside', spec },
    ...options,
  ];
}
