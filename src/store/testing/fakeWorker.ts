import { expose } from 'comlink';
import type { SupervisorOptions, WorkerEndpoint } from '../workerSupervisor';

/**
 * Workers that run in this process over a MessageChannel, as the supervisor
 * sees a real one: `terminate()` cuts the channel (calls then never answer)
 * and ends its life as the browser's Web Lock would; `fail` fires `error`.
 */
export interface FakeWorker {
  name: string;
  terminate(): void;
  /** Fires an `error` event; with no message, as a script that failed to load does. */
  fail(message?: string): void;
  terminated: boolean;
}

export function fakeWorkers(makeApi: (index: number) => object): {
  options: Pick<SupervisorOptions, 'create' | 'watchExit'>;
  workers: FakeWorker[];
} {
  const workers: FakeWorker[] = [];
  const exits = new Map<string, Promise<void>>();
  const create = (name: string): WorkerEndpoint => {
    const { port1, port2 } = new MessageChannel();
    expose({ ping: () => 'ok', ...makeApi(workers.length) }, port2 as unknown as Parameters<typeof expose>[1]);
    const listeners: Record<string, Array<(event: unknown) => void>> = {};
    let exit!: () => void;
    exits.set(name, new Promise<void>((resolve) => (exit = resolve)));
    const fake: FakeWorker = {
      name,
      terminated: false,
      terminate() {
        if (fake.terminated) return;
        fake.terminated = true;
        port1.close();
        port2.close();
        exit();
      },
      fail(message) {
        for (const listener of listeners.error ?? []) listener({ type: 'error', message });
      },
    };
    workers.push(fake);
    return {
      postMessage: (message: unknown, transfer?: Transferable[]) =>
        fake.terminated ? undefined : port1.postMessage(message, transfer as never),
      addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
        if (type === 'message') port1.addEventListener('message', listener as never);
        else (listeners[type] ??= []).push(listener as (event: unknown) => void);
      },
      removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
        if (type === 'message') port1.removeEventListener('message', listener as never);
      },
      start: () => port1.start(),
      terminate: () => fake.terminate(),
    };
  };
  return { options: { create, watchExit: (name) => exits.get(name)! }, workers };
}
