import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateDesign } from '../engine';
import { FlowSchema } from './flows';
import { parseDesignJson } from './parse';

/** Keeps docs/design-format.md honest: its example must open and be free of problems. */
describe('docs/design-format.md', () => {
  it('has an example that parses and validates cleanly', () => {
    const doc = readFileSync('docs/design-format.md', 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(json).toBeDefined();
    const parsed = parseDesignJson(json ?? '');
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(validateDesign(parsed.design)).toEqual([]);
  });

  it('has a flows example that the flow schema accepts', () => {
    const doc = readFileSync('docs/design-format.md', 'utf8');
    const json = /```json flows\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(json).toBeDefined();
    expect(z.array(FlowSchema).safeParse(JSON.parse(json ?? 'null')).success).toBe(true);
  });
});
