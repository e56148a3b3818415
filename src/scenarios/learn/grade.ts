import { parseDesign, type Design } from '../../domain';
import { evaluateGoals } from './evaluate';
import { findLesson } from './lessons';
import { parseLesson, type Lesson } from './schema';
import { scoreGoals, type LessonScore } from './score';
import { readSubmission, type Submission } from './submission';

/**
 * Grading a submission on the teacher's page: every goal is checked again by
 * the engines on the submitted design, so the score is earned, never claimed.
 * The claim is kept only to say when it does not match.
 */
export interface GradedSubmission {
  ok: true;
  student: string;
  submittedAt: string;
  lesson: {
    id: string;
    title: string;
    kind: Lesson['kind'];
    /** From this Nimbus's course, or a teacher's challenge carried in the submission. */
    builtIn: boolean;
    /** The first 12 hex digits of the SHA-256 of the lesson as read: two submissions of one challenge share it. */
    fingerprint: string;
  };
  /** What the engines say now: the grade. */
  score: LessonScore;
  claimed: { percent: number; met: string[] };
  /** Why the claim and the design disagree, or null when they agree. */
  claimProblem: string | null;
  /** The design and lesson, when asked for (to show one submission); a class table does without them. */
  design?: Design;
  lessonData?: Lesson;
}

export type GradeResult = GradedSubmission | { ok: false; message: string };

function lessonOf(
  submission: Submission,
): { ok: true; lesson: Lesson; builtIn: boolean } | { ok: false; message: string } {
  const named = submission.lesson;
  if ('builtIn' in named) {
    const lesson = findLesson(named.builtIn);
    return lesson
      ? { ok: true, lesson, builtIn: true }
      : {
          ok: false,
          message: `Its lesson "${named.builtIn}" is not in this Nimbus's course (it may come from a newer Nimbus).`,
        };
  }
  const parsed = parseLesson(named.challenge);
  return parsed.ok
    ? { ok: true, lesson: parsed.lesson, builtIn: false }
    : { ok: false, message: `Its challenge can't be used: ${parsed.errors.slice(0, 3).join('; ')}` };
}

async function fingerprintOf(lesson: Lesson): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(lesson));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Null when the claim says what the design earns: the same percentage and the same goals met. */
export function claimProblem(score: LessonScore, claimed: Submission['claimed']): string | null {
  const earnedMet = score.goals.filter((g) => g.met).map((g) => g.id);
  const sameGoals = earnedMet.length === claimed.met.length && earnedMet.every((id) => claimed.met.includes(id));
  if (claimed.percent === score.percent && sameGoals) return null;
  const head = `claimed ${claimed.percent}%, earns ${score.percent}%: the claim does not match the design`;
  const overclaimed = claimed.met.filter((id) => !earnedMet.includes(id));
  return overclaimed.length > 0 ? `${head} (it does not meet ${overclaimed.join(', ')})` : head;
}

/** Reads, checks and grades one submission link or file text. Never throws on bad input. */
export async function gradeSubmission(text: string, options: { withDesign?: boolean } = {}): Promise<GradeResult> {
  const read = readSubmission(text);
  if (!read.ok) return read;
  const submission = read.submission;
  const found = lessonOf(submission);
  if (!found.ok) return found;
  const design = parseDesign(submission.design);
  if (!design.ok) return { ok: false, message: `Its design can't be opened: ${design.errors.slice(0, 3).join('; ')}` };
  const results = evaluateGoals(design.design, found.lesson.goals, submission.liveStates);
  const score = scoreGoals(found.lesson.goals, results);
  return {
    ok: true,
    student: submission.student,
    submittedAt: submission.submittedAt,
    lesson: {
      id: found.lesson.id,
      title: found.lesson.title,
      kind: found.lesson.kind,
      builtIn: found.builtIn,
      fingerprint: await fingerprintOf(found.lesson),
    },
    score,
    claimed: submission.claimed,
    claimProblem: claimProblem(score, submission.claimed),
    ...(options.withDesign ? { design: design.design, lessonData: found.lesson } : {}),
  };
}
