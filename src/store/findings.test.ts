import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../domain';
import { validateDesign } from '../engine';
import { findingsFor, loadValidation } from './findings';

/** A subnet outside its VPC's range: validation has something to say. */
function designWithAProblem() {
  const b = new DesignBuilder();
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  b.subnet(vpc, zone, '192.168.1.0/24');
  return b.build();
}

describe('findings', () => {
  it('has none until validation has loaded, then gives what validation finds', async () => {
    const design = designWithAProblem();
    const expected = validateDesign(design);
    expect(expected.length).toBeGreaterThan(0);
    // The first call starts the fetch and answers at once, without the rules.
    expect(findingsFor(design)).toEqual([]);
    await loadValidation();
    expect(findingsFor(design)).toEqual(expected);
    // Memoised on the design object.
    expect(findingsFor(design)).toBe(findingsFor(design));
  });
});
