import { MousePointerClick } from 'lucide-react';
import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { selectDesign, useDesignStore, useLibraryStore } from '../store';
import { PointerToast } from './PointerToast';
import { SimToolbar } from './SimToolbar';

/**
 * The inspector's code is fetched on first use (ui/SidePanel.tsx), and the
 * first click on a node opens it. Fetching it once the page is idle means that
 * click waits for no download or parse of it.
 */
function usePreloadedInspector() {
  useEffect(() => {
    const load = () => void import('./inspector/Inspector');
    if (typeof requestIdleCallback === 'undefined') {
      const timer = setTimeout(load, 2000);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(load, { timeout: 5000 });
    return () => cancelIdleCallback(idle);
  }, []);
}

/** The drawing area, with a hint while the design is empty. */
export function CanvasArea() {
  const empty = useDesignStore((s) => Object.keys(selectDesign(s).resources).length === 0);
  // Not before the library has opened the user's design: a saved design is not empty.
  const started = useLibraryStore((s) => s.started);
  usePreloadedInspector();
  return (
    <main aria-label="Canvas" className="relative min-w-0 flex-1">
      <Canvas />
      <SimToolbar />
      {empty && started && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-8">
          <div className="max-w-md rounded-xl border border-slate-200 bg-white/95 p-7 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900/95">
            <MousePointerClick size={36} className="mx-auto text-teal-600 dark:text-teal-400" aria-hidden />
            <h1 className="mt-3 text-xl font-semibold">Start an AWS architecture</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
              Drag a <strong>Region</strong> from the palette onto the canvas, then a VPC into it, an Availability Zone
              into the VPC, and subnets into the zone. Or pick a ready-made design from <strong>Templates</strong>.
            </p>
          </div>
        </div>
      )}
      <PointerToast />
    </main>
  );
}
