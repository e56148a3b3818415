import type { LoadProfile } from '../domain';

/** Events per second offered at sim time `t` (seconds) by a trigger with base `rate`. */
export function offeredRate(profile: LoadProfile, rate: number, t: number): number {
  switch (profile.shape) {
    case 'constant':
      return rate;
    case 'ramp':
      return rate * Math.min(1, t / profile.seconds);
    case 'spike':
      return t >= profile.from && t < profile.to ? profile.peak : rate;
    case 'daily': {
      // A smooth day: lowest at midnight (10% of the rate), highest at noon.
      const phase = ((t % 86_400) / 86_400) * 2 * Math.PI;
      return rate * (0.55 - 0.45 * Math.cos(phase));
    }
    case 'schedule':
      // One event at the start of each period.
      return Math.floor(t) % Math.round(profile.everySeconds) === 0 ? 1 : 0;
  }
}
