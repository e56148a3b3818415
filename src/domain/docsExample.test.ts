import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../engine';
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
});
