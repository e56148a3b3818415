import { describe, expect, it } from 'vitest';
import { readOptions } from './options';

describe('readOptions', () => {
  it('keeps the last of a repeated option', () => {
    const { options, positional, error } = readOptions(['a', '--port', '22', '--port', '443'], ['port']);
    expect(error).toBeNull();
    expect(positional).toEqual(['a']);
    expect(options.get('port')).toBe('443');
  });

  it('joins the repeats of an option said to be a list, with commas', () => {
    const { options } = readOptions(
      ['--fail-on', 'new-errors', '--fail-on', 'cost-increase:5', '--json', 'x'],
      ['fail-on', 'json'],
      {
        lists: ['fail-on'],
      },
    );
    expect(options.get('fail-on')).toBe('new-errors,cost-increase:5');
    expect(options.get('json')).toBe('x');
  });
});
