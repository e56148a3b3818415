import ElkApi, { type ELK } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { create } from 'zustand';
import { applyLayout, useDesignStore, useViewStore } from '../store';
import { tidyDesign } from './tidy';

/**
 * Runs Tidy up in the page: ELK lays the design out in its own Web Worker
 * (ELK's worker script, loaded the first time Tidy up is used and kept for the
 * next), so a design of thousands of resources never blocks the main thread;
 * the result is one undoable command.
 */
export const useTidyStore = create<{ running: boolean }>(() => ({ running: false }));

let elk: ELK | null = null;
const layouter = (): ELK => (elk ??= new ElkApi({ workerUrl: elkWorkerUrl }));

export async function tidyUp(): Promise<void> {
  const { history, locked } = useDesignStore.getState();
  if (locked || useTidyStore.getState().running) return;
  const design = history.present;
  if (Object.keys(design.resources).length === 0) return;
  useTidyStore.setState({ running: true });
  const notify = useViewStore.getState().notify;
  try {
    const tidy = await tidyDesign(design, layouter());
    if (applyLayout(design, tidy.layout))
      notify({ tone: 'info', title: 'Tidied up the layout. Undo (Ctrl+Z) puts every box back where it was.' });
    else notify({ tone: 'info', title: 'The design changed while it was being tidied, so nothing moved. Try again.' });
  } catch (error) {
    // A worker that could not start (or ELK refusing the graph) leaves the design as it was.
    elk?.terminateWorker();
    elk = null;
    notify({
      tone: 'error',
      title: `Tidy up failed, so nothing moved: ${error instanceof Error ? error.message : String(error)}`,
    });
  } finally {
    useTidyStore.setState({ running: false });
  }
}
