import { create } from 'zustand';
import type { ClassRow } from '../scenarios/learn/classCsv';
import type { GradedSubmission } from '../scenarios/learn/grade';
import { findLesson } from '../scenarios/learn/lessons';
import type { Lesson } from '../scenarios/learn/schema';
import { scoreGoals, type LessonScore } from '../scenarios/learn/score';
import { makeSubmission, StudentNameSchema } from '../scenarios/learn/submission';
import { submissionUrl, type SubmissionLink } from '../share/submission';
import { useDesignStore } from './designStore';
import { checkNow, liveInstanceStates, useLearnStore } from './learnStore';
import { showReadOnly } from './libraryStore';
import { guardStorage, type AppStorage } from './storage';
import { useViewStore } from './viewStore';
import { analysisWorker, describeWorkerError } from './workerClient';

/**
 * Grading (docs/learn-format.md#submissions): the student hands in a link or
 * file; the teacher's page grades it again in the worker, one submission at a
 * time, so the score shown is what the design earns. Everything stays in the
 * browser: links carry their data in the fragment, files are read locally.
 * Imported only by the Learn panel and by a `#s=` link, not at start-up.
 */
export interface GradingState {
  /** One submission opened from a link, shown read-only with its grade. */
  reviewing: GradedSubmission | null;
  classOpen: boolean;
  rows: ClassRow[];
  /** How many of the pasted or dropped submissions are graded, while grading. */
  progress: { done: number; total: number } | null;
}

export const useGradingStore = create<GradingState>()(() => ({
  reviewing: null,
  classOpen: false,
  rows: [],
  progress: null,
}));

const STUDENT_KEY = 'nimbus.learn.student';
let storage: AppStorage | null = null;
const studentStorage = () => (storage ??= guardStorage(() => window.localStorage));

export function rememberedStudentName(): string {
  try {
    return studentStorage().getItem(STUDENT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberStudentName(name: string): void {
  try {
    studentStorage().setItem(STUDENT_KEY, name);
  } catch {
    // The name is a convenience: the student types it again next time.
  }
}

/** The live grade of the active lesson's results, or null before the first check. */
export function liveScore(lesson: Lesson): LessonScore | null {
  const results = useLearnStore.getState().results;
  return results ? scoreGoals(lesson.goals, results) : null;
}

/** A built-in lesson travels by id; anything else (a teacher's challenge, an edited lesson) travels whole. */
function lessonRef(lesson: Lesson) {
  const builtIn = findLesson(lesson.id);
  return builtIn && JSON.stringify(builtIn) === JSON.stringify(lesson) ? { builtIn: lesson.id } : { challenge: lesson };
}

export type SubmissionMade =
  { ok: true; submission: unknown; link: SubmissionLink; fileName: string } | { ok: false; message: string };

/**
 * The submission of the active lesson's design, with the score this page
 * computes for it now (checked again first, so the claim is of this design).
 */
export async function makeActiveSubmission(name: string, base: string): Promise<SubmissionMade> {
  const student = StudentNameSchema.safeParse(name);
  if (!student.success) return { ok: false, message: `Enter your name first: ${student.error.issues[0]!.message}.` };
  const active = useLearnStore.getState().active;
  if (!active) return { ok: false, message: 'Open a lesson first.' };
  await checkNow();
  const score = liveScore(active.lesson);
  if (!score) return { ok: false, message: 'The goals could not be checked, so there is nothing to submit yet.' };
  rememberStudentName(student.data);
  const submission = makeSubmission({
    student: student.data,
    submittedAt: new Date(),
    lesson: lessonRef(active.lesson),
    design: useDesignStore.getState().history.present,
    liveStates: liveInstanceStates(),
    claimed: { percent: score.percent, met: score.goals.filter((g) => g.met).map((g) => g.id) },
  });
  const safeName = student.data.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'student';
  return {
    ok: true,
    submission,
    link: submissionUrl(submission, base),
    fileName: `${safeName}-${active.lesson.id}.nimbus-submission.json`,
  };
}

/**
 * Opens a submission link for the teacher: graded in the worker, its design
 * shown read-only and its grade in the Learn tab. Returns why not, or null.
 */
export async function openSubmissionLink(hash: string, stillWanted: () => boolean): Promise<string | null> {
  let graded: Awaited<ReturnType<ReturnType<typeof analysisWorker>['gradeSubmission']>>;
  try {
    graded = await analysisWorker().gradeSubmission(hash, { withDesign: true });
  } catch (error) {
    return `The submission could not be checked: ${describeWorkerError(error)}`;
  }
  if (!stillWanted()) return null;
  if (!graded.ok) return graded.message;
  showReadOnly(graded.design!);
  useGradingStore.setState({ reviewing: graded });
  useViewStore.setState({ panel: 'learn' });
  return null;
}

export const setClassOpen = (open: boolean): void => useGradingStore.setState({ classOpen: open });

let gradingRun = 0;

/** Grades each pasted link or dropped file in the worker, one at a time, adding its row to the class table. */
export async function gradeClass(
  items: ReadonlyArray<{ source: string; text: string; refused?: string }>,
): Promise<void> {
  const run = ++gradingRun;
  useGradingStore.setState({ progress: { done: 0, total: items.length } });
  for (const [index, item] of items.entries()) {
    let row: ClassRow;
    if (item.refused) row = { source: item.source, error: item.refused };
    else
      try {
        const graded = await analysisWorker().gradeSubmission(item.text);
        row = graded.ok ? { source: item.source, graded } : { source: item.source, error: graded.message };
      } catch (error) {
        row = { source: item.source, error: `It could not be checked: ${describeWorkerError(error)}` };
      }
    if (run !== gradingRun) return;
    useGradingStore.setState((s) => ({ rows: [...s.rows, row], progress: { done: index + 1, total: items.length } }));
  }
  useGradingStore.setState({ progress: null });
}

export function clearClass(): void {
  gradingRun++;
  useGradingStore.setState({ rows: [], progress: null });
}
