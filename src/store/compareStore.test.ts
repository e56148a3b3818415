import { afterEach, describe, expect, it } from 'vitest';
import { resourcesOfKind, type SecurityGroup } from '../domain';
import { diffApi } from '../scenarios/diff';
import { TEMPLATES } from '../scenarios/templates';
import { compareWith, endComparison, useCompareStore } from './compareStore';
import { useDesignStore } from './designStore';
import { startHistory } from './history';
import { fakeWorkers } from './testing/fakeWorker';
import { superviseWorkerWith } from './workerClient';

const web = () => TEMPLATES.find((t) => t.id === 'single-web-server')!.build();

afterEach(() => endComparison());

describe('compareWith', () => {
  it('runs the diff in the worker and marks what the open design changed', async () => {
    const calls: string[] = [];
    const { options } = fakeWorkers(() => ({
      diffDesigns: (before: unknown, after: unknown) => {
        calls.push('diffDesigns');
        return diffApi.diffDesigns(before, after);
      },
    }));
    superviseWorkerWith({ ...options, timeoutMs: () => 5000 });
    const before = web();
    const after = structuredClone(before);
    const group = resourcesOfKind(after, 'securityGroup').find((g) => g.name === 'web')!;
    const open: SecurityGroup = {
      ...group,
      inbound: [
        ...group.inbound,
        { protocol: 'tcp', ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' },
      ],
    };
    after.resources[group.id] = open;
    useDesignStore.setState({ history: startHistory(after) });

    await compareWith(before, 'the version you opened');
    const state = useCompareStore.getState();
    expect(calls).toEqual(['diffDesigns']);
    expect(state.status).toBe('shown');
    expect([...state.marks!.changed]).toEqual([group.id]);
    expect(state.diff!.paths.opened.map((p) => [p.sourceKind, p.port])).toEqual([['internet', 22]]);

    endComparison();
    expect(useCompareStore.getState()).toMatchObject({ status: 'idle', marks: null, diff: null });
  });

  it('says why when the worker answers that a design is unreadable', async () => {
    const { options } = fakeWorkers(() => diffApi);
    superviseWorkerWith({ ...options, timeoutMs: () => 5000 });
    useDesignStore.setState({ history: startHistory(web()) });
    await compareWith({ not: 'a design' } as never, 'a broken file');
    expect(useCompareStore.getState().status).toBe('failed');
    expect(useCompareStore.getState().error).toMatch(/^The designs could not be read: before: /);
  });
});
