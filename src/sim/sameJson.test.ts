import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from './traffic';

/** Paths are compared as their JSON would be: `sameJson` must answer exactly what comparing the texts answers. */
describe('sameJson', () => {
  const cases: Array<[unknown, unknown]> = [
    [
      { a: 1, b: 2 },
      { b: 2, a: 1 },
    ],
    [{ a: 1, b: undefined }, { a: 1 }],
    [
      [1, undefined],
      [1, null],
    ],
    [NaN, null],
    [Infinity, -Infinity],
    [0, -0],
    [{ a: () => 1 }, {}],
    [
      { '2': 1, '1': 2 },
      { '1': 2, '2': 1 },
    ],
    [[], {}],
    ['1', 1],
    [{ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }],
    [{ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }],
  ];
  it.each(cases)('%j and %j', (a, b) => {
    expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });

  it('agrees with comparing the JSON of generated values and of their copies with a change', () => {
    const value = fc.anything({ withNullPrototype: false, withBoxedValues: false, withMap: false, withSet: false });
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        const copy: unknown = JSON.parse(JSON.stringify({ v: a }) ?? '{}');
        expect(sameJson({ v: a }, copy)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
