import {
  autoPublicIpv4Of,
  findAmi,
  getResource,
  resourcesOfKind,
  type Design,
  type LambdaFunction,
  type NatGateway,
  type ManagedPrefixList,
  type VpcEndpoint,
  type OnPremisesNetwork,
  type Subnet,
  type DbInstance,
  resourceById,
} from '../../domain';
import { formatIpv4, parseCidr, parseIpv4 } from '../../net';
import { designIndex } from '../designIndex';
import type { PathOptions } from './context';
import { loadBalancerNodes } from './loadBalancerNodes';
import { routeTableForSubnet } from '../topology';
import { clientVpnUser, type ClientVpnEntry } from './clientVpn';

/**
 * What a query names: a resource, the internet, an on-premises network, or an
 * address. The one encoding of an endpoint for the panels, flows and the CLI;
 * `endpointText.ts` reads it from text and writes its stable text form.
 */
export type EndpointSpec =
  | { kind: 'resource'; id: string }
  | { kind: 'internet'; address?: string }
  | { kind: 'onPremises'; id: string; address?: string }
  | { kind: 'address'; address: string }
  /** A host in a subnet with no groups of its own, standing for anything launched there (exposure asks from it). */
  | { kind: 'subnetHost'; subnetId: string };

/** An elastic network interface in a subnet, as the path analysis sees it. */
export interface Interface {
  kind: 'interface';
  ownerId: string;
  name: string;
  /** `subnetHost`: a stand-in for any host in the subnet, whose own security groups are not known. */
  ownerKind:
    | 'ec2Instance'
    | 'lambdaFunction'
    | 'natGateway'
    | 'vpcEndpoint'
    | 'subnetHost'
    | 'loadBalancer'
    | 'dbInstance'
    | 'clientVpnEndpoint';
  subnet: Subnet;
  privateIp: number;
  /** The public IPv4 or Elastic IP, when it has one, in words for explanations. */
  publicIp: string | null;
  /** The public address itself: its Elastic IP or the auto-assigned public IPv4 it holds (null: none). */
  publicAddress: string | null;
  /**
   * Which of its addresses the query named: `private`, `public`, or null when
   * it named the resource (then the internet sends to its public address and
   * everything inside AWS to its private one).
   */
  addressed?: 'private' | 'public' | null;
  /** Whether `publicAddress` is an Elastic IP (it stays when the instance stops and starts). */
  elasticIp?: boolean;
  groupIds: readonly string[];
  /** EC2 state; null for interfaces that have none. */
  state: string | null;
  /** Client operating system, for the ephemeral port a connection starts from. */
  os: 'linux' | 'windows';
  /** Set when the running simulation has it out (its zone is down, it is impaired): it sends and answers nothing. */
  outage?: Outage;
  /** Set for a Client VPN user: the interface is the association's, the packet starts at the user's address (`clientVpn.ts`). */
  clientVpn?: ClientVpnEntry;
}

/** Why an interface carries nothing now, as its state step explains it. */
export interface Outage {
  code: 'ZONE_OUTAGE' | 'BAD_STATE' | 'DB_ENDPOINT_UNAVAILABLE';
  text: string;
}

export interface InternetHost {
  kind: 'internet';
  address: number;
  /** Set when the address is an AWS service's (S3, DynamoDB): its prefix list, reached through a gateway endpoint or the internet. */
  service?: { name: string; prefixListId: string };
}

export interface OnPremisesHost {
  kind: 'onPremises';
  network: OnPremisesNetwork;
  address: number;
}

export type Endpoint = Interface | InternetHost | OnPremisesHost;

/** A public address outside every range Nimbus draws, standing for "a host on the internet" (RFC 5737). */
export const DEFAULT_INTERNET_HOST = '198.51.100.200';

/** Default first ephemeral port of each client OS (Linux 32768-60999, Windows 49152-65535). Source: aws-semantics "Network ACLs". */
export const EPHEMERAL_RANGES = { linux: { from: 32768, to: 60999 }, windows: { from: 49152, to: 65535 } } as const;

export type Resolved = { ok: true; endpoint: Endpoint } | { ok: false; error: string };

function instanceInterface(design: Design, id: string): Interface | null {
  const instance = getResource(design, id, 'ec2Instance');
  if (!instance) return null;
  const subnet = getResource(design, instance.subnetId, 'subnet');
  const address = parseIpv4(instance.privateIp);
  if (!subnet || !address.ok) return null;
  const eip = getResource(design, instance.elasticIpId, 'elasticIp');
  const outside = eip ? eip.publicIp : autoPublicIpv4Of(instance);
  return {
    kind: 'interface',
    ownerId: instance.id,
    ownerKind: 'ec2Instance',
    name: instance.name,
    subnet,
    privateIp: address.value,
    publicIp: eip
      ? `its Elastic IP ${eip.publicIp}`
      : outside
        ? `its public IPv4 ${outside}`
        : instance.publicIp
          ? 'its auto-assigned public IPv4'
          : null,
    publicAddress: outside,
    elasticIp: !!eip,
    groupIds: instance.securityGroupIds,
    state: instance.state,
    os: findAmi(instance.amiId)?.platform === 'windows' ? 'windows' : 'linux',
  };
}

function natInterface(design: Design, nat: NatGateway): Interface | null {
  const subnet = getResource(design, nat.subnetId, 'subnet');
  const address = parseIpv4(nat.privateIp);
  if (!subnet || !address.ok) return null;
  const eip = getResource(design, nat.elasticIpId, 'elasticIp');
  return {
    kind: 'interface',
    ownerId: nat.id,
    ownerKind: 'natGateway',
    name: nat.name,
    subnet,
    privateIp: address.value,
    publicIp: eip ? `its Elastic IP ${eip.publicIp}` : null,
    publicAddress: eip?.publicIp ?? null,
    groupIds: [],
    state: null,
    os: 'linux',
  };
}

/**
 * A Lambda function's VPC interfaces, one per subnet of its VPC configuration.
 * AWS chooses their addresses; Nimbus takes the last usable address of each
 * subnet (a simplification: AWS picks any free one).
 */
export function lambdaInterfaces(design: Design, fn: LambdaFunction): Interface[] {
  const out: Interface[] = [];
  for (const subnetId of fn.vpcConfig?.subnetIds ?? []) {
    const subnet = getResource(design, subnetId, 'subnet');
    const block = subnet ? parseCidr(subnet.cidr) : null;
    if (!subnet || !block?.ok || !fn.vpcConfig) continue;
    out.push({
      kind: 'interface',
      ownerId: fn.id,
      ownerKind: 'lambdaFunction',
      name: fn.name,
      subnet,
      privateIp: block.value.network + 2 ** (32 - block.value.prefix) - 2,
      publicIp: null,
      publicAddress: null,
      groupIds: fn.vpcConfig.securityGroupIds,
      state: null,
      os: 'linux',
    });
  }
  return out;
}

/**
 * The interface that holds an address, and whether it is that interface's
 * private or public address: an instance's private IP, Elastic IP or
 * auto-assigned public IPv4, a NAT gateway's private IP or Elastic IP, a
 * Lambda function's interfaces.
 */
export function holderOf(design: Design, address: string): Interface | null {
  const value = parseIpv4(address);
  if (!value.ok) return null;
  const named = (eni: Interface | null): Interface | null => {
    if (!eni) return null;
    if (eni.privateIp === value.value) return { ...eni, addressed: 'private' };
    return eni.publicAddress === address ? { ...eni, addressed: 'public' } : null;
  };
  for (const instance of designIndex(design).instancesHolding(address)) {
    const eni = named(instanceInterface(design, instance.id));
    if (eni) return eni;
  }
  for (const nat of resourcesOfKind(design, 'natGateway')) {
    if (nat.privateIp !== address && getResource(design, nat.elasticIpId, 'elasticIp')?.publicIp !== address) continue;
    const eni = named(natInterface(design, nat));
    if (eni) return eni;
  }
  for (const fn of resourcesOfKind(design, 'lambdaFunction')) {
    const eni = lambdaInterfaces(design, fn).find((i) => i.privateIp === value.value);
    if (eni) return { ...eni, addressed: 'private' };
  }
  return null;
}

export function resolveEndpoint(design: Design, spec: EndpointSpec, options: PathOptions = {}): Resolved {
  switch (spec.kind) {
    case 'internet': {
      const address = parseIpv4(spec.address ?? DEFAULT_INTERNET_HOST);
      return address.ok
        ? { ok: true, endpoint: { kind: 'internet', address: address.value } }
        : { ok: false, error: address.error };
    }
    case 'onPremises': {
      const network = getResource(design, spec.id, 'onPremisesNetwork');
      if (!network) return { ok: false, error: `no on-premises network "${spec.id}"` };
      const first = parseCidr(network.cidrs[0] ?? '');
      const address = spec.address
        ? parseIpv4(spec.address)
        : first.ok
          ? { ok: true as const, value: first.value.network + 10 }
          : { ok: false as const, error: `${network.name} has no valid CIDR` };
      return address.ok
        ? { ok: true, endpoint: { kind: 'onPremises', network, address: address.value } }
        : { ok: false, error: address.error };
    }
    case 'subnetHost': {
      const subnet = getResource(design, spec.subnetId, 'subnet');
      const block = subnet ? parseCidr(subnet.cidr) : null;
      if (!subnet || !block?.ok) return { ok: false, error: `no subnet "${spec.subnetId}" with a valid CIDR` };
      // The subnet's last usable address (AWS reserves the broadcast address): rarely one an instance holds.
      return {
        ok: true,
        endpoint: {
          kind: 'interface',
          ownerId: subnet.id,
          ownerKind: 'subnetHost',
          name: `a host in ${subnet.name}`,
          subnet,
          privateIp: block.value.network + 2 ** (32 - block.value.prefix) - 2,
          publicIp: null,
          publicAddress: null,
          elasticIp: false,
          groupIds: [],
          state: null,
          os: 'linux',
        },
      };
    }
    case 'address': {
      const address = parseIpv4(spec.address);
      if (!address.ok) return { ok: false, error: address.error };
      const holder = holderOf(design, spec.address);
      if (holder) return { ok: true, endpoint: holder };
      const network = designIndex(design).onPremisesNetworkAt(address.value);
      if (network) return { ok: true, endpoint: { kind: 'onPremises', network, address: address.value } };
      return { ok: true, endpoint: { kind: 'internet', address: address.value } };
    }
    case 'resource': {
      const resource = resourceById(design, spec.id);
      if (!resource) return { ok: false, error: `no resource "${spec.id}"` };
      if (resource.kind === 'ec2Instance') {
        const eni = instanceInterface(design, resource.id);
        return eni
          ? { ok: true, endpoint: eni }
          : { ok: false, error: `${resource.name} has no valid subnet or private IP` };
      }
      if (resource.kind === 'internet') return resolveEndpoint(design, { kind: 'internet' });
      if (resource.kind === 'managedPrefixList') return servicePrefixListHost(resource);
      if (resource.kind === 'vpcEndpoint') return interfaceEndpoint(design, resource);
      if (resource.kind === 'onPremisesNetwork')
        return resolveEndpoint(design, { kind: 'onPremises', id: resource.id });
      if (resource.kind === 'natGateway') {
        const eni = natInterface(design, resource);
        return eni
          ? { ok: true, endpoint: eni }
          : { ok: false, error: `${resource.name} has no valid subnet or address` };
      }
      if (resource.kind === 'dbInstance') return dbInterface(design, resource, options);
      if (resource.kind === 'clientVpnEndpoint') return clientVpnUser(design, resource);
      if (resource.kind === 'loadBalancer') {
        // The node a client is sent to first; `reachThroughLoadBalancer` follows the listener on to the targets.
        const node = loadBalancerNodes(design, resource, options).find((n) => !n.eni.outage);
        return node
          ? { ok: true, endpoint: node.eni }
          : { ok: false, error: `${resource.name} has no node in service (no subnet mapping, or every zone is down)` };
      }
      if (resource.kind === 'lambdaFunction') {
        const eni = lambdaInterfaces(design, resource)[0];
        return eni
          ? { ok: true, endpoint: eni }
          : { ok: false, error: `${resource.name} has no VPC access, so it has no interface in a subnet` };
      }
      return {
        ok: false,
        error: `${resource.name} (${resource.kind}) is not something traffic starts from or goes to`,
      };
    }
  }
}

/** The design resource that stands for an endpoint on the canvas (the internet's node, when the design draws one). */
export function endpointResourceId(design: Design, endpoint: Endpoint): string {
  if (endpoint.kind === 'interface') return endpoint.ownerId;
  if (endpoint.kind === 'onPremises') return endpoint.network.id;
  if (endpoint.service) return endpoint.service.prefixListId;
  return resourcesOfKind(design, 'internet')[0]?.id ?? 'internet';
}

export function endpointLabel(endpoint: Endpoint): string {
  // A Client VPN user: its own address, and the association's that everything in the VPC sees.
  if (endpoint.kind === 'interface' && endpoint.clientVpn)
    return `${endpoint.name} (${formatIpv4(endpoint.clientVpn.clientAddress)}, as ${formatIpv4(endpoint.privateIp)})`;
  if (endpoint.kind === 'interface')
    return `${endpoint.name} (${endpoint.addressed === 'public' && endpoint.publicAddress ? endpoint.publicAddress : formatIpv4(endpoint.privateIp)})`;
  if (endpoint.kind === 'internet' && endpoint.service)
    return `${endpoint.service.name} (${formatIpv4(endpoint.address)})`;
  if (endpoint.kind === 'internet') return `the internet (${formatIpv4(endpoint.address)})`;
  return `${endpoint.network.name} (${formatIpv4(endpoint.address)})`;
}

/** The route table that serves an interface's subnet (present in any valid design). */
export const tableOf = (design: Design, subnet: Subnet) => routeTableForSubnet(design, subnet);

/**
 * A prefix list as a destination ("S3", "DynamoDB"): a host at the tenth
 * address of its first CIDR, outside every VPC, named by the list.
 */
function servicePrefixListHost(list: ManagedPrefixList): Resolved {
  const first = parseCidr(list.cidrs[0] ?? '');
  if (!first.ok) return { ok: false, error: `${list.name} has no valid CIDR` };
  return {
    ok: true,
    endpoint: {
      kind: 'internet',
      address: first.value.network + 10,
      service: { name: list.name, prefixListId: list.id },
    },
  };
}

/**
 * An interface endpoint's interface in its first subnet: the address AWS gave
 * it (or, when the design has none, the third-last of the subnet), filtered by
 * its groups (the VPC's default group when it names none). AWS PrivateLink,
 * "Access an AWS service using an interface VPC endpoint".
 */
function interfaceEndpoint(design: Design, endpoint: VpcEndpoint): Resolved {
  if (endpoint.type !== 'interface')
    return {
      ok: false,
      error: `${endpoint.name} is a gateway endpoint: name its service's prefix list (S3, DynamoDB) instead`,
    };
  const subnet = getResource(design, endpoint.subnetIds[0], 'subnet');
  const block = subnet ? parseCidr(subnet.cidr) : null;
  if (!subnet || !block?.ok) return { ok: false, error: `${endpoint.name} has no subnet` };
  const given = parseIpv4(endpoint.privateIps[0] ?? '');
  const groups =
    endpoint.securityGroupIds.length > 0
      ? endpoint.securityGroupIds
      : resourcesOfKind(design, 'securityGroup')
          .filter((g) => g.vpcId === endpoint.vpcId && g.isDefault)
          .map((g) => g.id);
  return {
    ok: true,
    endpoint: {
      kind: 'interface',
      ownerId: endpoint.id,
      ownerKind: 'vpcEndpoint',
      name: endpoint.name,
      subnet,
      privateIp: given.ok ? given.value : block.value.network + 2 ** (32 - block.value.prefix) - 3,
      publicIp: null,
      publicAddress: null,
      groupIds: groups,
      state: null,
      os: 'linux',
    },
  };
}

/**
 * An RDS DB instance as a destination: the interface its endpoint's DNS name
 * resolves to now (the primary; the standby after a Multi-AZ failover, as the
 * simulation's `dbEndpoints` says), filtered by the instance's security
 * groups. While the endpoint points nowhere (failing over, or a Single-AZ
 * instance whose zone is down) connections fail at its state step. Source:
 * Amazon RDS User Guide, "Multi-AZ DB instance deployments" (the endpoint's
 * DNS record moves to the standby).
 */
function dbInterface(design: Design, db: DbInstance, options: PathOptions): Resolved {
  const where = options.dbEndpoints?.[db.id] ?? 'primary';
  const standby = where === 'standby' && db.standbySubnetId && db.standbyPrivateIp;
  const subnet = getResource(design, standby ? db.standbySubnetId : db.subnetId, 'subnet');
  const address = parseIpv4((standby ? db.standbyPrivateIp : db.privateIp) ?? '');
  if (!subnet || !address.ok) return { ok: false, error: `${db.name} has no valid subnet or address` };
  return {
    ok: true,
    endpoint: {
      kind: 'interface',
      ownerId: db.id,
      ownerKind: 'dbInstance',
      name: standby ? `${db.name} (standby, now primary)` : db.name,
      subnet,
      privateIp: address.value,
      publicIp: null,
      publicAddress: null,
      groupIds: db.securityGroupIds,
      state: null,
      os: 'linux',
      ...(where === 'unavailable'
        ? {
            outage: {
              code: 'DB_ENDPOINT_UNAVAILABLE' as const,
              text: `${db.name}'s endpoint points at no running database now (failing over, or its only zone is down): connections to it fail until it is available again.`,
            },
          }
        : {}),
    },
  };
}
