import { z } from 'zod';
import { InstanceStateSchema, type Design } from '../../domain';
import { decodeJsonSnapshot, MAX_DESIGN_BYTES } from '../../share/urlCodec';
import { readSubmissionSnapshot } from '../../share/submission';

/**
 * A student's submission (docs/learn-format.md#submissions): the lesson, the
 * design, the student's name, the time, and the score the student's page
 * computed. Only the design and the lesson count for the grade: a teacher's
 * page checks every goal again, so the claimed score is compared, never trusted.
 */
export const SUBMISSION_FORMAT = 'nimbus-submission';
export const CURRENT_SUBMISSION_VERSION = 1;
/** Enough for a full name; a longer one is refused rather than cut, so nothing is silently changed. */
export const MAX_STUDENT_NAME = 80;

// Control characters (line breaks included) would make a name look like two rows, or hide part of it.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const StudentNameSchema = z
  .string()
  .trim()
  .min(1, 'the student’s name is empty')
  .max(MAX_STUDENT_NAME, `the student’s name is longer than ${MAX_STUDENT_NAME} characters`)
  .refine((name) => !CONTROL.test(name), 'the student’s name holds a line break or another control character');

export const SubmissionSchema = z.object({
  format: z.literal(SUBMISSION_FORMAT),
  version: z.literal(CURRENT_SUBMISSION_VERSION),
  student: StudentNameSchema,
  /** When the student's page made it, by the student's clock. */
  submittedAt: z.iso.datetime({ offset: true }),
  /** A built-in lesson by id, or a teacher's own challenge whole (it is not on the teacher's page otherwise). */
  lesson: z.union([z.object({ builtIn: z.string().min(1).max(120) }), z.object({ challenge: z.unknown() })]),
  /** Read again with `parseDesign` when graded. */
  design: z.unknown(),
  /** Instance states from the student's running simulation, as the goals were checked with them. */
  liveStates: z.record(z.string(), InstanceStateSchema).default({}),
  claimed: z.object({
    percent: z.number().min(0).max(100),
    met: z.array(z.string()).max(50),
  }),
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** What the student's page puts in a submission. */
export function makeSubmission(input: {
  student: string;
  submittedAt: Date;
  lesson: Submission['lesson'];
  design: Design;
  liveStates: Readonly<Record<string, string>>;
  claimed: { percent: number; met: readonly string[] };
}): unknown {
  return {
    format: SUBMISSION_FORMAT,
    version: CURRENT_SUBMISSION_VERSION,
    student: input.student.trim(),
    submittedAt: input.submittedAt.toISOString(),
    lesson: input.lesson,
    design: input.design,
    liveStates: input.liveStates,
    claimed: { percent: input.claimed.percent, met: [...input.claimed.met] },
  };
}

export type SubmissionReadResult = { ok: true; submission: Submission } | { ok: false; message: string };

/**
 * A submission from what a teacher pastes or drops: a link (or its fragment)
 * or a submission file's text. Never throws; the message says what is wrong.
 */
export function readSubmission(text: string): SubmissionReadResult {
  const trimmed = text.trim();
  let json: unknown;
  if (trimmed.startsWith('{')) {
    if (trimmed.length > MAX_DESIGN_BYTES)
      return {
        ok: false,
        message: `The file is larger than ${MAX_DESIGN_BYTES / 1_000_000} MB, far more than a submission.`,
      };
    try {
      json = JSON.parse(trimmed);
    } catch {
      return { ok: false, message: 'The file is not a submission: it is not JSON.' };
    }
  } else {
    const snapshot = readSubmissionSnapshot(trimmed);
    if (snapshot === null)
      return { ok: false, message: 'This is not a submission link (a Nimbus link with #s=) or submission file.' };
    const decoded = decodeJsonSnapshot(snapshot);
    if (!decoded.ok) return { ok: false, message: decoded.message.replace('a design', 'a submission') };
    json = decoded.json;
  }
  const parsed = SubmissionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'submission'}: ${i.message}`);
    return { ok: false, message: `It is not a submission Nimbus can read: ${issues.join('; ')}` };
  }
  return { ok: true, submission: parsed.data };
}
