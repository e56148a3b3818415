import { describe, expect, it } from 'vitest';
import { LESSONS } from './lessons';
import { parseLesson } from './schema';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lesson = (id: string) => JSON.parse(JSON.stringify(LESSONS.find((l) => l.id === id))) as Json;
const errorsOf = (input: unknown) => {
  const parsed = parseLesson(input);
  return parsed.ok ? [] : parsed.errors;
};

describe('a challenge file past a bound is refused with the bound named', () => {
  it('a starting design whose service asks for 100,000,000 tasks', () => {
    const file = lesson('containers');
    file.start.resources.web.desiredCount = 100_000_000;
    expect(errorsOf(file)).toEqual([
      'start.resources.web.desiredCount: must be at most 5,000 (Amazon ECS quota "Tasks per service")',
    ]);
  });

  it('a scaling maximum of 2e9 tasks with a tiny target', () => {
    const file = lesson('containers');
    file.start.resources.web.scaling = { targetRequestsPerTask: 1e-9, minTasks: 1, maxTasks: 2e9 };
    expect(errorsOf(file)).toEqual([
      'start.resources.web.scaling.maxTasks: must be at most 5,000 (Amazon ECS quota "Tasks per service")',
    ]);
  });

  it('goals that ask for more tasks or more load than Nimbus runs', () => {
    const tasks = lesson('containers');
    tasks.goals[0].check.atLeast = 100_000_000;
    expect(errorsOf(tasks)).toEqual([
      'goals.0.check.atLeast: must be at most 5,000 (Amazon ECS quota "Tasks per service")',
    ]);
    const load = lesson('lambda-scaling');
    const goal = (load.goals as Json[]).findIndex((g) => g.check.type === 'noThrottles');
    load.goals[goal].check.requestsPerSecond = 1e12;
    expect(errorsOf(load)).toEqual([
      `goals.${goal}.check.requestsPerSecond: must be at most 1,000,000 (Nimbus's most events a second)`,
    ]);
  });

  it('a layout position of 1e308 in the starting design', () => {
    const file = lesson('containers');
    file.start.layout = { ...file.start.layout, web: { x: 1e308, y: 0, parentId: null } };
    expect(errorsOf(file)).toEqual(["start.layout.web.x: must be at most 1,000,000 (Nimbus's canvas extent)"]);
  });
});
