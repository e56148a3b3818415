import { memo } from 'react';
import { useSimStore } from '../../store';
import { Badges, Handles, ProblemMarker, type ResourceNodeProps } from './parts';
import { FaultControl } from './FaultControl';
import { LiveBadges, useLiveBadges } from './LiveBadges';
import { RuleChips } from '../chips';
import { isFar, nameFontPx, useZoomStep } from './zoom';

/** A card's border and vertical padding far away (3 px and a 1 px border each side); its name has the rest. */
const FAR_CHROME = 8;
const NAME_LINE_HEIGHT = 1.1;
/** A row of badges: 10 px type at leading-tight and a pixel of padding above and below. */
const BADGE_ROW = 14;

/** An instance's badges, with its live state while the simulation runs. */
function InstanceBadges({ id, badges }: { id: string; badges: ResourceNodeProps['data']['facts']['badges'] }) {
  // Select only the state text, so a frame re-renders the instances whose state changed and no others.
  const state = useSimStore((s) => {
    const live = s.frame?.instances[id];
    return live ? (live.rebooting ? 'rebooting' : live.state) : null;
  });
  if (!state) return <Badges badges={badges} />;
  return (
    <span data-testid="sim-state" data-state={state} className="contents">
      <Badges badges={badges.map((b) => (b.tone === 'state' ? { text: state, tone: 'state' as const } : b))} />
    </span>
  );
}

/** The card every leaf node (instance, gateway, table, function…) draws. */
function ResourceCardImpl({
  data,
  selected,
  icon,
  accent,
  height,
}: ResourceNodeProps & { icon: string; accent: string }) {
  const { facts, problem, resource, launched } = data;
  const live = useLiveBadges(resource);
  const step = useZoomStep();
  // Far away: the name, large enough to read on screen (two lines at most), and the badges; near: every fact line.
  const far = isFar(step);
  // Two lines of name where that is large enough; when the view is further out still, one line as tall as the card.
  const room = (height ?? 64) - FAR_CHROME;
  const namePx = nameFontPx(step, 12, room / NAME_LINE_HEIGHT);
  const twoLines = far && namePx <= room / (2 * NAME_LINE_HEIGHT);
  // Far away the name may fill the card, leaving no room for a row of badges. Then the badges stay in the page
  // (screen readers, tests) but take no room and draw nothing (`nimbus-unseen`), and the card needs no clip
  // around name and badges: at thousands of cards each clip is more for the browser to layer on every frame
  // of a pan (docs/benchmarks.md, "Canvas"). Before, such badges were drawn and cut off by that clip.
  const badgesFit = !far || room - (twoLines ? 2 : 1) * namePx * NAME_LINE_HEIGHT >= BADGE_ROW;
  // While live state shows, the card keeps its one most telling line so it still fits its box.
  const lines = far
    ? []
    : live.length === 0
      ? facts.lines
      : resource.kind === 'loadBalancer'
        ? []
        : facts.lines.slice(...(resource.kind === 'ec2Instance' && !launched ? [1, 2] : [0, 1]));
  const badges = live.length === 0 ? facts.badges : facts.badges.filter((b) => b.tone === 'state');
  return (
    <div
      data-kind={resource.kind}
      data-launched={launched ? 'true' : undefined}
      data-far={far ? 'true' : undefined}
      aria-label={launched ? `${facts.title}, ${facts.lines.join(', ')}` : undefined}
      // Far away the fact lines are not drawn: the card's tooltip gives them.
      title={far ? [facts.title, ...facts.lines, ...facts.badges.map((b) => b.text)].join('\n') : undefined}
      className={`nimbus-card flex h-full w-full items-start gap-2 rounded-md border px-2 ${
        far ? 'py-[3px]' : 'py-1.5 shadow-sm'
      } ${
        launched
          ? 'border-dashed border-orange-500 bg-orange-50 dark:border-orange-400 dark:bg-orange-950/50'
          : 'bg-white dark:bg-slate-900'
      } ${
        problem?.severity === 'error'
          ? 'border-red-500'
          : problem
            ? 'border-amber-500'
            : launched
              ? ''
              : 'border-slate-300 dark:border-slate-700'
      } ${selected ? 'ring-2 ring-teal-500' : ''} border-l-4 ${accent}`}
    >
      {/* Square corners: a rounded image is clipped to its corners, one more clip per card for every frame of a pan. */}
      <img src={icon} alt="" className="mt-0.5 h-7 w-7 shrink-0 bg-white p-px" draggable={false} />
      <div className={`min-w-0 flex-1 leading-tight ${far && badgesFit ? 'max-h-full overflow-hidden' : ''}`}>
        <div className="flex items-start gap-1">
          <span
            data-testid="node-name"
            title={facts.title}
            className={`font-semibold ${twoLines ? 'line-clamp-2 break-words' : 'truncate'}`}
            style={{ fontSize: namePx, lineHeight: NAME_LINE_HEIGHT }}
          >
            {facts.title}
          </span>
          <ProblemMarker problem={problem} />
          <span className="flex-1" />
          <FaultControl resource={resource} placeholder />
        </div>
        {/*
         * Far away the fact lines are not drawn, but screen readers and find-in-page still read them: in the flow
         * with no height (`nimbus-unseen`), not `sr-only`, whose position and clip made each card's a layer of its
         * own that every frame of a pan hit-tested and painted.
         */}
        {far && <span className="nimbus-unseen">{facts.lines.join(', ')}</span>}
        {lines.map((line) => (
          <div key={line} title={line} className="truncate font-mono text-[10.5px] text-slate-600 dark:text-slate-400">
            {line}
          </div>
        ))}
        <span className={badgesFit ? 'flex flex-wrap items-center gap-1' : 'nimbus-unseen'}>
          {resource.kind === 'ec2Instance' ? (
            <InstanceBadges id={resource.id} badges={badges} />
          ) : (
            <Badges badges={badges} />
          )}
          <LiveBadges badges={live} />
        </span>
      </div>
      {!launched && <Handles />}
      {!launched && <RuleChips chips={data.chips ?? []} side="bottom" far={far} />}
    </div>
  );
}

export const ResourceCard = memo(ResourceCardImpl);
