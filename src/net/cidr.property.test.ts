import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsAddress,
  containsCidr,
  formatIpv4,
  nextFreeBlock,
  overlaps,
  parseCidr,
  usableCount,
  type Cidr,
} from './cidr';

/**
 * Checks the CIDR engine against an independent model: a block is the integer
 * interval [base, base + 2^(32-prefix) - 1], computed here with BigInt and no
 * shared code.
 */
const arbitraryBlock = fc
  .record({ address: fc.integer({ min: 0, max: 0xffffffff }), prefix: fc.integer({ min: 0, max: 32 }) })
  .map(({ address, prefix }) => {
    const size = 2n ** BigInt(32 - prefix);
    const base = (BigInt(address) / size) * size;
    return { base, last: base + size - 1n, prefix };
  });

type Model = { base: bigint; last: bigint; prefix: number };

function toCidr(model: Model): Cidr {
  const parsed = parseCidr(`${formatIpv4(Number(model.base))}/${model.prefix}`);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('CIDR engine against 32-bit interval arithmetic', () => {
  it('parses every aligned block back to the same interval', () => {
    fc.assert(
      fc.property(arbitraryBlock, (model) => {
        const block = toCidr(model);
        expect(BigInt(block.network)).toBe(model.base);
        expect(block.prefix).toBe(model.prefix);
      }),
    );
  });

  it('contains matches interval inclusion', () => {
    fc.assert(
      fc.property(arbitraryBlock, arbitraryBlock, (a, b) => {
        expect(containsCidr(toCidr(a), toCidr(b))).toBe(a.base <= b.base && b.last <= a.last);
      }),
    );
  });

  it('overlaps matches interval intersection and is symmetric', () => {
    fc.assert(
      fc.property(arbitraryBlock, arbitraryBlock, (a, b) => {
        const expected = a.base <= b.last && b.base <= a.last;
        expect(overlaps(toCidr(a), toCidr(b))).toBe(expected);
        expect(overlaps(toCidr(b), toCidr(a))).toBe(expected);
      }),
    );
  });

  it('an address is in a block exactly when it lies in its interval', () => {
    fc.assert(
      fc.property(arbitraryBlock, fc.integer({ min: 0, max: 0xffffffff }), (a, address) => {
        expect(containsAddress(toCidr(a), address)).toBe(a.base <= BigInt(address) && BigInt(address) <= a.last);
      }),
    );
  });

  it('usable count is the size less the five reserved addresses (never negative)', () => {
    fc.assert(
      fc.property(arbitraryBlock, (a) => {
        const size = a.last - a.base + 1n;
        expect(BigInt(usableCount(toCidr(a)))).toBe(size > 5n ? size - 5n : 0n);
      }),
    );
  });

  it('host bits set are always rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 31 }), (address, prefix) => {
        const size = 2 ** (32 - prefix);
        fc.pre(address % size !== 0);
        expect(parseCidr(`${formatIpv4(address)}/${prefix}`).ok).toBe(false);
      }),
    );
  });
});

describe('nextFreeBlock against a brute-force scan', () => {
  it('returns the lowest aligned block that overlaps nothing taken (nested and unsorted blocks included)', () => {
    const within: Model = { base: 0x0a000000n, last: 0x0a0000ffn, prefix: 24 };
    const takenBlock = fc
      .record({ offset: fc.integer({ min: 0, max: 255 }), prefix: fc.integer({ min: 25, max: 32 }) })
      .map(({ offset, prefix }) => {
        const size = 2n ** BigInt(32 - prefix);
        const base = within.base + (BigInt(offset) / size) * size;
        return { base, last: base + size - 1n, prefix };
      });
    fc.assert(
      fc.property(fc.array(takenBlock, { maxLength: 12 }), fc.integer({ min: 24, max: 30 }), (taken, prefix) => {
        const size = 2n ** BigInt(32 - prefix);
        let expected: bigint | null = null;
        for (let base = within.base; base + size - 1n <= within.last; base += size) {
          if (taken.every((t) => t.last < base || t.base > base + size - 1n)) {
            expected = base;
            break;
          }
        }
        const found = nextFreeBlock([toCidr(within)], taken.map(toCidr), prefix);
        expect(found === null ? null : BigInt(found.network)).toBe(expected);
      }),
    );
  });
});
