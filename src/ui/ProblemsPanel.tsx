import { CircleCheck, CircleX, TriangleAlert } from 'lucide-react';
import {
  useFindings,
  selectDesign,
  selectPrimarySelection,
  useDesignStore,
  useValidationLoaded,
  useViewStore,
} from '../store';

export function ProblemsPanel() {
  const design = useDesignStore(selectDesign);
  const findings = useFindings(design);
  const selectedId = useViewStore(selectPrimarySelection);
  const focusOn = useViewStore((s) => s.focusOn);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const checked = useValidationLoaded();

  if (!checked) {
    return (
      <p className="px-6 py-10 text-center text-sm text-slate-500 dark:text-slate-400" role="status">
        Checking the design…
      </p>
    );
  }
  if (findings.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 px-6 py-10 text-center text-sm text-slate-500 dark:text-slate-400">
        <CircleCheck size={28} className="text-emerald-600 dark:text-emerald-400" aria-hidden />
        <p className="font-medium text-slate-700 dark:text-slate-200">No problems found</p>
        <p>Nimbus checks CIDR blocks, routes, rules and missing pieces as you edit.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col">
      <p className="px-4 py-2 text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
        {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}
      </p>
      <ul aria-label="Problems" className="divide-y divide-slate-100 dark:divide-slate-800">
        {findings.map((f, index) => {
          const resource = design.resources[f.resourceId];
          const selected = selectedId === f.resourceId;
          return (
            <li key={`${f.code}-${f.resourceId}-${index}`}>
              <button
                type="button"
                onClick={() => focusOn(f.resourceId)}
                className={`flex w-full gap-2 px-4 py-2.5 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60 ${selected ? 'bg-teal-50 dark:bg-teal-950/50' : ''}`}
              >
                {f.severity === 'error' ? (
                  <CircleX size={16} className="mt-0.5 shrink-0 text-red-600 dark:text-red-400" aria-label="Error" />
                ) : (
                  <TriangleAlert
                    size={16}
                    className="mt-0.5 shrink-0 text-amber-600 dark:text-amber-400"
                    aria-label="Warning"
                  />
                )}
                <span className="min-w-0">
                  <span className="block">{f.message}</span>
                  {f.fix && (
                    <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">Fix: {f.fix}</span>
                  )}
                  <span className="mt-0.5 block font-mono text-[11px] text-slate-500 dark:text-slate-400">
                    {f.code} · {resource ? resource.name || resource.id : f.resourceId}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
