import { describe, expect, it } from 'vitest';
import { INHERITED_NAMES, setOwn } from '../../domain';
import { LESSONS } from './lessons';
import { parseLesson } from './schema';

/** A valid lesson as plain JSON, to break one field at a time. */
const valid = () => JSON.parse(JSON.stringify(LESSONS.find((l) => l.id === 'nacl-vs-sg'))) as Record<string, unknown>;
const errorsOf = (input: unknown) => {
  const parsed = parseLesson(input);
  return parsed.ok ? [] : parsed.errors;
};

describe('parseLesson', () => {
  it('accepts a lesson and keeps its data', () => {
    const parsed = parseLesson(valid());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.lesson.goals.map((g) => g.id)).toEqual(['web-serves-https', 'ssh-stays-closed']);
  });

  it('names the field for a wrong format, kind or goal type', () => {
    const lesson = valid();
    lesson.format = 'nimbus-design';
    lesson.kind = 'quiz';
    (lesson.goals as Array<{ check: { type: string } }>)[1]!.check.type = 'pingable';
    const errors = errorsOf(lesson);
    expect(errors.some((e) => e.startsWith('format:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('kind:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('goals.1.check.type:'))).toBe(true);
  });

  it('reports a broken starting design under start.', () => {
    const lesson = valid();
    const start = lesson.start as { resources: Record<string, Record<string, unknown>> };
    start.resources['web-1']!.privateIp = 42;
    expect(errorsOf(lesson)).toEqual([expect.stringMatching(/^start\.resources\.web-1\.privateIp: /)]);
  });

  it('requires two to four goals with distinct ids', () => {
    const lesson = valid();
    const goals = lesson.goals as unknown[];
    expect(errorsOf({ ...lesson, goals: goals.slice(0, 1) })).toEqual([expect.stringMatching(/^goals: /)]);
    expect(errorsOf({ ...lesson, goals: [goals[0], goals[0]] })).toEqual([
      'goals.1.id: "web-serves-https" is used by an earlier goal',
    ]);
  });

  it('rejects goals that name resources the start design lacks', () => {
    const lesson = valid();
    const goals = lesson.goals as Array<{ check: Record<string, unknown> }>;
    goals[0]!.check.to = 'web-9';
    goals[1]!.check = { type: 'usableAddresses', subnet: 'subnet-nowhere', atLeast: 10 };
    expect(errorsOf(lesson)).toEqual([
      'goals.0.check.to: no resource, address or "internet" matches "web-9"',
      'goals.1.check.subnet: no subnet "subnet-nowhere" in the start design',
    ]);
  });

  it('migrates a starting design written in the old version 0 format', () => {
    const lesson = valid();
    const start = lesson.start as { resources: Record<string, unknown> };
    lesson.start = { version: 0, title: 'Old', resources: Object.values(start.resources) };
    const parsed = parseLesson(lesson);
    expect(parsed.ok ? parsed.lesson.start.name : parsed.errors).toBe('Old');
  });

  it('explains input that is not an object', () => {
    expect(errorsOf('lesson')).toHaveLength(1);
    expect(errorsOf(null)[0]).toMatch(/object/);
  });
});

describe('parseLesson with several problems', () => {
  it('reports the lesson fields and the starting design together', () => {
    const errors = errorsOf({ format: 'nimbus-lesson', version: 1, id: 'Bad Id', goals: [] });
    expect(errors).toContain('id: must be lowercase words joined by dashes');
    expect(errors).toContain('start: a design must be a JSON object');
  });
});

describe('parseLesson with names every object inherits', () => {
  type Check = Record<string, unknown>;
  const goalsOf = (lesson: Record<string, unknown>) => lesson.goals as Array<{ id: string; check: Check }>;

  it.each(INHERITED_NAMES)('says a goal naming %s names nothing in the start design', (name) => {
    const reach = valid();
    goalsOf(reach)[0]!.check.to = name;
    expect(errorsOf(reach)).toEqual([`goals.0.check.to: no resource, address or "internet" matches "${name}"`]);
    const throttles = valid();
    goalsOf(throttles)[1]!.check = { type: 'noThrottles', functionId: name, requestsPerSecond: 10 };
    expect(errorsOf(throttles)).toEqual([`goals.1.check.functionId: no Lambda function "${name}" in the start design`]);
  });

  it.each(INHERITED_NAMES)('reads %s as a key of the lesson and of its start without a crash', (name) => {
    const lesson = valid();
    setOwn(lesson, name, 'ignored');
    expect(parseLesson(JSON.parse(JSON.stringify(lesson))).ok).toBe(true);
    const start = lesson.start as { layout: Record<string, unknown> };
    setOwn(start.layout, name, { x: 1, y: 1 });
    expect(errorsOf(JSON.parse(JSON.stringify(lesson)))).toEqual([
      `start.layout.${name}: places a resource that does not exist`,
    ]);
  });
});
