import { describe, expect, it } from 'vitest';
import { AvailabilityTracker } from './availability';

/** Ticks `seconds` seconds of one flow from `from` (the tick at t ends second t-1), each sending `sent` and serving `served`. */
function feed(tracker: AvailabilityTracker, from: number, seconds: number, sent: number, served: number) {
  for (let s = from; s < from + seconds; s++) tracker.record(s + 1, 'f', sent, served);
}

describe('availability', () => {
  it('recovers at the first second from which a full minute serves 99 %', () => {
    const tracker = new AvailabilityTracker();
    feed(tracker, 0, 100, 10, 10);
    feed(tracker, 100, 30, 10, 5);
    expect(tracker.ofFlow('f').recoverySeconds).toBeNull();
    feed(tracker, 130, 120, 10, 10);
    // From second 129 on, a minute serves 595 of 600 (99.17 %); from 128 on only 590 (98.3 %).
    expect(tracker.ofFlow('f')).toEqual({ availabilityPercent: (100 * (2500 - 150)) / 2500, recoverySeconds: 29 });
  });

  it('reports null while the last episode has not recovered', () => {
    const tracker = new AvailabilityTracker();
    feed(tracker, 0, 10, 10, 10);
    feed(tracker, 10, 200, 10, 0);
    expect(tracker.ofFlow('f').recoverySeconds).toBeNull();
    expect(tracker.ofFlow('f').availabilityPercent).toBeCloseTo((100 * 100) / 2100, 9);
  });

  it('a flow that never fails has no episode; one that sends nothing has no percent', () => {
    const tracker = new AvailabilityTracker();
    feed(tracker, 0, 120, 3, 3);
    expect(tracker.ofFlow('f')).toEqual({ availabilityPercent: 100, recoverySeconds: null });
    expect(tracker.ofFlow('other')).toEqual({ availabilityPercent: null, recoverySeconds: null });
  });

  it('sums every flow per 10 seconds, keeping two hours', () => {
    const tracker = new AvailabilityTracker();
    for (let t = 1; t <= 3 * 3600; t++) {
      tracker.record(t, 'a', 2, 2);
      tracker.record(t, 'b', 1, t <= 20 ? 0 : 1);
    }
    const frame = tracker.frame();
    expect(frame.bucketSeconds).toBe(10);
    expect(frame.series).toHaveLength(720);
    expect(frame.series[0]!.at).toBe(3600);
    expect(frame.series.at(-1)).toEqual({ at: 3 * 3600 - 10, served: 30, failed: 0 });
    expect(frame.servedPercent).toBeCloseTo((100 * (3 * 3 * 3600 - 20)) / (3 * 3 * 3600), 9);
  });
});
