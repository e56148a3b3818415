import { afterEach, describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../domain';
import { inputsApi } from '../scenarios/inputs';
import { learnApi } from '../scenarios/learn/learnApi';
import { TEMPLATES } from '../scenarios/templates';
import { createAnalysisApi } from '../sim/analysisApi';
import type { SimFrame } from '../sim/protocol';
import { useDesignStore } from './designStore';
import { instanceAction, startSimulation, stepSimulation, stopSimulation, useSimStore } from './simStore';
import { fakeWorkers } from './testing/fakeWorker';
import { useViewStore } from './viewStore';
import { superviseWorkerWith } from './workerClient';

/** A worker as the entry builds it, one independent simulation each. */
const workerApi = () => ({ ...createAnalysisApi(), ...learnApi, ...inputsApi });

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

/** What a user sees of a frame; path versions count re-plans and may differ after a restore. */
const seen = (frame: SimFrame | null) =>
  frame && {
    now: frame.now,
    instances: frame.instances,
    functions: frame.functions,
    services: frame.services,
    cost: frame.cost,
    flows: frame.traffic.flows,
  };

afterEach(async () => {
  await stopSimulation();
  useViewStore.setState({ notices: [] });
});

const web = () => TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
const instanceId = (design: ReturnType<typeof web>) =>
  Object.values(design.resources).find((r) => r.kind === 'ec2Instance')!.id;

/** Plays a session with an edit and an EC2 action, as a user would. */
async function session(): Promise<void> {
  const design = web();
  useDesignStore.getState().replace(design);
  await startSimulation(7);
  await stepSimulation(30);
  useDesignStore.getState().apply((draft) => {
    (draft.resources[instanceId(design)] as Ec2Instance).instanceType = 't3.large';
  });
  await stepSimulation(20);
  await instanceAction(instanceId(design), 'stop');
  await stepSimulation(20);
  await until(() => useSimStore.getState().frame?.now === 70, 'the frame at 00:01:10');
}

describe('a simulation whose worker is lost', () => {
  it('is rebuilt in the new worker at the last frame, says so, and goes on as if nothing happened', async () => {
    const { options, workers } = fakeWorkers(workerApi);
    superviseWorkerWith({ ...options, timeoutMs: () => 5000 });
    await session();
    const before = seen(useSimStore.getState().frame);
    const log = useSimStore.getState().log.map((l) => l.text);
    expect(before!.instances[instanceId(web())]!.state).not.toBe('running');

    workers[0]!.terminate();
    await until(() => useViewStore.getState().notices.length > 0, 'the notice');
    expect(useViewStore.getState().notices).toEqual([
      expect.objectContaining({
        tone: 'warning',
        title:
          'The simulation worker stopped (it was closed or crashed); Nimbus restarted it. Press Play to continue from 00:01:10.',
      }),
    ]);
    expect(workers).toHaveLength(2);
    expect(seen(useSimStore.getState().frame)).toEqual(before);
    expect(useSimStore.getState().log.map((l) => l.text)).toEqual(log);
    expect(useSimStore.getState().frame!.running).toBe(false);

    // Going on in the new worker gives what the first would have given.
    await stepSimulation(600);
    await until(() => useSimStore.getState().frame?.now === 670, 'the frame at 00:11:10');
    const resumed = seen(useSimStore.getState().frame);
    await stopSimulation();

    const reference = fakeWorkers(workerApi);
    superviseWorkerWith({ ...reference.options, timeoutMs: () => 5000 });
    await session();
    await stepSimulation(600);
    await until(() => useSimStore.getState().frame?.now === 670, 'the reference frame');
    expect(resumed).toEqual(seen(useSimStore.getState().frame));
  });

  it('keeps thousands of edits made while paused as one, so a restart still resumes at the last frame', async () => {
    const { options, workers } = fakeWorkers(workerApi);
    superviseWorkerWith({ ...options, timeoutMs: () => 5000 });
    await session();
    const design = useDesignStore.getState().history.present;
    for (let i = 0; i < 2100; i++) {
      useDesignStore.getState().apply((draft) => {
        (draft.resources[instanceId(design)] as Ec2Instance).name = `web ${i}`;
      });
      // Each edit reaches the worker as its own sync, as typing does.
      await new Promise((r) => setTimeout(r, 0));
    }
    await until(() => useSimStore.getState().frame?.now === 70, 'the frame after the edits');
    workers[0]!.terminate();
    await until(() => useViewStore.getState().notices.length > 0, 'the notice');
    expect(useViewStore.getState().notices[0]!.title).toContain('Press Play to continue from 00:01:10.');
    // 2,100 edits, each synced on its own, take about 4.5 s on a shared 2-core machine (as on main): more than the default 5 s leaves.
  }, 20_000);

  it('edits made while the worker is gone reach the new one', async () => {
    const { options, workers } = fakeWorkers(workerApi);
    superviseWorkerWith({ ...options, timeoutMs: () => 5000 });
    await session();
    workers[0]!.terminate();
    const design = useDesignStore.getState().history.present;
    useDesignStore.getState().apply((draft) => {
      (draft.resources[instanceId(design)] as Ec2Instance).name = 'renamed';
    });
    await until(() => useViewStore.getState().notices.length > 0, 'the notice');
    await stepSimulation(10);
    await until(() => useSimStore.getState().frame?.now === 80, 'the next frame');
    expect(useSimStore.getState().frame!.instances[instanceId(design)]).toBeDefined();
    expect(workers).toHaveLength(2);
  });

  it('starts again from the beginning, and says so, when the new worker cannot rebuild it', async () => {
    const { options, workers } = fakeWorkers((index) => ({
      ...workerApi(),
      // The new worker can't rebuild: it refuses the restore.
      ...(index > 0 ? { simRestore: () => ({ ok: false, errors: ['no'] }) } : {}),
    }));
    superviseWorkerWith({ ...options, timeoutMs: () => 5000 });
    await session();
    workers[0]!.terminate();
    await until(() => useViewStore.getState().notices.length > 0, 'the notice');
    expect(useViewStore.getState().notices[0]!.title).toBe(
      'The simulation worker stopped (it was closed or crashed); Nimbus restarted it. The simulation could not be brought back to 00:01:10; it starts again from 00:00:00.',
    );
    expect(useSimStore.getState().frame!.now).toBe(0);
    expect(useSimStore.getState().active).toBe(true);
  });

  it('stays stopped when the user stops it while the new worker is being brought back', async () => {
    const { options, workers } = fakeWorkers((index) => {
      const api = workerApi();
      if (index === 0) return api;
      const restore = api.simRestore.bind(api);
      return {
        ...api,
        simRestore: async (...args: Parameters<typeof restore>) => {
          await new Promise((r) => setTimeout(r, 100));
          return restore(...args);
        },
      };
    });
    superviseWorkerWith({ ...options, timeoutMs: () => 5000 });
    await session();
    workers[0]!.terminate();
    await until(() => workers.length === 2, 'the new worker');
    await stopSimulation();
    await until(() => useViewStore.getState().notices.length > 0, 'the notice');
    expect(useViewStore.getState().notices[0]!.title).toBe(
      'The simulation worker stopped (it was closed or crashed); Nimbus restarted it.',
    );
    expect(useSimStore.getState()).toMatchObject({ active: false, frame: null });
  });
});
