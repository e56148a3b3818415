import * as Tabs from '@radix-ui/react-tabs';
import { Play, Route, type LucideIcon } from 'lucide-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useFindings, selectDesign, useDesignStore, useViewStore, type SidePanel as PanelName } from '../store';
import { useCompareStore } from '../store/compareStore';

// Each tab's code is fetched the first time it is shown, so none of it delays the canvas
// (the inspector's editors and rule tables too: the page opens with nothing selected).
const Inspector = lazy(async () => ({ default: (await import('./inspector/Inspector')).Inspector }));
const ReachabilityPanel = lazy(async () => ({ default: (await import('./ReachabilityPanel')).ReachabilityPanel }));
const SimPanel = lazy(async () => ({ default: (await import('./SimPanel')).SimPanel }));
const TrafficPanel = lazy(async () => ({ default: (await import('./TrafficPanel')).TrafficPanel }));
const ProblemsPanel = lazy(async () => ({ default: (await import('./ProblemsPanel')).ProblemsPanel }));
const SubnetCalculator = lazy(async () => ({ default: (await import('./SubnetCalculator')).SubnetCalculator }));
const ComparePanel = lazy(async () => ({ default: (await import('./ComparePanel')).ComparePanel }));
const LearnPanel = lazy(async () => ({ default: (await import('./LearnPanel')).LearnPanel }));

/** Shown for the moment a tab's code is on its way: a quiet line, no spinner to flash. */
function PanelLoading() {
  return <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Loading…</p>;
}

export function SidePanel() {
  const panel = useViewStore((s) => s.panel);
  const showPanel = useViewStore((s) => s.showPanel);
  const count = useFindings(useDesignStore(selectDesign)).length;
  const comparing = useCompareStore((s) => s.status !== 'idle');
  // Reachability and Simulation show an icon, so all seven tabs fit one row of the panel at 1280 px;
  // their name stays the tab's text for screen readers and its title.
  const tabs: Array<{ name: PanelName; label: string; icon?: LucideIcon }> = [
    { name: 'inspector', label: 'Inspector' },
    { name: 'reach', label: 'Reachability', icon: Route },
    { name: 'simulation', label: 'Simulation', icon: Play },
    { name: 'traffic', label: 'Traffic' },
    { name: 'problems', label: count > 0 ? `Problems (${count})` : 'Problems' },
    { name: 'calculator', label: 'Subnets' },
    { name: 'learn', label: 'Learn' },
  ];
  const content: Record<PanelName, () => ReactNode> = {
    inspector: () => <Inspector />,
    reach: () => <ReachabilityPanel />,
    simulation: () => <SimPanel />,
    traffic: () => <TrafficPanel />,
    problems: () => <ProblemsPanel />,
    calculator: () => <SubnetCalculator />,
    learn: () => <LearnPanel />,
  };
  // Radix's tabs: arrow keys move between tabs (and show each), Home and End jump to the ends.
  return (
    <aside className="flex h-full min-h-0 w-full min-w-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      {/* A comparison docks here, above the tabs, while it is on: beside the canvas it marks, never over it. */}
      {comparing && (
        <Suspense fallback={null}>
          <ComparePanel />
        </Suspense>
      )}
      <Tabs.Root
        value={panel}
        onValueChange={(value) => showPanel(value as PanelName)}
        className="flex min-h-0 flex-1 flex-col"
      >
        {/* One row always: if the panel is dragged narrower than the tabs, the row scrolls instead of wrapping. */}
        <Tabs.List
          aria-label="Panels"
          className="flex shrink-0 flex-nowrap overflow-x-auto border-b border-slate-200 [scrollbar-width:none] dark:border-slate-800"
        >
          {tabs.map(({ name, label, icon: Icon }) => (
            <Tabs.Trigger
              key={name}
              value={name}
              title={Icon ? label : undefined}
              className="flex-auto shrink-0 border-b-2 border-transparent px-1.5 py-2.5 text-sm font-medium whitespace-nowrap text-slate-600 hover:text-slate-900 data-[state=active]:border-teal-600 data-[state=active]:text-teal-800 dark:text-slate-300 dark:hover:text-white dark:data-[state=active]:border-teal-400 dark:data-[state=active]:text-teal-300"
            >
              {Icon ? (
                <>
                  <Icon size={16} className="mx-auto" aria-hidden />
                  <span className="sr-only">{label}</span>
                </>
              ) : (
                label
              )}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content
          value={panel}
          className="min-h-0 flex-1 overflow-y-auto focus-visible:outline-2 focus-visible:outline-teal-600"
        >
          <Suspense fallback={<PanelLoading />}>{content[panel]()}</Suspense>
        </Tabs.Content>
      </Tabs.Root>
    </aside>
  );
}
