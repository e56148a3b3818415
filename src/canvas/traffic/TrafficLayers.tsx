import { lazy, Suspense, useState } from 'react';
import { useSimStore } from '../../store';

const TrafficOverlay = lazy(() => import('./TrafficOverlay').then((m) => ({ default: m.TrafficOverlay })));
const TrafficBadges = lazy(() => import('./TrafficBadges').then((m) => ({ default: m.TrafficBadges })));

/**
 * The packets and per-flow counters over the canvas (TrafficOverlay.tsx, TrafficBadges.tsx). They
 * draw nothing until a simulation sends traffic, so their code is fetched then, not with the page.
 */
export function TrafficLayers({ theme }: { theme: 'light' | 'dark' }) {
  const hasTraffic = useSimStore((s) => s.frame?.traffic !== undefined);
  // Once a simulation has sent traffic the layers stay, as they did when always drawn.
  const [seen, setSeen] = useState(false);
  if (hasTraffic && !seen) setSeen(true);
  if (!seen) return null;
  return (
    <Suspense fallback={null}>
      <TrafficOverlay theme={theme} />
      <TrafficBadges />
    </Suspense>
  );
}
