import { memo } from 'react';
import { Badges, Handles, ProblemMarker, type ResourceNodeProps } from './parts';

/** The card every leaf node (instance, gateway, table, function…) draws. */
function ResourceCardImpl({ data, selected, icon, accent }: ResourceNodeProps & { icon: string; accent: string }) {
  const { facts, problem, resource } = data;
  return (
    <div
      data-kind={resource.kind}
      className={`flex h-full w-full items-start gap-2 rounded-md border bg-white px-2 py-1.5 shadow-sm dark:bg-slate-900 ${
        problem?.severity === 'error'
          ? 'border-red-500'
          : problem
            ? 'border-amber-500'
            : 'border-slate-300 dark:border-slate-700'
      } ${selected ? 'ring-2 ring-teal-500' : ''} border-l-4 ${accent}`}
    >
      <img src={icon} alt="" className="mt-0.5 h-7 w-7 shrink-0 rounded-sm bg-white p-px" draggable={false} />
      <div className="min-w-0 flex-1 leading-tight">
        <div className="flex items-center gap-1">
          <span className="truncate text-[12px] font-semibold">{facts.title}</span>
          <ProblemMarker problem={problem} />
        </div>
        {facts.lines.map((line) => (
          <div key={line} className="truncate font-mono text-[10.5px] text-slate-600 dark:text-slate-400">
            {line}
          </div>
        ))}
        <Badges badges={facts.badges} />
      </div>
      <Handles />
    </div>
  );
}

export const ResourceCard = memo(ResourceCardImpl);
