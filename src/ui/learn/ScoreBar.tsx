import type { LessonScore } from '../../scenarios/learn/score';

const amount = (n: number) => String(Number(n.toFixed(2)));
const points = (n: number) => `${amount(n)} ${n === 1 ? 'point' : 'points'}`;

/**
 * The weighted score as a bar and in words: the weight of the goals met over
 * the weight of all goals (docs/learn-format.md#weights).
 */
export function ScoreBar({ score, label = 'Score' }: { score: LessonScore; label?: string }) {
  const words = `${label}: ${score.percent}% (${amount(score.earnedWeight)} of ${points(score.totalWeight)})`;
  return (
    <div className="flex flex-col gap-1" data-testid="live-score">
      <p className="text-sm font-medium">{words}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={score.percent}
        aria-valuetext={words}
        className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded-full ${score.percent === 100 ? 'bg-emerald-600' : 'bg-teal-600 dark:bg-teal-400'}`}
          style={{ width: `${score.percent}%` }}
        />
      </div>
    </div>
  );
}

export const weightWords = (weight: number) => points(weight);
