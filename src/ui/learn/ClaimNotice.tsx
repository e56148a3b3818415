import { TriangleAlert } from 'lucide-react';
import type { GradedSubmission } from '../../scenarios/learn/grade';

/** Earned beside claimed; when they differ, the warning says the earned score is the grade. */
export function ClaimNotice({ graded }: { graded: GradedSubmission }) {
  if (!graded.claimProblem)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Claimed {graded.claimed.percent}%, earns {graded.score.percent}%: the claim matches the design.
      </p>
    );
  return (
    <p
      role="alert"
      className="flex gap-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <TriangleAlert size={18} className="mt-0.5 shrink-0" aria-hidden />
      <span>
        {graded.claimProblem[0]!.toUpperCase() + graded.claimProblem.slice(1)}. The grade is the earned{' '}
        {graded.score.percent}%.
      </span>
    </p>
  );
}
