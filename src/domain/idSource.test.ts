import { describe, expect, it } from 'vitest';
import { emptyDesign } from './design';
import { idSourceFor } from './idSource';

describe('idSourceFor', () => {
  it('never hands out the id of a set-aside resource, so a newer Nimbus can still bring it back', () => {
    const design = {
      ...emptyDesign(),
      setAside: { resources: { 'vpc-00000001': { kind: 'vpc', id: 'vpc-00000001' } }, layout: {} },
    };
    // A random source that would first give exactly the set-aside id.
    const values = [1 / 0xffffffff, 2 / 0xffffffff];
    const ids = idSourceFor(design, () => values.shift() ?? 0.5);
    expect(ids.next('vpc')).toBe('vpc-00000002');
  });
});
