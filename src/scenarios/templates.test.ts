import { describe, expect, it } from 'vitest';
import { parseDesign } from '../domain';
import { validateDesign } from '../engine';
import { TEMPLATES } from './templates';

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s is a valid design with no errors', (_name, template) => {
    const design = template.build();
    expect(parseDesign(JSON.parse(JSON.stringify(design)))).toMatchObject({ ok: true });
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
