import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../engine';
import { evaluateGoals, lessonComplete } from './evaluate';
import { LESSONS } from './lessons';
import { parseLesson } from './schema';
import { SOLUTIONS } from './solutions';

const LESSON_DIR = 'src/scenarios/learn/lessons';
const byId = (id: string) => {
  const lesson = LESSONS.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson;
};

describe('lesson files', () => {
  const files = readdirSync(LESSON_DIR).filter((f) => f.endsWith('.json'));

  it.each(files)('%s parses, and its name matches its order and id', (file) => {
    const parsed = parseLesson(JSON.parse(readFileSync(`${LESSON_DIR}/${file}`, 'utf8')));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(file).toBe(`${String(parsed.lesson.order).padStart(2, '0')}-${parsed.lesson.id}.json`);
  });

  it('are all loaded by LESSONS, in order, with unique ids', () => {
    expect(LESSONS).toHaveLength(files.length);
    expect(LESSONS.map((l) => l.order)).toEqual(files.map((_, i) => i + 1));
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  it('follow the course: ten topic lessons, high availability, at least two challenges, then the networking lessons', () => {
    const lessons = LESSONS.filter((l) => l.kind === 'lesson');
    expect(lessons.map((l) => l.id)).toEqual([
      'ec2-and-amis',
      'instance-types',
      'instance-lifecycle',
      'containers',
      'lambda-scaling',
      'vpc-subnets-cidr',
      'routes-and-igw',
      'nat-gateways',
      'nacl-vs-sg',
      'hybrid-connectivity',
      'survive-zone-loss',
      // Numbered after the challenges, so the first fourteen keep their numbers.
      'peering-and-transit-gateways',
      'vpc-endpoints',
      'data-transfer-cost',
      'containers-on-eks',
    ]);
    expect(LESSONS.filter((l) => l.kind === 'challenge').length).toBeGreaterThanOrEqual(2);
    expect(LESSONS.slice(0, 11).every((l) => l.kind === 'lesson')).toBe(true);
  });

  it('each have a reference solution, and every solution has a lesson', () => {
    expect(Object.keys(SOLUTIONS).sort()).toEqual(LESSONS.map((l) => l.id).sort());
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
  it('starts with at least one goal unmet', () => {
    const results = evaluateGoals(lesson.start, lesson.goals);
    expect(results.filter((r) => !r.met).length).toBeGreaterThan(0);
    expect(lessonComplete(results)).toBe(false);
  });

  it('is complete after the reference solution, with no errors left', () => {
    const solved = SOLUTIONS[lesson.id]!(lesson.start);
    const results = evaluateGoals(solved, lesson.goals);
    expect(results.filter((r) => !r.met)).toEqual([]);
    expect(lessonComplete(results)).toBe(true);
    expect(validateDesign(solved).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the NACL lesson', () => {
  const lesson = byId('nacl-vs-sg');

  it('fails on the return path at the network ACL, naming the ephemeral port', () => {
    const [https] = evaluateGoals(lesson.start, lesson.goals);
    expect(https).toMatchObject({ id: 'web-serves-https', met: false });
    expect(https?.detail).toContain('on the way back');
    expect(https?.detail).toContain('SUBNET_ACL_RESTRICTION');
    expect(https?.detail).toContain('web-acl');
    expect(https?.detail).toContain('32768');
  });

  it('starts with web-1 behind a custom ACL that allows 443 in and no ephemeral ports out', () => {
    const acl = Object.values(lesson.start.resources).find((r) => r.kind === 'networkAcl' && r.name === 'web-acl');
    expect(acl).toMatchObject({ isDefault: false, subnetIds: ['subnet-public'] });
    if (acl?.kind !== 'networkAcl') return;
    expect(acl.inbound).toEqual([expect.objectContaining({ protocol: 'tcp', ports: { from: 443, to: 443 } })]);
    expect(acl.outbound.some((r) => r.ports && r.ports.from <= 32768 && r.ports.to >= 32768)).toBe(false);
    expect(lesson.start.resources['web-1']?.name).toBe('web-1');
  });
});
