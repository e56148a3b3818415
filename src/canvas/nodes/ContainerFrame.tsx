import { memo } from 'react';
import { Badges, Handles, ProblemMarker, type ResourceNodeProps } from './parts';

/** The frame every container node (Region, VPC, zone, subnet, cluster) draws, styled like AWS group icons. */
export interface FrameStyle {
  border: string;
  header: string;
  icon: string;
  dashed?: boolean;
}

function ContainerFrameImpl({
  data,
  selected,
  frame,
  connectable,
}: ResourceNodeProps & { frame: FrameStyle; connectable: boolean }) {
  const { facts, problem, resource } = data;
  return (
    <div
      data-kind={resource.kind}
      className={`h-full w-full rounded-md border-2 ${frame.dashed ? 'border-dashed' : ''} ${frame.border} ${
        selected ? 'ring-2 ring-teal-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-950' : ''
      } ${problem?.severity === 'error' ? '!border-red-500' : ''}`}
    >
      <div className={`flex items-start gap-2 rounded-t-[3px] px-2 py-1.5 ${frame.header}`}>
        <img src={frame.icon} alt="" className="h-6 w-6 shrink-0 rounded-sm" draggable={false} />
        <div className="flex min-w-0 flex-1 flex-col gap-0.5 leading-tight">
          <div className="flex items-center gap-1.5">
            <span className="truncate text-[13px] font-semibold">{facts.title}</span>
            <ProblemMarker problem={problem} />
          </div>
          <div className="truncate font-mono text-[11px] opacity-80">{facts.lines.join(' · ')}</div>
          <Badges badges={facts.badges} wrap={false} />
        </div>
      </div>
      {connectable && <Handles />}
    </div>
  );
}

export const ContainerFrame = memo(ContainerFrameImpl);
