import { ViewportPortal, useReactFlow } from '@xyflow/react';
import { memo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { idSourceFor } from '../../domain';
import { connect } from '../../engine';
import { connectResources, selectDesign, useDesignStore, useLibraryStore, useViewStore } from '../../store';
import type { ResourceEdge, ResourceNode } from '../derive';
import { absoluteRect, type Rect } from '../geometry';
import { CHIP_TOOLTIP, KIND_WORD } from '../chips/RuleChips';
import { useHoveredRule, setHoveredRule } from '../chips/hoveredRule';
import { Handles, ProblemMarker, type ResourceNodeProps } from '../nodes/parts';
import { isFar, MIN_NAME_PX, nameFontPx, useZoomStep } from '../nodes/zoom';
import { isShelfKind, PILL_HEIGHT } from './shelf';

/** Room for the name's one line when far: the pill less its border and padding (2 px each side). */
const FAR_NAME_ROOM = PILL_HEIGHT - 4;
/** Near, the name shares that room with the line of its rule count (10 px type, about 13 px tall). */
const NEAR_NAME_ROOM = FAR_NAME_ROOM - 13;
const NAME_LINE_HEIGHT = 1.1;
/** How far the pointer goes before a press on a pill becomes a drag (px), so a click still selects. */
const DRAG_THRESHOLD = 4;

interface Drag {
  /** Every node the rule set may be associated with, as connecting would: lit while dragging. */
  targets: Map<string, Rect>;
  /** The pill's centre and the pointer, in flow coordinates, for the line between them. */
  from: { x: number; y: number };
  to: { x: number; y: number };
  over: string | null;
}

/** The ids of the nodes under a screen point, topmost first. */
function nodesAt(clientX: number, clientY: number): string[] {
  const ids: string[] = [];
  for (const element of document.elementsFromPoint(clientX, clientY)) {
    const id = element.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * A rule resource (route table, network ACL, security group) as a pill on its
 * VPC's shelf: icon, name, rule count and state in words ("main", "default",
 * "not attached"). It is the resource's own React Flow node, so a click
 * selects it and opens the inspector, and the keyboard, delete and the
 * context menu work as on a card. Hovering it, or focusing its node with the
 * keyboard, draws its association edges and rings the chips it is drawn as;
 * hovering one of those chips rings the pill.
 *
 * A pill is not moved by dragging (the shelf places it): dragging it onto a
 * subnet (or, for a group, an instance) associates it there, through the same
 * connect command as joining handles. Valid targets are lit while dragging,
 * and a drop anywhere on a target's body counts; a refusal says why at the
 * pointer. Far away the pill shows its name alone; further out its icon alone,
 * its words kept in the page unseen, with the rule tooltip giving them whole.
 */
function ShelfPillImpl({ id, data, selected, icon, accent }: ResourceNodeProps & { icon: string; accent: string }) {
  const { resource, problem, pill } = data;
  const kind = isShelfKind(resource.kind) ? resource.kind : 'routeTable';
  const step = useZoomStep();
  const far = isFar(step);
  // Near zoom steps below 1 draw the name larger in flow units too, so it is still 11 px on screen.
  const namePx = nameFontPx(step, 11, (far ? FAR_NAME_ROOM : NEAR_NAME_ROOM) / NAME_LINE_HEIGHT);
  const iconOnly = namePx * step < MIN_NAME_PX - 0.01;
  const hovered = useHoveredRule((s) => s.id === id);
  const count = pill?.count ?? '';
  const status = pill?.status ?? '';

  const flow = useReactFlow<ResourceNode, ResourceEdge>();
  const press = useRef<{ x: number; y: number; pointerId: number } | null>(null);
  const dragged = useRef(false);
  const [drag, setDrag] = useState<Drag | null>(null);

  const startDrag = (event: ReactPointerEvent<HTMLDivElement>) => {
    const design = selectDesign(useDesignStore.getState());
    const ids = idSourceFor(design);
    const targets = new Map<string, Rect>();
    for (const node of flow.getNodes()) {
      const candidate = node.data.resource;
      if (node.data.launched) continue;
      const fits =
        kind === 'securityGroup'
          ? 'securityGroupIds' in candidate && Array.isArray(candidate.securityGroupIds)
          : candidate.kind === 'subnet';
      if (!fits || !connect(design, id, node.id, ids).ok) continue;
      const internal = flow.getInternalNode(node.id);
      if (internal) targets.set(node.id, absoluteRect(internal));
    }
    const self = flow.getInternalNode(id);
    const rect = self ? absoluteRect(self) : { x: 0, y: 0, width: 0, height: 0 };
    const to = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ targets, from: { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, to, over: null });
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    dragged.current = false;
    if (event.button !== 0 || useLibraryStore.getState().viewOnly) return;
    press.current = { x: event.clientX, y: event.clientY, pointerId: event.pointerId };
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const start = press.current;
    if (!start || start.pointerId !== event.pointerId) return;
    if (!drag) {
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) < DRAG_THRESHOLD) return;
      dragged.current = true;
      startDrag(event);
      return;
    }
    const over = nodesAt(event.clientX, event.clientY).find((nodeId) => drag.targets.has(nodeId)) ?? null;
    setDrag({ ...drag, to: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }), over });
  };
  const finish = (event: ReactPointerEvent<HTMLDivElement>, drop: boolean) => {
    press.current = null;
    if (!drag) return;
    setDrag(null);
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    if (!drop) return;
    const under = nodesAt(event.clientX, event.clientY).filter((nodeId) => nodeId !== id);
    const design = selectDesign(useDesignStore.getState());
    // A valid target anywhere under the pointer (a subnet under the instance the pointer is on), else the topmost
    // node that is not what holds the pill: dropping back on the shelf or its VPC is no request at all.
    const holders = new Set<string>();
    for (let p = flow.getNode(id)?.parentId; p; p = flow.getNode(p)?.parentId) holders.add(p);
    const target =
      under.find((nodeId) => drag.targets.has(nodeId)) ??
      under.find((nodeId) => !holders.has(nodeId) && !isShelfKind(design.resources[nodeId]?.kind ?? 'vpc'));
    if (!target) return;
    const result = connectResources(id, target);
    useViewStore
      .getState()
      .sayAtPointer(
        event.clientX,
        event.clientY,
        result.ok ? (result.message ?? 'Connected.') : result.reason,
        result.ok ? 'info' : 'refusal',
      );
  };

  return (
    <div
      data-kind={resource.kind}
      data-shelf-pill=""
      data-status={status || undefined}
      data-icon-only={iconOnly ? 'true' : undefined}
      data-name={resource.name}
      data-chip-id={id}
      data-tooltip={CHIP_TOOLTIP}
      // Its words, whole, are in the canvas's one rule tooltip (with its rules), so it needs no `title` of its own.
      className={`nimbus-card nodrag nopan flex h-full w-full cursor-grab items-center gap-1.5 rounded-full border border-l-4 bg-white px-2 active:cursor-grabbing dark:bg-slate-900 ${
        status === 'not attached' ? 'border-dashed' : ''
      } ${
        problem?.severity === 'error'
          ? 'border-red-500'
          : problem
            ? 'border-amber-500'
            : 'border-slate-300 dark:border-slate-600'
      } ${accent} ${selected ? 'ring-2 ring-teal-500' : hovered ? 'ring-2 ring-teal-400/70' : ''}`}
      onPointerEnter={() => setHoveredRule(id)}
      onPointerLeave={() => {
        if (useHoveredRule.getState().id === id) setHoveredRule(null);
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(event) => finish(event, true)}
      onPointerCancel={(event) => finish(event, false)}
      onLostPointerCapture={() => {
        press.current = null;
        setDrag(null);
      }}
      // A drag is not a click: it must not select the pill as well.
      onClickCapture={(event) => {
        if (dragged.current) event.stopPropagation();
        dragged.current = false;
      }}
    >
      <img src={icon} alt="" className="h-4 w-4 shrink-0" draggable={false} />
      {/*
       * Icon alone, its words stay in the page for screen readers and find-in-page, in the flow with no height
       * (`nimbus-unseen`, as a far card's fact lines), so the node's name is still its text.
       */}
      {iconOnly && (
        <span className="nimbus-unseen">{`${resource.name}, ${KIND_WORD[kind]}, ${count}${status ? `, ${status}` : ''}`}</span>
      )}
      {!iconOnly && (
        <div className="flex min-w-0 flex-1 flex-col leading-tight">
          <span
            data-testid="node-name"
            className="truncate font-semibold"
            style={{ fontSize: namePx, lineHeight: NAME_LINE_HEIGHT }}
          >
            {resource.name}
          </span>
          {far && <span className="nimbus-unseen">{`${count}${status ? `, ${status}` : ''}`}</span>}
          {!far && (
            <span className="flex min-w-0 items-center gap-1 text-[10px] text-slate-600 dark:text-slate-400">
              <span className="shrink-0 font-mono">{count}</span>
              {status && (
                <span
                  className={`truncate rounded px-1 font-medium ${
                    status === 'not attached'
                      ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100'
                      : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
                  }`}
                >
                  {status}
                </span>
              )}
            </span>
          )}
        </div>
      )}
      <ProblemMarker problem={problem} />
      <Handles />
      {drag && <DragOverlay drag={drag} />}
    </div>
  );
}

/** While a pill is dragged: its valid targets outlined (the one under the pointer filled) and a line to the pointer. */
function DragOverlay({ drag }: { drag: Drag }) {
  return (
    <ViewportPortal>
      <div data-testid="shelf-drag" className="pointer-events-none absolute top-0 left-0" style={{ zIndex: 2000 }}>
        {[...drag.targets].map(([targetId, r]) => (
          <div
            key={targetId}
            data-target-id={targetId}
            data-over={drag.over === targetId ? 'true' : undefined}
            className={`absolute rounded-md border-2 border-dashed border-teal-500 ${
              drag.over === targetId ? 'bg-teal-400/20' : ''
            }`}
            style={{ transform: `translate(${r.x}px, ${r.y}px)`, width: r.width, height: r.height }}
          />
        ))}
        <svg className="absolute top-0 left-0 overflow-visible" width={1} height={1} aria-hidden>
          <line
            x1={drag.from.x}
            y1={drag.from.y}
            x2={drag.to.x}
            y2={drag.to.y}
            stroke="#14b8a6"
            strokeWidth={2}
            strokeDasharray="5 4"
          />
        </svg>
      </div>
    </ViewportPortal>
  );
}

export const ShelfPill = memo(ShelfPillImpl);

/** The node of a rule kind: a shelf pill with the kind's icon and accent. */
export const shelfPill = (icon: string, accent: string) => {
  const Pill = (p: ResourceNodeProps) => <ShelfPill {...p} icon={icon} accent={accent} />;
  return Pill;
};
