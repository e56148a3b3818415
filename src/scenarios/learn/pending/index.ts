import { parseLesson, type Lesson } from '../schema';
import surviveZoneLoss from './13-survive-zone-loss.json';

/**
 * A lesson written ahead of the engines it needs: its goals count requests
 * that go through a load balancer and stop in a zone that is down, which
 * flows plan once reach through load balancers and outages in path planning
 * are merged. It then moves to `lessons/` (and `SOLUTIONS`) like any other.
 */
function load(data: unknown): Lesson {
  const parsed = parseLesson(data);
  if (!parsed.ok)
    throw new Error(`pending/13-survive-zone-loss.json is not a valid lesson:\n${parsed.errors.join('\n')}`);
  return parsed.lesson;
}

export const SURVIVE_ZONE_LOSS: Lesson = load(surviveZoneLoss);
