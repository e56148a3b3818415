import type { GoalResult } from './evaluate';
import type { Goal } from './schema';

/**
 * The grade of a lesson attempt: the weight of the goals met over the weight of
 * all goals, as a whole percentage. Partial credit comes only from weights: a
 * goal is met or not, never half met.
 */
export interface GoalScore {
  id: string;
  text: string;
  weight: number;
  met: boolean;
  detail: string;
}

export interface LessonScore {
  /** 0-100, rounded down so 99.6 % is never shown as full marks. */
  percent: number;
  earnedWeight: number;
  totalWeight: number;
  goals: GoalScore[];
}

/** A goal with no verdict (the check failed to run) counts as not met. */
export function scoreGoals(
  goals: readonly Pick<Goal, 'id' | 'text' | 'weight'>[],
  results: readonly GoalResult[],
): LessonScore {
  const verdicts = new Map(results.map((r) => [r.id, r]));
  const scored = goals.map((goal) => {
    const verdict = verdicts.get(goal.id);
    return {
      id: goal.id,
      text: goal.text,
      weight: goal.weight,
      met: verdict?.met === true,
      detail: verdict?.detail ?? 'Not checked.',
    };
  });
  const totalWeight = scored.reduce((sum, g) => sum + g.weight, 0);
  const earnedWeight = scored.reduce((sum, g) => sum + (g.met ? g.weight : 0), 0);
  return { percent: percentOf(earnedWeight, totalWeight), earnedWeight, totalWeight, goals: scored };
}

/** Rounded down, with a small tolerance so 0.1 + 0.2 of 0.3 is still 100. */
export function percentOf(earned: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((earned / total) * 100 + 1e-9));
}
