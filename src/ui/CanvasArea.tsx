import { Cloud, FolderOpen } from 'lucide-react';
import { selectDesign, useDesignStore } from '../store';
import { DesignOutline } from './DesignOutline';

/** The drawing area. Until the canvas lands it shows the design as an outline, or a welcome when empty. */
export function CanvasArea() {
  const design = useDesignStore(selectDesign);
  const empty = Object.keys(design.resources).length === 0;
  return (
    <main
      aria-label="Canvas"
      className="relative min-w-0 flex-1 overflow-auto bg-[radial-gradient(circle,_rgb(148_163_184_/_0.35)_1px,_transparent_1px)] [background-size:20px_20px]"
    >
      {empty ? (
        <div className="flex h-full items-center justify-center p-8">
          <div className="max-w-md rounded-xl border border-slate-200 bg-white/90 p-8 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900/90">
            <Cloud size={40} className="mx-auto text-teal-600 dark:text-teal-400" aria-hidden />
            <h1 className="mt-3 text-xl font-semibold">Start an AWS architecture</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
              Open a design file to see it checked as you go. Try the <strong>Subnet calculator</strong> on the right to
              see how AWS carves up a CIDR block.
            </p>
            <p className="mt-4 inline-flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
              <FolderOpen size={14} aria-hidden /> Use “Open design…” above; your work is saved in this browser as you
              edit.
            </p>
          </div>
        </div>
      ) : (
        <DesignOutline design={design} />
      )}
    </main>
  );
}
