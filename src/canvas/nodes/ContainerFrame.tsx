import { memo, type ReactNode } from 'react';
import { Badges, Handles, ProblemMarker, type ResourceNodeProps } from './parts';
import { RuleChips } from '../chips';

/** The frame every container node (Region, VPC, zone, subnet, cluster) draws, styled like AWS group icons. */
export interface FrameStyle {
  border: string;
  header: string;
  icon: string;
  dashed?: boolean;
}

/** Red diagonal hatching over whatever the frame holds: out of service, still readable. */
const DOWN_HATCH = {
  backgroundImage: 'repeating-linear-gradient(135deg, rgb(220 38 38 / 0.14) 0 10px, transparent 10px 20px)',
} as const;

function ContainerFrameImpl({
  data,
  selected,
  frame,
  connectable,
  aside,
  down,
  hatched,
}: ResourceNodeProps & {
  frame: FrameStyle;
  connectable: boolean;
  /** Shown at the header's right (a zone's fault control). */
  aside?: ReactNode;
  /** Drawn as out of service (hatched, dimmed), with the words saying since when. */
  down?: string | null;
  /** Hatched without words: inside a zone that is down. */
  hatched?: boolean;
}) {
  const { facts, problem, resource } = data;
  return (
    <div
      data-kind={resource.kind}
      className={`h-full w-full rounded-md border-2 ${frame.dashed ? 'border-dashed' : ''} ${frame.border} ${
        selected ? 'ring-2 ring-teal-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-950' : ''
      } ${problem?.severity === 'error' ? '!border-red-500' : ''} ${down ? '!border-solid !border-red-600' : ''}`}
      data-down={down ? 'true' : undefined}
      style={down || hatched ? DOWN_HATCH : undefined}
    >
      <div className={`flex items-start gap-2 rounded-t-[3px] px-2 py-1.5 ${frame.header}`}>
        <img src={frame.icon} alt="" className="h-6 w-6 shrink-0 rounded-sm" draggable={false} />
        <div className="flex min-w-0 flex-1 flex-col gap-0.5 leading-tight">
          <div className="flex items-center gap-1.5">
            <span className="truncate text-[13px] font-semibold">{facts.title}</span>
            <ProblemMarker problem={problem} />
          </div>
          {down ? (
            <span className="self-start truncate rounded bg-red-600 px-1.5 py-px text-[11px] font-semibold text-white">
              {down}
            </span>
          ) : (
            <div className="truncate font-mono text-[11px] opacity-80">{facts.lines.join(' · ')}</div>
          )}
          <Badges badges={facts.badges} wrap={false} />
        </div>
        {aside}
      </div>
      {connectable && <Handles />}
      <RuleChips chips={data.chips ?? []} side="top" />
    </div>
  );
}

export const ContainerFrame = memo(ContainerFrameImpl);
