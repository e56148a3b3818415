import { z } from 'zod';
import { InstanceStateSchema, parseDesign } from '../../domain';
import { evaluateGoals, type GoalResult } from './evaluate';
import { parseLesson } from './schema';

/**
 * Goal checks for the worker: some run the simulation, so they never run on
 * the main thread. Inputs cross the boundary as plain data and are parsed again.
 */
const LiveStatesSchema = z.record(z.string(), InstanceStateSchema);

export const learnApi = {
  checkGoals(
    design: unknown,
    lesson: unknown,
    liveStates?: unknown,
  ): { ok: true; results: GoalResult[] } | { ok: false; errors: string[] } {
    const parsedDesign = parseDesign(design);
    if (!parsedDesign.ok) return { ok: false, errors: parsedDesign.errors };
    const parsedLesson = parseLesson(lesson);
    if (!parsedLesson.ok) return { ok: false, errors: parsedLesson.errors };
    const live = LiveStatesSchema.safeParse(liveStates ?? {});
    if (!live.success) return { ok: false, errors: ['The simulation’s instance states could not be read.'] };
    return { ok: true, results: evaluateGoals(parsedDesign.design, parsedLesson.lesson.goals, live.data) };
  },
};
