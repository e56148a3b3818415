import { Netmask, ip2long, long2ip } from 'netmask';
import { SUBNET_PREFIX_RANGE } from '../domain/catalogs/limits';

/**
 * IPv4 CIDR math for AWS networks. Addresses are unsigned 32-bit numbers;
 * `netmask` does the parsing and block arithmetic, this module adds strict
 * input checks, readable errors and AWS's subnet rules.
 * AWS source: Amazon VPC User Guide, "Subnet CIDR blocks".
 */
export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly network: number;
  readonly prefix: number;
  /** Canonical text, e.g. `10.0.1.0/24`. */
  readonly text: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Parsed addresses by text, and address texts by number: a path analysis reads
 * and writes the same few addresses at every hop. Results are immutable, so
 * bounded caches are safe.
 */
const ipv4Cache = new Map<string, Parsed<number>>();
const ipv4TextCache = new Map<number, string>();
const IPV4_CACHE_LIMIT = 50_000;

/** Parses dotted-decimal IPv4 text strictly (no octal, hex or short forms). */
export function parseIpv4(text: string): Parsed<number> {
  const cached = ipv4Cache.get(text);
  if (cached) return cached;
  const parsed = parseIpv4Uncached(text);
  if (ipv4Cache.size >= IPV4_CACHE_LIMIT) ipv4Cache.clear();
  ipv4Cache.set(text, parsed);
  return parsed;
}

function parseIpv4Uncached(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'enter an IPv4 address such as 10.0.1.25' };
  const match = DOTTED_QUAD.exec(trimmed);
  if (!match) return { ok: false, error: `"${trimmed}" is not an IPv4 address (four numbers 0-255 separated by dots)` };
  const octets = match.slice(1).map(Number);
  const bad = octets.find((o) => o > 255);
  if (bad !== undefined)
    return { ok: false, error: `"${trimmed}" has ${bad} in it; each part of an IPv4 address is 0 to 255` };
  if (match.slice(1).some((o) => o.length > 1 && o.startsWith('0'))) {
    return { ok: false, error: `"${trimmed}" has a part with a leading zero; write it without (e.g. 10.0.1.5)` };
  }
  return { ok: true, value: ip2long(trimmed) >>> 0 };
}

export function formatIpv4(address: number): string {
  let text = ipv4TextCache.get(address);
  if (text === undefined) {
    text = long2ip(address >>> 0);
    if (ipv4TextCache.size >= IPV4_CACHE_LIMIT) ipv4TextCache.clear();
    ipv4TextCache.set(address, text);
  }
  return text;
}

/**
 * Parsed CIDRs by text. Analyses parse the same few rule and route CIDRs
 * millions of times; results are immutable, so a bounded cache is safe.
 */
const cidrCache = new Map<string, Parsed<Cidr>>();
const CIDR_CACHE_LIMIT = 50_000;

/** Parses `a.b.c.d/n`, refusing host bits set, so `10.0.0.1/24` is an error that names the right block. */
export function parseCidr(text: string): Parsed<Cidr> {
  const cached = cidrCache.get(text);
  if (cached) return cached;
  const parsed = parseCidrUncached(text);
  if (cidrCache.size >= CIDR_CACHE_LIMIT) cidrCache.clear();
  cidrCache.set(text, parsed);
  return parsed;
}

function parseCidrUncached(text: string): Parsed<Cidr> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'enter a CIDR block such as 10.0.0.0/16' };
  const slash = trimmed.indexOf('/');
  if (slash < 0) {
    const bare = parseIpv4(trimmed);
    if (!bare.ok) return bare;
    return { ok: false, error: `"${trimmed}" has no prefix length; write it as address/prefix, e.g. ${trimmed}/24` };
  }
  const address = parseIpv4(trimmed.slice(0, slash));
  if (!address.ok) return address;
  const prefixText = trimmed.slice(slash + 1);
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) {
    return { ok: false, error: `"/${prefixText}" is not a prefix length; IPv4 prefixes run from /0 to /32` };
  }
  const prefix = Number(prefixText);
  const block = new Netmask(`${formatIpv4(address.value)}/${prefix}`);
  const network = ip2long(block.base) >>> 0;
  if (network !== address.value) {
    return {
      ok: false,
      error: `${trimmed} is not a network address: with /${prefix} the block starts at ${block.base} (did you mean ${block.base}/${prefix}?)`,
    };
  }
  return { ok: true, value: { network, prefix, text: `${block.base}/${prefix}` } };
}

/** Parses a CIDR the caller already knows to be valid (catalogs, tests); throws otherwise. */
export function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export function blockSize(block: Cidr): number {
  return 2 ** (32 - block.prefix);
}

/** The last address of the block (AWS subnets reserve it; it is not a working broadcast). */
export function lastAddress(block: Cidr): number {
  return block.network + blockSize(block) - 1;
}

export function containsAddress(block: Cidr, address: number): boolean {
  return address >= block.network && address <= lastAddress(block);
}

/** True when every address of `inner` is inside `outer`. */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && containsAddress(outer, inner.network);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

export type ReservedRole =
  'network address' | 'VPC router' | 'Amazon DNS' | 'reserved for future use' | 'last address (no broadcast in a VPC)';

export interface ReservedAddress {
  address: string;
  role: ReservedRole;
}

/** AWS reserves the first four and the last address of every subnet. */
const RESERVED_OFFSETS: ReadonlyArray<[offset: number | 'last', role: ReservedRole]> = [
  [0, 'network address'],
  [1, 'VPC router'],
  [2, 'Amazon DNS'],
  [3, 'reserved for future use'],
  ['last', 'last address (no broadcast in a VPC)'],
];

export function reservedAddresses(block: Cidr): ReservedAddress[] {
  const size = blockSize(block);
  const seen = new Set<number>();
  const result: ReservedAddress[] = [];
  for (const [offset, role] of RESERVED_OFFSETS) {
    const at = offset === 'last' ? size - 1 : offset;
    if (at >= size || seen.has(at)) continue;
    seen.add(at);
    result.push({ address: formatIpv4(block.network + at), role });
  }
  return result;
}

export function isReservedAddress(block: Cidr, address: number): boolean {
  if (!containsAddress(block, address)) return false;
  const offset = address - block.network;
  return offset <= 3 || address === lastAddress(block);
}

/** Addresses an instance can get: size minus the 5 AWS reserves (251 in a /24, 11 in a /28). */
export function usableCount(block: Cidr): number {
  return Math.max(0, blockSize(block) - reservedAddresses(block).length);
}

const SUBNET_MIN_PREFIX = SUBNET_PREFIX_RANGE.min;
const SUBNET_MAX_PREFIX = SUBNET_PREFIX_RANGE.max;

export interface SubnetDescription {
  cidr: string;
  network: string;
  broadcast: string;
  netmask: string;
  prefix: number;
  size: number;
  usable: number;
  firstUsable: string | null;
  lastUsable: string | null;
  reserved: ReservedAddress[];
  /** Set when the block could not be an AWS subnet. */
  note: string | null;
}

export function describeSubnet(block: Cidr): SubnetDescription {
  const usable = usableCount(block);
  const mask = new Netmask(block.text);
  const outside = block.prefix < SUBNET_MIN_PREFIX || block.prefix > SUBNET_MAX_PREFIX;
  return {
    cidr: block.text,
    network: formatIpv4(block.network),
    broadcast: formatIpv4(lastAddress(block)),
    netmask: mask.mask,
    prefix: block.prefix,
    size: blockSize(block),
    usable,
    firstUsable: usable > 0 ? formatIpv4(block.network + 4) : null,
    lastUsable: usable > 0 ? formatIpv4(lastAddress(block) - 1) : null,
    reserved: reservedAddresses(block),
    note: outside
      ? `AWS subnets are /${SUBNET_MIN_PREFIX} to /${SUBNET_MAX_PREFIX}; /${block.prefix} can't be a subnet`
      : null,
  };
}

/**
 * The lowest block of `prefix` inside one of `within` that overlaps none of `taken`,
 * or null when there is no room. Scans aligned candidates, jumping past each
 * collision, so it stays fast even in a /16 full of /28s.
 */
export function nextFreeBlock(within: readonly Cidr[], taken: readonly Cidr[], prefix: number): Cidr | null {
  const size = 2 ** (32 - prefix);
  const sorted = [...taken].sort((a, b) => a.network - b.network);
  for (const outer of within) {
    if (prefix < outer.prefix) continue;
    const end = lastAddress(outer);
    let candidate = outer.network;
    // Candidates only grow, so blocks that end before one never matter again.
    let first = 0;
    while (candidate + size - 1 <= end) {
      while (first < sorted.length && lastAddress(sorted[first]!) < candidate) first++;
      const clash = first < sorted.length && sorted[first]!.network <= candidate + size - 1 ? sorted[first]! : null;
      if (!clash) return { network: candidate, prefix, text: `${formatIpv4(candidate)}/${prefix}` };
      // Move to the next aligned block at or after the end of the clash.
      candidate = Math.ceil((lastAddress(clash) + 1) / size) * size;
    }
  }
  return null;
}

/** The lowest usable address of the subnet not in `taken`, or null when the subnet is full. */
export function allocatePrivateIp(subnet: Cidr, taken: ReadonlySet<number>): number | null {
  const last = lastAddress(subnet);
  for (let address = subnet.network + 4; address < last; address++) {
    if (!taken.has(address)) return address;
  }
  return null;
}

/** Whether the block lies in a range AWS recommends for VPCs (RFC 1918 or 100.64.0.0/10). */
export const RECOMMENDED_PRIVATE_RANGES: readonly Cidr[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
].map(cidr);

export function isRecommendedPrivateRange(block: Cidr): boolean {
  return RECOMMENDED_PRIVATE_RANGES.some((range) => containsCidr(range, block));
}
