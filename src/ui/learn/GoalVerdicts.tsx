import { CheckCircle2, XCircle } from 'lucide-react';
import type { GoalScore } from '../../scenarios/learn/score';
import { weightWords } from './ScoreBar';

/** Each goal's verdict as the engines gave it on the submitted design, with its weight. */
export function GoalVerdicts({ goals }: { goals: readonly GoalScore[] }) {
  return (
    <ul aria-label="Goals as graded" className="flex flex-col gap-2">
      {goals.map((goal) => (
        <li
          key={goal.id}
          aria-label={goal.text}
          data-met={goal.met ? 'true' : 'false'}
          className="flex items-start gap-2 rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-700"
        >
          {goal.met ? (
            <CheckCircle2 size={18} className="mt-0.5 shrink-0 text-emerald-600" aria-label="met" />
          ) : (
            <XCircle size={18} className="mt-0.5 shrink-0 text-red-600 dark:text-red-400" aria-label="not met" />
          )}
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium">
              {goal.text}{' '}
              <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
                ({weightWords(goal.weight)})
              </span>
            </p>
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{goal.detail}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
