import { describe, expect, it } from 'vitest';
import { LESSONS } from './lessons';
import { evaluateGoals } from './evaluate';
import { learnApi } from './learnApi';

const lesson = LESSONS.find((l) => l.id === 'instance-lifecycle')!;
const idByName = (name: string) => Object.values(lesson.start.resources).find((r) => r.name === name)!.id;

describe('lesson goals and the running simulation', () => {
  it('instances terminated in the simulation count toward the lifecycle lesson’s budget', () => {
    const budget = (results: ReturnType<typeof evaluateGoals>) => results.find((r) => r.id === 'budget')!;
    // The student releases the unused Elastic IP in the design and terminates the rest in the simulation.
    const design = structuredClone(lesson.start);
    delete design.resources['eipalloc-1'];
    (design.resources['demo-1'] as { elasticIpId: string | null }).elasticIpId = null;
    expect(budget(evaluateGoals(design, lesson.goals)).met).toBe(false);
    const live = Object.fromEntries(
      Object.values(lesson.start.resources)
        .filter((r) => r.kind === 'ec2Instance' && r.name !== 'web-1')
        .map((r) => [r.id, 'terminated' as const]),
    );
    expect(Object.keys(live).length).toBeGreaterThan(0);
    expect(budget(evaluateGoals(design, lesson.goals, live)).met).toBe(true);
    expect(evaluateGoals(design, lesson.goals, live).every((r) => r.met)).toBe(true);
    // web-1 itself stopped in the simulation no longer answers.
    const stopped = evaluateGoals(design, lesson.goals, { ...live, [idByName('web-1')]: 'stopping' });
    expect(stopped.find((r) => r.id === 'web-1-running')!.met).toBe(false);
  });

  it('refuses states that are not EC2 states, as read from the page', () => {
    expect(learnApi.checkGoals(lesson.start, lesson, { 'i-1': 'exploded' })).toMatchObject({ ok: false });
  });
});
