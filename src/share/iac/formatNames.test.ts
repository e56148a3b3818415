import { describe, expect, it } from 'vitest';
import { IAC_FORMAT_NAMES } from './formatNames';
import { IAC_FORMATS } from './formats';

describe('the menus’ list of formats', () => {
  it('names every format of the table, in its order, with its label', () => {
    expect(IAC_FORMAT_NAMES).toEqual(IAC_FORMATS.map(({ id, label }) => ({ id, label })));
  });
});
