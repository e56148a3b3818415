import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../engine';
import { evaluateGoals, lessonComplete } from './evaluate';
import { parseLesson } from './schema';

/** Keeps docs/learn-format.md honest: its example challenge must parse, start unsolved, and be solvable. */
describe('docs/learn-format.md', () => {
  const doc = readFileSync('docs/learn-format.md', 'utf8');
  const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const parsed = parseLesson(JSON.parse(json));

  it('has an example challenge that parses into a clean design', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) {
      expect(parsed.lesson.kind).toBe('challenge');
      expect(validateDesign(parsed.lesson.start)).toEqual([]);
    }
  });

  it('starts with HTTPS refused by the security group, and one rule completes it', () => {
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { start, goals } = parsed.lesson;
    const before = evaluateGoals(start, goals);
    expect(before.map((r) => r.met)).toEqual([false, true]);
    expect(before[0]?.detail).toContain('ENI_SG_RULES_MISMATCH');
    const fixed = produce(start, (d) => {
      const web = d.resources['sg-web'];
      if (web?.kind === 'securityGroup')
        web.inbound.push({
          protocol: 'tcp',
          ports: { from: 443, to: 443 },
          peer: { type: 'cidr', cidr: '0.0.0.0/0' },
          description: 'HTTPS',
        });
    });
    expect(lessonComplete(evaluateGoals(fixed, goals))).toBe(true);
  });
});
