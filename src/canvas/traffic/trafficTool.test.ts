import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../scenarios/templates';
import { useDesignStore, useLibraryStore, useTrafficView } from '../../store';
import { startHistory } from '../../store/history';
import { pickFlowEnd } from './trafficTool';

const open = () => {
  const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
  useDesignStore.setState({ history: startHistory(design), locked: false });
  useTrafficView.setState({ tool: { source: null } });
  return design;
};
const byName = (design: ReturnType<typeof open>, name: string) =>
  Object.values(design.resources).find((r) => r.name === name)!;

afterEach(() => useLibraryStore.setState({ viewOnly: false }));

describe('the traffic tool', () => {
  it('adds a flow from the first pick to the second and puts the tool away', () => {
    const design = open();
    const before = design.flows?.length ?? 0;
    expect(pickFlowEnd(byName(design, 'App A'), null).ok).toBe(true);
    expect(useTrafficView.getState().tool).toEqual({ source: byName(design, 'App A').id });
    expect(pickFlowEnd(byName(design, 'Internet'), useTrafficView.getState().tool!.source).ok).toBe(true);
    const flows = useDesignStore.getState().history.present.flows ?? [];
    expect(flows).toHaveLength(before + 1);
    expect(flows.at(-1)).toMatchObject({
      from: byName(design, 'App A').id,
      to: 'internet',
      protocol: 'tcp',
      port: 443,
    });
    expect(useTrafficView.getState().tool).toBeNull();
  });

  it('refuses what cannot send or receive traffic, the same end twice, and a view-only design', () => {
    const design = open();
    expect(pickFlowEnd(byName(design, 'Production VPC'), null)).toMatchObject({ ok: false });
    const app = byName(design, 'App A');
    expect(pickFlowEnd(app, app.id)).toMatchObject({ ok: false, message: 'Pick a different destination.' });
    useLibraryStore.setState({ viewOnly: true });
    expect(pickFlowEnd(app, null)).toMatchObject({ ok: false, message: expect.stringContaining('view-only') });
    expect(useDesignStore.getState().history.present.flows).toEqual(design.flows);
  });
});
