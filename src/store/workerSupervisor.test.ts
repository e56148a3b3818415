import { afterEach, describe, expect, it } from 'vitest';
import { fakeWorkers } from './testing/fakeWorker';
import { WorkerSupervisor, type SupervisorEvent } from './workerSupervisor';

interface TestApi {
  echo(value: string): string;
  never(): Promise<never>;
}

const api = (index: number) => ({
  echo: (value: string) => `${value} from worker ${index}`,
  never: () => new Promise<never>(() => undefined),
});

let supervisor: WorkerSupervisor<TestApi> | null = null;
afterEach(() => supervisor?.dispose());

function supervise(options: Partial<ConstructorParameters<typeof WorkerSupervisor>[0]> = {}) {
  const fakes = fakeWorkers(api);
  const events: SupervisorEvent[] = [];
  supervisor = new WorkerSupervisor<TestApi>({ ...fakes.options, timeoutMs: () => 200, ...options });
  supervisor.subscribe((event) => events.push(event));
  return { supervisor, workers: fakes.workers, events };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('the worker supervisor', () => {
  it('starts a worker on the first call and keeps it', async () => {
    const { supervisor, workers } = supervise();
    await expect(supervisor.api.echo('a')).resolves.toBe('a from worker 0');
    await expect(supervisor.api.echo('b')).resolves.toBe('b from worker 0');
    expect(workers).toHaveLength(1);
  });

  it('without a way to see a worker end, rejects a call that never answers and replaces the stuck worker', async () => {
    const { supervisor, workers, events } = supervise({ watchExit: undefined });
    await supervisor.api.echo('warm up');
    await expect(supervisor.api.never()).rejects.toMatchObject({
      name: 'WorkerError',
      kind: 'timeout',
      message: 'The simulation worker did not answer within 200 ms.',
    });
    expect(workers[0]!.terminated).toBe(true);
    await until(() => events.length > 0);
    expect(events).toEqual([{ type: 'restarted', reason: 'it did not answer within 200 ms' }]);
    await expect(supervisor.api.echo('c')).resolves.toBe('c from worker 1');
  });

  it('when the browser says when a worker ends, a late call fails alone and the busy worker is kept', async () => {
    const { supervisor, workers, events } = supervise();
    await supervisor.api.echo('warm up');
    await expect(supervisor.api.never()).rejects.toMatchObject({ name: 'WorkerError', kind: 'timeout' });
    expect(workers[0]!.terminated).toBe(false);
    await expect(supervisor.api.echo('still here')).resolves.toBe('still here from worker 0');
    expect(events).toEqual([]);
  });

  it('notices a worker that was terminated or crashed, rejects what was pending, and restarts it', async () => {
    const { supervisor, workers, events } = supervise({ timeoutMs: () => 60_000 });
    await supervisor.api.echo('warm up');
    const pending = supervisor.api.never();
    workers[0]!.terminate();
    // Long before the minute's limit: the worker's end is what rejects it.
    await expect(pending).rejects.toMatchObject({
      kind: 'lost',
      message: 'The simulation worker stopped (it was closed or crashed).',
    });
    await until(() => events.length > 0);
    expect(events).toEqual([{ type: 'restarted', reason: 'it was closed or crashed' }]);
    expect(workers).toHaveLength(2);
    await expect(supervisor.api.echo('d')).resolves.toBe('d from worker 1');
  });

  it('without a way to see a worker end, notices a dead one by the ping it no longer answers', async () => {
    const { supervisor, workers, events } = supervise({ watchExit: () => null, heartbeatMs: 20, timeoutMs: () => 100 });
    await supervisor.api.echo('warm up');
    workers[0]!.terminate();
    await until(() => events.length > 0);
    expect(events).toEqual([{ type: 'restarted', reason: 'it did not answer within 100 ms' }]);
    await expect(supervisor.api.echo('i')).resolves.toBe('i from worker 1');
  });

  it("catches the worker's error event and restarts it", async () => {
    const { supervisor, workers, events } = supervise();
    await supervisor.api.echo('warm up');
    workers[0]!.fail('Maximum call stack size exceeded');
    await until(() => events.length > 0);
    expect(events).toEqual([{ type: 'restarted', reason: 'error: Maximum call stack size exceeded' }]);
    expect(workers[0]!.terminated).toBe(true);
    await expect(supervisor.api.echo('e')).resolves.toBe('e from worker 1');
  });

  it('reports a script that fails to load, without a restart loop; the next call tries again', async () => {
    const fakes = fakeWorkers(api);
    const events: SupervisorEvent[] = [];
    let first = true;
    supervisor = new WorkerSupervisor<TestApi>({
      ...fakes.options,
      create: (name) => {
        const worker = fakes.options.create(name);
        if (first) queueMicrotask(() => fakes.workers[0]!.fail());
        first = false;
        return worker;
      },
    });
    supervisor.subscribe((event) => events.push(event));
    await expect(supervisor.api.echo('f')).rejects.toMatchObject({
      kind: 'start',
      message: 'The simulation worker could not start (its script could not be loaded).',
    });
    expect(events).toEqual([{ type: 'failed', reason: 'its script could not be loaded' }]);
    expect(fakes.workers).toHaveLength(1);
    await expect(supervisor.api.echo('g')).resolves.toBe('g from worker 1');
  });

  it('gives up restarting a worker that keeps dying, and says so', async () => {
    let now = 0;
    const { supervisor, workers, events } = supervise({ maxRestarts: 2, now: () => now });
    for (let i = 0; i < 3; i++) {
      await supervisor.api.echo('warm up');
      workers[i]!.terminate();
      await until(() => events.length === i + 1);
      now += 1000;
    }
    expect(events.map((e) => e.type)).toEqual(['restarted', 'restarted', 'failed']);
    expect(events[2]).toEqual({ type: 'failed', reason: 'it was closed or crashed, again' });
    await expect(supervisor.api.echo('h')).resolves.toBe('h from worker 3');
  });
});
