import { Handle, Position, type NodeProps } from '@xyflow/react';
import { CircleX, TriangleAlert } from 'lucide-react';
import type { ResourceNode } from '../derive';
import { badgeText } from './badgeText';
import { badgesFitting } from './textFit';

/** Shared pieces of node components: connection handles, problem marker, badges. */
export function Handles() {
  return (
    <>
      <Handle
        type="source"
        position={Position.Right}
        id="r"
        className="!h-2.5 !w-2.5 !border-2 !border-white !bg-slate-500 dark:!border-slate-900"
      />
      <Handle
        type="source"
        position={Position.Left}
        id="l"
        className="!h-2.5 !w-2.5 !border-2 !border-white !bg-slate-500 dark:!border-slate-900"
      />
    </>
  );
}

export function ProblemMarker({ problem }: { problem: ResourceNode['data']['problem'] }) {
  if (!problem) return null;
  const label = `${problem.messages.length} ${problem.severity === 'error' ? 'problem' : 'warning'}${problem.messages.length === 1 ? '' : 's'}: ${problem.messages.join(' ')}`;
  return (
    <span
      role="img"
      aria-label={label}
      title={problem.messages.join('\n')}
      className="shrink-0"
      data-problem={problem.severity}
    >
      {problem.severity === 'error' ? (
        <CircleX size={16} className="text-red-600 dark:text-red-400" aria-hidden />
      ) : (
        <TriangleAlert size={16} className="text-amber-600 dark:text-amber-400" aria-hidden />
      )}
    </span>
  );
}

const BADGE_TONE = {
  public: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  private: 'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200',
  neutral: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  state: 'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-200',
} as const;

export function Badges({
  badges,
  wrap = true,
  fitPx,
}: {
  badges: ResourceNode['data']['facts']['badges'];
  wrap?: boolean;
  /**
   * One row `fitPx` wide, holding the badges that surely fit (`badgesFitting`) and no clip: a clip per card is
   * one more piece for the browser to layer on every frame of a pan. The tooltip lists any left out.
   */
  fitPx?: number;
}) {
  if (badges.length === 0) return null;
  const shown =
    fitPx === undefined
      ? badges
      : badges.slice(
          0,
          badgesFitting(
            badges.map((b) => badgeText(b.text)),
            fitPx,
          ),
        );
  const cut = shown.length < badges.length || (fitPx === undefined && !wrap);
  return (
    <span
      className={`flex gap-1 ${fitPx !== undefined ? '' : wrap ? 'flex-wrap' : 'overflow-hidden'}`}
      // A row that does not wrap may leave its last badges out: its tooltip lists them all.
      title={cut ? badges.map((b) => b.text).join(' · ') : undefined}
    >
      {shown.map((b) => (
        <span
          key={b.text}
          title={b.text}
          className={`shrink-0 whitespace-nowrap rounded px-1.5 py-px text-[10px] font-medium ${BADGE_TONE[b.tone]}`}
        >
          {badgeText(b.text)}
        </span>
      ))}
    </span>
  );
}

export type ResourceNodeProps = NodeProps<ResourceNode>;
