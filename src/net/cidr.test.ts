import { describe, expect, it } from 'vitest';
import {
  allocatePrivateIp,
  cidr,
  containsAddress,
  containsCidr,
  describeSubnet,
  formatIpv4,
  isReservedAddress,
  nextFreeBlock,
  overlaps,
  parseCidr,
  parseIpv4,
  usableCount,
} from './cidr';

const ip = (text: string): number => {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/33', /prefix/],
    ['10.0.0.1/24', /not a network address.*10\.0\.0\.0\/24/],
    ['300.1.1.1/8', /300/],
    ['', /enter a CIDR/],
    ['   ', /enter a CIDR/],
    ['10.0.0.0', /no prefix length/],
    ['10.0.0/16', /not an IPv4 address/],
    ['10.0.0.0/-1', /prefix/],
    ['10.0.0.0/abc', /prefix/],
    ['010.0.0.0/8', /leading zero/],
    ['0x0a.0.0.0/8', /not an IPv4 address/],
    ['10.0.0.0/16/2', /prefix/],
  ])('rejects %j with a message that says what is wrong', (text, message) => {
    const result = parseCidr(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('accepts network addresses and canonicalises the text', () => {
    const result = parseCidr(' 10.0.0.0/16 ');
    expect(result).toEqual({ ok: true, value: { network: ip('10.0.0.0'), prefix: 16, text: '10.0.0.0/16' } });
  });

  it('accepts /0 and /32', () => {
    expect(parseCidr('0.0.0.0/0').ok).toBe(true);
    expect(parseCidr('10.1.2.3/32').ok).toBe(true);
  });
});

describe('describeSubnet', () => {
  it('lists the five reserved addresses of 10.0.1.0/24 with their roles', () => {
    const info = describeSubnet(cidr('10.0.1.0/24'));
    expect(info.reserved).toEqual([
      { address: '10.0.1.0', role: 'network address' },
      { address: '10.0.1.1', role: 'VPC router' },
      { address: '10.0.1.2', role: 'Amazon DNS' },
      { address: '10.0.1.3', role: 'reserved for future use' },
      { address: '10.0.1.255', role: 'last address (no broadcast in a VPC)' },
    ]);
    expect(info).toMatchObject({
      size: 256,
      usable: 251,
      firstUsable: '10.0.1.4',
      lastUsable: '10.0.1.254',
      broadcast: '10.0.1.255',
      netmask: '255.255.255.0',
      note: null,
    });
  });

  it('gives a /28 11 usable addresses and a /16 65,531', () => {
    expect(describeSubnet(cidr('10.0.0.16/28'))).toMatchObject({
      size: 16,
      usable: 11,
      firstUsable: '10.0.0.20',
      lastUsable: '10.0.0.30',
    });
    expect(usableCount(cidr('10.0.0.0/16'))).toBe(65531);
  });

  it('notes blocks that can not be AWS subnets', () => {
    expect(describeSubnet(cidr('10.0.0.0/29')).note).toMatch(/\/16 to \/28/);
    expect(describeSubnet(cidr('10.0.0.0/8')).note).toMatch(/\/16 to \/28/);
  });

  it('never reports more reserved addresses than the block has', () => {
    expect(describeSubnet(cidr('10.0.0.0/31')).reserved).toHaveLength(2);
    expect(describeSubnet(cidr('10.0.0.0/32'))).toMatchObject({ usable: 0, firstUsable: null });
  });
});

describe('containment and overlap', () => {
  it('a VPC contains its subnets, including the ones at its edges', () => {
    const vpc = cidr('10.0.0.0/16');
    expect(containsCidr(vpc, cidr('10.0.0.0/24'))).toBe(true);
    expect(containsCidr(vpc, cidr('10.0.255.240/28'))).toBe(true);
    expect(containsCidr(vpc, cidr('10.0.0.0/16'))).toBe(true);
    expect(containsCidr(vpc, cidr('10.1.0.0/24'))).toBe(false);
    expect(containsCidr(cidr('10.0.0.0/24'), vpc)).toBe(false);
  });

  it('blocks that touch at a boundary do not overlap; one address in common does', () => {
    expect(overlaps(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
    expect(overlaps(cidr('10.0.0.0/23'), cidr('10.0.1.0/24'))).toBe(true);
    expect(overlaps(cidr('10.0.1.240/28'), cidr('10.0.1.0/24'))).toBe(true);
    expect(overlaps(cidr('10.0.1.255/32'), cidr('10.0.2.0/24'))).toBe(false);
  });

  it('secondary CIDRs are separate blocks', () => {
    const primary = cidr('10.0.0.0/16');
    const secondary = cidr('10.1.0.0/16');
    expect(overlaps(primary, secondary)).toBe(false);
    expect(containsCidr(secondary, cidr('10.1.5.0/24'))).toBe(true);
  });
});

describe('addresses in a subnet', () => {
  const subnet = cidr('10.0.1.0/24');
  it('knows which addresses are reserved', () => {
    for (const reserved of ['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255'])
      expect(isReservedAddress(subnet, ip(reserved))).toBe(true);
    for (const usable of ['10.0.1.4', '10.0.1.254']) expect(isReservedAddress(subnet, ip(usable))).toBe(false);
    expect(containsAddress(subnet, ip('10.0.2.0'))).toBe(false);
  });

  it('allocates the lowest free usable address and reports a full subnet', () => {
    expect(formatIpv4(allocatePrivateIp(subnet, new Set()) ?? 0)).toBe('10.0.1.4');
    expect(formatIpv4(allocatePrivateIp(subnet, new Set([ip('10.0.1.4'), ip('10.0.1.5')])) ?? 0)).toBe('10.0.1.6');
    const small = cidr('10.0.0.0/28');
    const all = new Set(Array.from({ length: 11 }, (_, i) => ip('10.0.0.4') + i));
    expect(allocatePrivateIp(small, all)).toBeNull();
  });
});

describe('nextFreeBlock', () => {
  const vpc = cidr('10.0.0.0/16');
  it('proposes the first free block of the asked size', () => {
    expect(nextFreeBlock([vpc], [], 24)?.text).toBe('10.0.0.0/24');
    expect(nextFreeBlock([vpc], [cidr('10.0.0.0/24'), cidr('10.0.1.0/24')], 24)?.text).toBe('10.0.2.0/24');
  });

  it('skips past a smaller block sitting in the way and keeps alignment', () => {
    expect(nextFreeBlock([vpc], [cidr('10.0.0.16/28')], 24)?.text).toBe('10.0.1.0/24');
    expect(nextFreeBlock([vpc], [cidr('10.0.0.0/28')], 28)?.text).toBe('10.0.0.16/28');
  });

  it('uses a secondary CIDR when the primary is full, and says null when nothing fits', () => {
    const small = cidr('10.0.0.0/28');
    expect(nextFreeBlock([small, cidr('10.1.0.0/16')], [small], 24)?.text).toBe('10.1.0.0/24');
    expect(nextFreeBlock([small], [small], 28)).toBeNull();
    expect(nextFreeBlock([small], [], 24)).toBeNull();
  });
});
