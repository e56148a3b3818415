import { describe, expect, it } from 'vitest';
import { noticeDuration } from './NoticeToasts';

describe('how long a notice stays', () => {
  it('lets news fade after a few seconds, offers a little longer', () => {
    expect(noticeDuration({ tone: 'info' })).toBe(8_000);
    expect(noticeDuration({ tone: 'info', action: { label: 'Undo', run: () => {} } })).toBe(15_000);
  });

  it('keeps errors and warnings until dismissed', () => {
    expect(noticeDuration({ tone: 'error' })).toBe(Number.POSITIVE_INFINITY);
    expect(noticeDuration({ tone: 'warning', action: { label: 'Download', run: () => {} } })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});
