import { nodeGroupAutoScalingId, type Design, type Resource } from '../../domain';
import type { SimFrame } from '../../sim/protocol';
import { selectDesign, useDesignStore, useSimStore } from '../../store';
import {
  autoScalingGroupLiveBadges,
  databaseLiveBadges,
  eksClusterLiveBadges,
  instanceLiveBadges,
  loadBalancerLiveBadges,
  targetGroupLiveBadges,
  type LiveBadge,
} from '../liveFacts';

const LIVE_TONE: Record<LiveBadge['tone'], string> = {
  ok: 'bg-emerald-100 text-emerald-900 ring-emerald-600/40 dark:bg-emerald-900/60 dark:text-emerald-100',
  bad: 'bg-red-100 text-red-900 ring-red-600/50 dark:bg-red-900/60 dark:text-red-100',
  wait: 'bg-amber-100 text-amber-900 ring-amber-600/50 dark:bg-amber-900/60 dark:text-amber-100',
  off: 'bg-slate-100 text-slate-700 ring-slate-500/40 dark:bg-slate-800 dark:text-slate-200',
};
const MARK: Record<LiveBadge['tone'], string> = { ok: '✓', bad: '✗', wait: '…', off: '–' };

/** The live badges a kind shows while the simulation runs; others show none. */
const LIVE: Partial<Record<Resource['kind'], (frame: SimFrame | null, design: Design, id: string) => LiveBadge[]>> = {
  ec2Instance: (frame, _, id) => instanceLiveBadges(frame, id),
  loadBalancer: loadBalancerLiveBadges,
  targetGroup: (frame, _, id) => targetGroupLiveBadges(frame, id),
  autoScalingGroup: (frame, _, id) => autoScalingGroupLiveBadges(frame, id),
  dbInstance: databaseLiveBadges,
  eksNodeGroup: (frame, _, id) => autoScalingGroupLiveBadges(frame, nodeGroupAutoScalingId(id)),
  eksCluster: (frame, _, id) => eksClusterLiveBadges(frame, id),
};

const NONE: LiveBadge[] = [];

/**
 * A resource's live state from the latest frame: health, zones in service,
 * capacity, failover. The selector returns text, so a frame re-renders only
 * the cards whose live state changed.
 */
export function useLiveBadges(resource: Resource): LiveBadge[] {
  const of = LIVE[resource.kind];
  // The design is read when a frame comes, not subscribed to: every card subscribing re-rendered all of them on
  // each edit (a keystroke in a 2,000-instance design). Badges follow frames, ten a second while the simulation runs.
  const text = useSimStore((s) =>
    of && s.frame ? JSON.stringify(of(s.frame, selectDesign(useDesignStore.getState()), resource.id)) : '[]',
  );
  return text === '[]' ? NONE : (JSON.parse(text) as LiveBadge[]);
}

export function LiveBadges({ badges }: { badges: readonly LiveBadge[] }) {
  if (badges.length === 0) return null;
  return (
    <span className="contents" data-testid="live-state">
      {badges.map((b) => (
        <span
          key={b.text}
          title={b.title}
          data-tone={b.tone}
          className={`rounded px-1.5 py-px text-[10px] font-semibold ring-1 ring-inset ${LIVE_TONE[b.tone]}`}
        >
          <span aria-hidden>{MARK[b.tone]} </span>
          {b.text}
        </span>
      ))}
    </span>
  );
}
