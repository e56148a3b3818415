import { ArrowLeft, Users } from 'lucide-react';
import type { GradedSubmission } from '../../scenarios/learn/grade';
import { setClassOpen } from '../../store/gradingStore';
import { ClaimNotice } from './ClaimNotice';
import { GoalVerdicts } from './GoalVerdicts';
import { ScoreBar } from './ScoreBar';

const button =
  'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';

/** A submission opened from its link: the design is on the canvas, read-only; its grade is here. */
export function SubmissionReview({ graded }: { graded: GradedSubmission }) {
  return (
    <div className="flex flex-col gap-3 p-4" aria-label="Submission">
      <div className="flex items-center justify-between">
        <button
          type="button"
          className={`${button} -ml-2`}
          onClick={() => {
            // Leaving the link is leaving the read-only view: the page opens the teacher's own designs again.
            history.replaceState(null, '', location.pathname + location.search);
            location.reload();
          }}
        >
          <ArrowLeft size={16} aria-hidden /> Back to my designs
        </button>
        <button type="button" className={button} onClick={() => setClassOpen(true)}>
          <Users size={16} aria-hidden /> Class view
        </button>
      </div>
      <div>
        <p className="text-[11px] font-semibold tracking-wide text-teal-700 uppercase dark:text-teal-300">
          Submission · {graded.lesson.builtIn ? 'Nimbus course' : 'Teacher’s challenge'} · {graded.lesson.fingerprint}
        </p>
        <h2 className="text-lg font-semibold">{graded.student}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {graded.lesson.title}, submitted {new Date(graded.submittedAt).toLocaleString('en-GB', { timeZone: 'UTC' })}{' '}
          UTC
        </p>
      </div>
      <ScoreBar score={graded.score} label="Earned" />
      <ClaimNotice graded={graded} />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Every goal was checked again by this Nimbus on the submitted design (shown read-only), so the score is earned,
        not claimed.
      </p>
      <GoalVerdicts goals={graded.score.goals} />
    </div>
  );
}
