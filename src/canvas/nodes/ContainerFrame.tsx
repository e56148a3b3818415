import { memo, type ReactNode } from 'react';
import { Badges, Handles, ProblemMarker, type ResourceNodeProps } from './parts';
import { RuleChips } from '../chips';
import { isFar, nameFontPx, useZoomStep } from './zoom';

/**
 * The frame every container node (Region, VPC, zone, subnet, cluster) draws,
 * styled like the group boxes of AWS's architecture-icon guidelines
 * (https://aws.amazon.com/architecture/icons/, "Groups"): a coloured border,
 * dashed for Region and Availability Zone, with the group's icon at the top left.
 */
export interface FrameStyle {
  border: string;
  header: string;
  /** The group icon; AWS draws an Availability Zone with none. */
  icon?: string;
  dashed?: boolean;
  /** Height of the title block in flow units (the kind's `frame.headerHeight`), which bounds the title's size. */
  headerHeight?: number;
}

/** The title block's room besides the title: its vertical padding (6 px near, 4 px far, each side) and a row of badges. */
const NEAR_PADDING = 12;
const FAR_PADDING = 8;
const BADGE_ROW = 16;
/** Near, the fact line (11 px type, about 14 tall) shares the block with the title. */
const FACT_LINE = 14;

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
  const step = useZoomStep();
  // Far away the title is drawn large enough to read on screen, and the fact line gives it its room.
  const far = isFar(step);
  const headerRoom =
    (frame.headerHeight ?? 52) -
    (far ? FAR_PADDING : NEAR_PADDING + FACT_LINE) -
    (facts.badges.length > 0 || down ? BADGE_ROW : 0);
  const titlePx = nameFontPx(step, 13, Math.max(13, headerRoom / (far ? 1 : 1.15)));
  const factText = facts.lines.join(' · ');
  return (
    <div
      data-kind={resource.kind}
      className={`h-full w-full rounded-md border-2 ${frame.dashed ? 'border-dashed' : ''} ${frame.border} ${
        selected ? 'ring-2 ring-teal-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-950' : ''
      } ${problem?.severity === 'error' ? '!border-red-500' : ''} ${down ? '!border-solid !border-red-600' : ''}`}
      data-down={down ? 'true' : undefined}
      style={down || hatched ? DOWN_HATCH : undefined}
    >
      <div className={`flex items-start gap-2 rounded-t-[3px] px-2 ${far ? 'py-1' : 'py-1.5'} ${frame.header}`}>
        {frame.icon && <img src={frame.icon} alt="" className="h-6 w-6 shrink-0" draggable={false} />}
        <div className="flex min-w-0 flex-1 flex-col gap-0.5 leading-tight">
          <div className="flex items-center gap-1.5">
            <span
              data-testid="node-name"
              title={facts.title}
              className="truncate font-semibold"
              style={{ fontSize: titlePx, lineHeight: far ? 1 : 1.15 }}
            >
              {facts.title}
            </span>
            <ProblemMarker problem={problem} />
          </div>
          {down ? (
            <span
              title={down}
              className="self-start truncate rounded bg-red-600 px-1.5 py-px text-[11px] font-semibold text-white"
            >
              {down}
            </span>
          ) : (
            !far && (
              <div title={factText} className="truncate font-mono text-[11px] opacity-80">
                {factText}
              </div>
            )
          )}
          <Badges badges={facts.badges} wrap={false} />
        </div>
        {aside}
      </div>
      {connectable && <Handles />}
      <RuleChips chips={data.chips ?? []} side="top" far={far} />
    </div>
  );
}

export const ContainerFrame = memo(ContainerFrameImpl);
