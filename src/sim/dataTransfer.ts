import { getResource, PRICES, type Design, type Flow } from '../domain';
import type { Endpoint, Hop } from '../engine';

/**
 * What a request and its response cost to move, the way AWS bills data
 * transfer in us-east-1 (Amazon EC2 On-Demand pricing, "Data Transfer"; Amazon
 * VPC pricing for NAT gateways; AWS Direct Connect pricing). Nimbus bills the
 * bytes of delivered requests only, and counts a GB as 2^30 bytes.
 */
export type TransferLine =
  | 'natProcessing'
  | 'transitGatewayProcessing'
  | 'interfaceEndpointProcessing'
  | 'internetEgress'
  | 'betweenZones'
  | 'publicInRegion'
  | 'directConnectOut';

export const TRANSFER_LINE_NAMES: Record<TransferLine, string> = {
  natProcessing: 'Data transfer: NAT gateway processing',
  transitGatewayProcessing: 'Data transfer: transit gateway processing',
  interfaceEndpointProcessing: 'Data transfer: interface endpoint processing',
  internetEgress: 'Data transfer: out to the internet',
  betweenZones: 'Data transfer: between Availability Zones',
  publicInRegion: 'Data transfer: over public addresses in the Region',
  directConnectOut: 'Data transfer: out over Direct Connect',
};

/** Which lines one request's bytes fall on, and which bytes (request, response or both). */
export type PathTransfer = Partial<Record<TransferLine, 'request' | 'response' | 'both'>>;

export const GB = 2 ** 30;

/** Nimbus's default sizes for a flow's request and response (AWS has none): a small API call and its answer. */
export const DEFAULT_REQUEST_BYTES = 2_000;
export const DEFAULT_RESPONSE_BYTES = 20_000;

const zoneOf = (design: Design, endpoint: Endpoint) => (endpoint.kind === 'interface' ? endpoint.subnet.azId : null);

/** The lines a delivered request's path puts its bytes on. */
export function pathTransfer(
  design: Design,
  source: Endpoint,
  destination: Endpoint,
  forward: readonly Hop[],
): PathTransfer {
  const lines: PathTransfer = {};
  const nat = forward.map((h) => getResource(design, h.id, 'natGateway')).find((n) => n !== undefined);
  // A NAT gateway bills every GB it processes, both ways.
  if (nat) lines.natProcessing = 'both';
  // A transit gateway bills the data sent into it from a VPC, VPN or Direct Connect: each direction enters once
  // (AWS Transit Gateway pricing, "Data processing").
  if (forward.some((h) => getResource(design, h.id, 'transitGateway'))) lines.transitGatewayProcessing = 'both';
  // An interface endpoint bills every GB it processes, whichever way (AWS PrivateLink pricing).
  if (destination.kind === 'interface' && destination.ownerKind === 'vpcEndpoint')
    lines.interfaceEndpointProcessing = 'both';
  const throughInternetGateway = forward.some((h) => getResource(design, h.id, 'internetGateway'));
  // S3 or DynamoDB in the Region is not the internet: data between EC2 and them is free (EC2 On-Demand pricing,
  // "Data Transfer within the same AWS Region"); a NAT gateway on the way still bills its processing.
  if (destination.kind === 'internet' && destination.service) {
    // No transfer line of its own.
  } else if (destination.kind === 'internet') lines.internetEgress = 'request';
  else if (source.kind === 'internet') lines.internetEgress = 'response';
  // A Client VPN user's device is out on the internet: what AWS sends back to it is standard data transfer out
  // (aws.amazon.com/vpn/pricing/); the request, coming in, is free.
  else if (source.kind === 'interface' && source.clientVpn) lines.internetEgress = 'response';
  else if (source.kind === 'interface' && destination.kind === 'interface' && throughInternetGateway)
    // From one instance to another's public address: billed as in-Region transfer, each way.
    lines.publicInRegion = 'both';
  const viaDirectConnect = forward.some((h) => h.link?.kind === 'directConnect');
  const toPremises = destination.kind === 'onPremises' ? 'request' : source.kind === 'onPremises' ? 'response' : null;
  if (toPremises) {
    if (viaDirectConnect) lines.directConnectOut = toPremises;
    // Over a Site-to-Site VPN, data out is billed at the internet rate (AWS Site-to-Site VPN pricing).
    else lines.internetEgress = toPremises;
  }
  // Between zones: the two ends, or an instance and the NAT gateway it goes out through.
  const from = zoneOf(design, source);
  const natZone = nat ? getResource(design, nat.subnetId, 'subnet')?.azId : null;
  const to = destination.kind === 'interface' ? zoneOf(design, destination) : (natZone ?? null);
  if (from && to && from !== to && !lines.publicInRegion) lines.betweenZones = 'both';
  return lines;
}

/** Bytes of one request on a line. */
export function bytesOn(which: 'request' | 'response' | 'both', flow: Pick<Flow, 'requestBytes' | 'responseBytes'>) {
  const request = flow.requestBytes ?? DEFAULT_REQUEST_BYTES;
  const response = flow.responseBytes ?? DEFAULT_RESPONSE_BYTES;
  return which === 'request' ? request : which === 'response' ? response : request + response;
}

/** USD per GB of each line that has one flat rate. */
const FLAT_RATE: Record<Exclude<TransferLine, 'internetEgress'>, number> = {
  natProcessing: PRICES.transfer.natGatewayPerGb,
  transitGatewayProcessing: PRICES.transitGateway.perGb,
  interfaceEndpointProcessing: PRICES.interfaceEndpoint.perGb,
  // $0.01 per GB in each direction: out of one zone and into the other.
  betweenZones: 2 * PRICES.transfer.interZonePerGbEachWay,
  publicInRegion: 2 * PRICES.transfer.interZonePerGbEachWay,
  directConnectOut: PRICES.transfer.directConnectOutPerGb,
};

/**
 * Internet egress is tiered by the month's total across the account: the first
 * 100 GB free, then $0.09, $0.085, $0.07 and $0.05 per GB (EC2 On-Demand
 * pricing, "Data Transfer OUT From Amazon EC2 To Internet").
 */
export function egressCost(gbBefore: number, gb: number): number {
  let cost = 0;
  let at = gbBefore;
  let left = gb;
  for (const tier of PRICES.transfer.internetEgressTiers) {
    if (left <= 0) break;
    if (at >= tier.upToGb) continue;
    const inTier = Math.min(left, tier.upToGb - at);
    cost += inTier * tier.perGb;
    at += inTier;
    left -= inTier;
  }
  return cost;
}

/** The cost of `gb` on a flat-rate line. */
export const flatCost = (line: Exclude<TransferLine, 'internetEgress'>, gb: number) => gb * FLAT_RATE[line];
