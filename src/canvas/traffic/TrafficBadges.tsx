import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { Design } from '../../domain';
import { selectDesign, useDesignStore, useSimStore, useTrafficView, useViewStore } from '../../store';
import type { ResourceNode } from '../derive';
import { endsPacket } from './motion';

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const lookupOf = (s: ReactFlowState) => s.nodeLookup;
const transformOf = (s: ReactFlowState) => s.transform;

const flowLabel = (design: Design, flowId: string) => {
  const flow = design.flows?.find((f) => f.id === flowId);
  if (!flow) return flowId;
  const name = (id: string) => (id === 'internet' ? 'Internet' : (design.resources[id]?.name ?? id));
  return `${name(flow.from)} → ${name(flow.to)} :${flow.port}`;
};

/**
 * Per-flow counters on the canvas: delivered at the flow's destination, and a
 * drop mark at the component that drops it, whose reason opens on hover or click
 * (the same words as the reachability panel).
 */
export function TrafficBadges() {
  const design = useDesignStore(selectDesign);
  const traffic = useSimStore((s) => s.frame?.traffic);
  const stepping = useTrafficView((s) => s.stepping);
  const nodeLookup = useStore(lookupOf);
  // The open reason, placed on the page (not in the canvas) so packets passing by never draw over it.
  const [open, setOpen] = useState<{ key: string; left: number; top: number } | null>(null);
  const transform = useStore(transformOf);
  const [openedAt, setOpenedAt] = useState(transform);
  if (openedAt !== transform) {
    // The canvas moved under a fixed popover: close it rather than leave it pointing elsewhere.
    setOpenedAt(transform);
    if (open) setOpen(null);
  }
  if (!traffic) return null;
  const topRight = (id: string | null) => {
    const node = id ? nodeLookup.get(id) : undefined;
    if (!node) return null;
    const width = node.measured.width ?? (node as unknown as ResourceNode).width ?? 0;
    return { x: node.internals.positionAbsolute.x + width, y: node.internals.positionAbsolute.y };
  };
  const badges: React.ReactNode[] = [];
  const stacked = new Map<string, number>();
  const place = (id: string | null) => {
    const at = topRight(id);
    if (!at || !id) return null;
    const n = stacked.get(id) ?? 0;
    stacked.set(id, n + 1);
    return { x: at.x, y: at.y - n * 24 };
  };
  for (const counters of traffic.flows) {
    const path = traffic.paths[counters.id];
    if (!path || path.error) continue;
    const label = flowLabel(design, counters.id);
    const dropped = counters.droppedForward + counters.droppedReturn;
    const drop = path.steps.find((s) => endsPacket(s.decision));
    if (drop && dropped > 0) {
      const at = place(drop.resourceId);
      if (at) {
        const key = `drop:${counters.id}`;
        const reason = `${drop.component}${path.blockedBy ? ` (${path.blockedBy.code})` : ''}: ${drop.explanation}${
          drop.rule ? ` Rule: ${drop.rule}` : ''
        }`;
        badges.push(
          <div
            key={key}
            className="nodrag nopan pointer-events-auto absolute"
            style={{ transform: `translate(${at.x}px, ${at.y - 24}px) translateX(-100%)`, zIndex: 2000 }}
          >
            <button
              type="button"
              data-testid="drop-mark"
              title={reason}
              onClick={(event) => {
                const r = event.currentTarget.getBoundingClientRect();
                setOpen(open?.key === key ? null : { key, left: r.right, top: r.bottom + 4 });
              }}
              className="flex items-center gap-1 rounded-full border border-red-300 bg-red-600 px-2 py-0.5 text-[11px] font-semibold whitespace-nowrap text-white shadow"
            >
              <span aria-hidden>✕</span> {count(dropped)} dropped
              {path.blockedBy?.direction === 'return' ? ' (reply)' : ''}
            </button>
            {open?.key === key &&
              createPortal(
                <div
                  role="tooltip"
                  style={{ left: open.left, top: open.top }}
                  className="fixed z-50 w-80 -translate-x-full rounded-md border border-red-200 bg-white p-2 text-xs text-slate-800 shadow-lg dark:border-red-900 dark:bg-slate-900 dark:text-slate-100"
                >
                  <p className="font-semibold">{label}</p>
                  <p className="mt-1">{reason}</p>
                  <button
                    type="button"
                    className="mt-1 font-medium text-teal-700 underline dark:text-teal-300"
                    onClick={() => useViewStore.getState().showRule(drop.deciderId, drop.ruleRef)}
                  >
                    Show the rule
                  </button>
                </div>,
                document.body,
              )}
          </div>,
        );
      }
    }
    if (counters.delivered > 0 && !stepping) {
      const arrival = path.steps.find((s) => s.kind === 'endpoint' && s.direction === 'forward' && s.index > 0);
      const flowTo = design.flows?.find((f) => f.id === counters.id)?.to;
      const at = place(arrival?.resourceId ?? (flowTo && design.resources[flowTo] ? flowTo : null));
      if (at)
        badges.push(
          <div
            key={`ok:${counters.id}`}
            data-testid="delivered-mark"
            title={label}
            className="pointer-events-none absolute rounded-full border border-emerald-300 bg-emerald-50 px-2 py-0.5 text-[11px] font-semibold whitespace-nowrap text-emerald-800 shadow-sm dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
            style={{ transform: `translate(${at.x}px, ${at.y - 24}px) translateX(-100%)`, zIndex: 2000 }}
          >
            ✓ {count(counters.delivered)}
            {counters.lastRttMs === null ? '' : ` · ${counters.lastRttMs.toFixed(0)} ms`}
          </div>,
        );
    }
  }
  return <ViewportPortal>{badges}</ViewportPortal>;
}
