import { describe, expect, it } from 'vitest';
import { parseDesign } from '../domain';
import { validateDesign } from '../engine';
import { planFlowPath } from '../sim/trafficPath';
import { TEMPLATES } from './templates';

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s is a valid design with no errors', (_name, template) => {
    const design = template.build();
    expect(parseDesign(JSON.parse(JSON.stringify(design)))).toMatchObject({ ok: true });
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each([
    ['single-web-server', 'Internet users → Web server :443'],
    ['two-tier', 'App A → internet :443 via NAT'],
    ['tgw-three-vpcs', 'App → Data :5432 via the hub'],
    ['tgw-three-vpcs', 'Shared → App :443 via the hub'],
  ])('%s has a flow that resolves and gets through: %s', (id, name) => {
    const design = TEMPLATES.find((t) => t.id === id)!.build();
    const flow = design.flows?.find((f) => f.name === name);
    expect(flow).toBeDefined();
    expect(validateDesign(design).filter((f) => f.code === 'FLOW_ENDPOINT_UNRESOLVED')).toEqual([]);
    expect(planFlowPath(design, flow!)).toMatchObject({ reachable: true, error: null });
  });
});
