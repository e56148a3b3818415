import { create } from 'zustand';
import type { Design } from '../domain';
import type { DesignDiff, DiffCallResult } from '../scenarios/diff';
import { useDesignStore } from './designStore';
import { showReadOnly, useLibraryStore } from './libraryStore';
import { analysisWorker, describeWorkerError, isWorkerError, offMainThread } from './workerClient';

/**
 * "Compare with…": the open design against another (a library entry, a file,
 * the version this session opened, or the before side of a what-if link).
 * The diff runs in the worker, under the supervisor's time limit; the canvas
 * marks what it added and changed, and the panel lists the rest.
 */
export interface CompareMarks {
  added: ReadonlySet<string>;
  changed: ReadonlySet<string>;
}

export interface CompareState {
  dialogOpen: boolean;
  status: 'idle' | 'running' | 'shown' | 'failed';
  /** What the open design is compared with, in words: "the library entry “Shop”". */
  against: string | null;
  before: Design | null;
  /** The open design as it was compared (edits since are not in the diff). */
  after: Design | null;
  diff: DesignDiff | null;
  error: string | null;
  marks: CompareMarks | null;
  /** The library's `opened` count when the comparison started: opening another design ends it. */
  opened: number;
}

const idle = {
  status: 'idle',
  against: null,
  before: null,
  after: null,
  diff: null,
  error: null,
  marks: null,
  opened: -1,
} as const satisfies Partial<CompareState>;

export const useCompareStore = create<CompareState>()(() => ({ dialogOpen: false, ...idle }));

export const setCompareDialogOpen = (open: boolean): void => useCompareStore.setState({ dialogOpen: open });

/** Designs this small are diffed on the page when no worker can start; a bigger one would freeze it. */
const MAIN_THREAD_LIMIT = 300;

async function runDiff(before: Design, after: Design): Promise<DiffCallResult> {
  try {
    return await analysisWorker().diffDesigns(before, after);
  } catch (error) {
    const small = Object.keys(before.resources).length + Object.keys(after.resources).length <= MAIN_THREAD_LIMIT;
    if (isWorkerError(error) && error.kind !== 'timeout' && small)
      return (await import('../scenarios/diff')).diffApi.diffDesigns(before, after);
    throw error;
  }
}

export const marksOf = (diff: DesignDiff): CompareMarks => ({
  added: new Set(diff.resources.added.map((r) => r.id)),
  changed: new Set(diff.resources.changed.map((r) => r.id)),
});

let latest = 0;

/** Compares the open design (the after side) with `before`; a newer comparison wins over an older one. */
export async function compareWith(before: Design, against: string): Promise<void> {
  const after = useDesignStore.getState().history.present;
  const mine = ++latest;
  const opened = useLibraryStore.getState().opened;
  useCompareStore.setState({ ...idle, dialogOpen: false, status: 'running', against, before, after, opened });
  try {
    const result = await runDiff(before, after);
    if (mine !== latest) return;
    if (!result.ok)
      useCompareStore.setState({ status: 'failed', error: `The designs could not be read: ${result.errors[0]}` });
    else useCompareStore.setState({ status: 'shown', diff: result.diff, marks: marksOf(result.diff) });
  } catch (error) {
    if (mine === latest) useCompareStore.setState({ status: 'failed', error: describeWorkerError(error) });
  }
}

/** Ends the comparison: the marks go, the design is as it was. */
export function endComparison(): void {
  latest++;
  useCompareStore.setState({ ...idle });
}

/**
 * The oldest version of the open design this session's undo history keeps:
 * the design as it was opened, unless the history has dropped it. The library
 * saves over one copy per design, so this is the only older version there is.
 */
export function sessionStartVersion(): Design | null {
  const { past } = useDesignStore.getState().history;
  return past[0] ?? null;
}

/**
 * Opens a what-if link: the after design view-only, compared with the before
 * design at once. Both are decoded in the worker like any link. Returns why
 * it could not be opened, or null; `stillWanted` drops a link opened meanwhile.
 */
export async function openWhatIf(
  sides: { before: string; after: string },
  stillWanted: () => boolean,
): Promise<string | null> {
  const decode = (snapshot: string) =>
    offMainThread(
      () => analysisWorker().decodeDesignLink(snapshot),
      // Without a worker the codec is fetched here, like the link readers.
      async () => (await import('../share/urlCodec')).decodeSnapshot(snapshot),
    );
  const [before, after] = await Promise.all([decode(sides.before), decode(sides.after)]);
  if (!stillWanted()) return null;
  if (!before.ok) return `Its before design: ${before.message}`;
  if (!after.ok) return `Its after design: ${after.message}`;
  showReadOnly(after.design);
  await compareWith(before.design, `“${before.design.name}”, the before side of the what-if link`);
  return null;
}
