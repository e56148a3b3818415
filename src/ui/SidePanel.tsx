import { findingsFor, selectDesign, useDesignStore, useViewStore, type SidePanel as PanelName } from '../store';
import { Inspector } from './inspector/Inspector';
import { LearnPanel } from './LearnPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { ReachabilityPanel } from './ReachabilityPanel';
import { SimPanel } from './SimPanel';
import { SubnetCalculator } from './SubnetCalculator';
import { TrafficPanel } from './TrafficPanel';

export function SidePanel() {
  const panel = useViewStore((s) => s.panel);
  const showPanel = useViewStore((s) => s.showPanel);
  const count = findingsFor(useDesignStore(selectDesign)).length;
  const tabs: Array<[PanelName, string]> = [
    ['inspector', 'Inspector'],
    ['reach', 'Reachability'],
    ['simulation', 'Simulation'],
    ['traffic', 'Traffic'],
    ['problems', count > 0 ? `Problems (${count})` : 'Problems'],
    ['calculator', 'Subnets'],
    ['learn', 'Learn'],
  ];
  return (
    <aside className="flex w-[clamp(340px,36vw,480px)] shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div
        role="tablist"
        aria-label="Panels"
        className="flex overflow-x-auto border-b border-slate-200 dark:border-slate-800"
      >
        {tabs.map(([name, label]) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={panel === name}
            onClick={() => showPanel(name)}
            className={`flex-1 px-1 py-2.5 text-[12.5px] font-medium whitespace-nowrap ${
              panel === name
                ? 'border-b-2 border-teal-600 text-teal-700 dark:text-teal-300'
                : 'text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100'
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto">
        {panel === 'inspector' ? (
          <Inspector />
        ) : panel === 'reach' ? (
          <ReachabilityPanel />
        ) : panel === 'simulation' ? (
          <SimPanel />
        ) : panel === 'traffic' ? (
          <TrafficPanel />
        ) : panel === 'problems' ? (
          <ProblemsPanel />
        ) : panel === 'learn' ? (
          <LearnPanel />
        ) : (
          <SubnetCalculator />
        )}
      </div>
    </aside>
  );
}
