import { describe, expect, it } from 'vitest';
import type { Design, Flow } from '../../domain';
import { sampleDesign } from '../testing/sampleDesign';
import { validateDesign } from '../validate';

const flow = (from: string, to: string): Flow => ({
  id: 'flow-1',
  name: 'Users',
  from,
  to,
  protocol: 'tcp',
  port: 443,
  ratePerSecond: 10,
});
const withFlow = (f: Flow): Design => ({ ...sampleDesign(), flows: [f] });
const flowFindings = (design: Design) => validateDesign(design).filter((f) => f.code === 'FLOW_ENDPOINT_UNRESOLVED');

describe('FLOW_ENDPOINT_UNRESOLVED', () => {
  it('warns when a flow names an instance that was deleted', () => {
    const design = withFlow(flow('internet', 'i-1'));
    const resources = { ...design.resources };
    delete resources['i-1'];
    const findings = flowFindings({ ...design, resources });
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        resourceId: 'flow-1',
        message: expect.stringContaining('its destination "i-1" does not resolve (no resource'),
      }),
    ]);
  });

  it('warns when an endpoint names something traffic cannot start from (a subnet)', () => {
    expect(flowFindings(withFlow(flow('subnet-1', 'internet')))[0]?.message).toContain('its source "subnet-1"');
  });

  it('stays quiet for endpoints that resolve: internet, an id, a name, an address', () => {
    expect(flowFindings(withFlow(flow('internet', 'i-1')))).toEqual([]);
    expect(flowFindings(withFlow(flow('App server', '203.0.113.9')))).toEqual([]);
    expect(flowFindings(withFlow(flow('10.0.1.10', 'internet')))).toEqual([]);
  });
});
