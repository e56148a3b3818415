import { Handle, Position, type NodeProps } from '@xyflow/react';
import { CircleX, TriangleAlert } from 'lucide-react';
import type { ResourceNode } from '../derive';
import { badgeText } from './badgeText';

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

export function Badges({ badges, wrap = true }: { badges: ResourceNode['data']['facts']['badges']; wrap?: boolean }) {
  if (badges.length === 0) return null;
  return (
    <span
      className={`flex gap-1 ${wrap ? 'flex-wrap' : 'overflow-hidden'}`}
      // A row that does not wrap may cut its last badges off: its tooltip lists them all.
      title={wrap ? undefined : badges.map((b) => b.text).join(' · ')}
    >
      {badges.map((b) => (
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
