import {
  ConnectionMode,
  ControlButton,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type ReactFlowInstance,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { LayoutGrid, LoaderCircle } from 'lucide-react';
import { useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { NewResourceSpec } from '../engine';
import {
  addFromPalette,
  connectResources,
  descendantsOf,
  useFindings,
  moveNodes,
  rehome,
  selectDesign,
  useDesignStore,
  useLibraryStore,
  useSimStore,
  useTrafficView,
  useViewStore,
} from '../store';
import { useCompareStore } from '../store/compareStore';
import { pickFlowEnd } from './traffic/trafficTool';
import { deriveEdges, nodeDeriver, type ResourceEdge, type ResourceNode } from './derive';
import { launchedDeriver, launchedKey } from './launched';
import { absoluteRect, containerAt } from './geometry';
import { markNodes } from './markNodes';
import { useRevealInChunks } from './reveal';
import { HEADER, headerHeight } from './layout';
import { dropPlacement } from './dropPlacement';
import { kindView } from './kinds';
import { tidyUp, useTidyStore } from './tidyRunner';
import { NODE_TYPES } from './nodes';
import { EDGE_TYPES, useEdgeRoutes, useRoutedEdges } from './edges';
import { ChipTooltip, useHoveredRule } from './chips';
import { PALETTE_MIME } from './palette';
import { FaultControls } from './FaultControls';
import { TrafficLayers } from './traffic/TrafficLayers';
import { CanvasMiniMap } from './minimap/CanvasMiniMap';
import { FIT_VIEW_OPTIONS, useFitViewMeasure } from './fitViewPadding';
import { PaneMenu } from './PaneMenu';

const EDGE_STYLE: Record<NonNullable<ResourceEdge['data']>['role'], React.CSSProperties> = {
  association: { stroke: '#64748b', strokeDasharray: '5 4', strokeWidth: 1.5 },
  route: { stroke: '#7c3aed', strokeWidth: 2 },
  blackhole: { stroke: '#dc2626', strokeDasharray: '2 4', strokeWidth: 2 },
  link: { stroke: '#475569', strokeWidth: 2.5 },
  trigger: { stroke: '#db2777', strokeWidth: 2 },
};

/** Label colours are given outright (not through React Flow's CSS variables) so exported images keep them. */
const LABEL_COLOURS = {
  light: { text: '#334155', background: '#ffffff' },
  dark: { text: '#e2e8f0', background: '#1e293b' },
} as const;

function styleEdges(edges: ResourceEdge[], theme: 'light' | 'dark'): ResourceEdge[] {
  const colours = LABEL_COLOURS[theme];
  return edges.map((edge) => ({
    ...edge,
    style: EDGE_STYLE[edge.data?.role ?? 'link'],
    animated: edge.data?.role === 'trigger',
    labelStyle: { fontSize: 10, fontFamily: 'var(--font-mono)', fill: colours.text },
    labelBgStyle: { fill: colours.background },
    labelBgPadding: [4, 2] as [number, number],
    labelBgBorderRadius: 3,
    ...(edge.data?.role === 'blackhole' ? { label: `${edge.data.label ?? ''} (blackhole)` } : {}),
  }));
}

/** Minimap boxes in each kind's thumbnail colours (leaves in one grey), so the design is recognisable there. */
const LEAF_COLOURS = { fill: '#cbd5e1', stroke: '#64748b' };
const minimapColours = (node: ResourceNode) => kindView(node.data.resource.kind).thumbnail ?? LEAF_COLOURS;

const DOT_GAP = 20;
const transformOf = (s: { transform: [number, number, number] }) => s.transform;

/**
 * Dots every 20 flow units behind the design. Not React Flow's Background: it moves an SVG pattern's
 * origin on every pan, a repaint, and any repaint makes the browser re-layer the whole page, which at
 * thousands of nodes was most of a pan frame. Here a pan changes only a transform of a box one gap larger
 * than the pane, which the compositor applies alone; its paint changes only when the zoom does.
 */
function DotBackground() {
  const [x, y, zoom] = useStore(transformOf);
  const gap = DOT_GAP * zoom;
  const wrap = (v: number) => ((v % gap) + gap) % gap;
  return (
    <div className="react-flow__background" style={{ overflow: 'hidden', pointerEvents: 'none' }} aria-hidden>
      <div
        className="nimbus-dots"
        style={{
          position: 'absolute',
          inset: -gap,
          backgroundSize: `${gap}px ${gap}px`,
          backgroundPosition: `${gap / 2}px ${gap / 2}px`,
          transform: `translate(${wrap(x)}px, ${wrap(y)}px)`,
          willChange: 'transform',
        }}
      />
    </div>
  );
}

/** Pans (at the same zoom, as little as it can) so that the nodes `ids` are in view, unless they already are. */
function scrollIntoView(
  flow: ReactFlowInstance<ResourceNode, ResourceEdge>,
  element: HTMLElement | null,
  ids: readonly string[],
) {
  const rects = ids.map((id) => flow.getInternalNode(id)).flatMap((n) => (n ? [absoluteRect(n)] : []));
  if (!element || rects.length === 0) return;
  const box = {
    left: Math.min(...rects.map((r) => r.x)),
    top: Math.min(...rects.map((r) => r.y)),
    right: Math.max(...rects.map((r) => r.x + r.width)),
    bottom: Math.max(...rects.map((r) => r.y + r.height)),
  };
  const { x, y, zoom } = flow.getViewport();
  const margin = 24 / zoom;
  // The visible part of the flow, less the toolbar along the top.
  const view = {
    left: -x / zoom + margin,
    top: (-y + 64) / zoom,
    right: (-x + element.clientWidth) / zoom - margin,
    bottom: (-y + element.clientHeight) / zoom - margin,
  };
  // The least pan that brings it in (its top left corner first when it is larger than the view).
  const shift = (low: number, high: number, viewLow: number, viewHigh: number) =>
    high - low > viewHigh - viewLow || low < viewLow ? viewLow - low : high > viewHigh ? viewHigh - high : 0;
  const dx = shift(box.left, box.right, view.left, view.right);
  const dy = shift(box.top, box.bottom, view.top, view.bottom);
  if (dx === 0 && dy === 0) return;
  void flow.setViewport({ x: x + dx * zoom, y: y + dy * zoom, zoom }, { duration: 200 });
}

function CanvasInner() {
  const design = useDesignStore(selectDesign);
  const findings = useFindings(design);
  // The last derivation, handed back so unchanged resources keep their node objects.
  const [derive] = useState(nodeDeriver);
  // Instances the simulation launched join the design's nodes while it runs; the key changes only when one comes or goes.
  const launched = useSimStore((s) => launchedKey(s.frame));
  const designNodes = useMemo(() => derive(design, findings), [derive, design, findings]);
  // Hands back the previous launched nodes, so an instance that stays where it was keeps its node object.
  const [deriveLaunched] = useState(launchedDeriver);
  const derivedNodes = useMemo(
    () =>
      launched ? [...designNodes, ...deriveLaunched(design, useSimStore.getState().frame, designNodes)] : designNodes,
    [design, designNodes, launched, deriveLaunched],
  );
  const selection = useViewStore((s) => s.selection);
  const theme = useViewStore((s) => s.theme);
  const hoveredRule = useHoveredRule((s) => s.id);
  const edges = useMemo(
    () => styleEdges(deriveEdges(design, new Set(hoveredRule ? [...selection, hoveredRule] : selection)), theme),
    [design, selection, hoveredRule, theme],
  );
  const focus = useViewStore((s) => s.focus);
  const { setSelection, showPanel, sayAtPointer } = useViewStore.getState();
  const flow = useReactFlow<ResourceNode, ResourceEdge>();
  useFitViewMeasure();
  const pathHighlight = useViewStore((s) => s.pathHighlight);
  const compare = useCompareStore((s) => s.marks);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const opened = useLibraryStore((s) => s.opened);
  const [nodes, setNodes] = useState<ResourceNode[]>(() =>
    markNodes(derivedNodes, { selection, pathHighlight, compare }),
  );
  const [syncedFrom, setSyncedFrom] = useState({ derivedNodes, selection, pathHighlight, compare });
  const pointer = useRef({ x: 0, y: 0 });
  const drawnNodes = useRevealInChunks(nodes);
  const measured = useNodesInitialized();
  const wrapper = useRef<HTMLDivElement>(null);
  const tidying = useTidyStore((s) => s.running);

  // Another design was opened: show all of it once every node is drawn (large designs are revealed a chunk
  // per frame) and measured, and keep it fitted while the canvas resizes (a notice appears) until the user
  // moves the view themselves.
  const fit = useRef({ pending: true, held: false });
  useEffect(() => {
    fit.current = { pending: true, held: false };
  }, [opened]);
  const settled = drawnNodes === nodes && measured;
  useEffect(() => {
    // An empty design has nothing to fit: the first drop must not move the view.
    if (fit.current.pending && nodes.length === 0) fit.current.pending = false;
    if (!fit.current.pending || !settled) return;
    let frame = 0;
    // React Flow takes new nodes into its store after this render; fit once it holds exactly these.
    const tryFit = (attempt: number) => {
      const current = drawnNodes.every((n) => flow.getInternalNode(n.id)?.internals.userNode === n);
      if (!current && attempt < 30) {
        frame = requestAnimationFrame(() => tryFit(attempt + 1));
        return;
      }
      fit.current = { pending: false, held: true };
      void flow.fitView(FIT_VIEW_OPTIONS);
    };
    frame = requestAnimationFrame(() => tryFit(0));
    return () => cancelAnimationFrame(frame);
  }, [settled, opened, flow, drawnNodes, nodes.length]);
  useEffect(() => {
    const element = wrapper.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      // A frame later, once React Flow has taken the new size itself.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (fit.current.held) void flow.fitView(FIT_VIEW_OPTIONS);
      });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [flow]);

  // Something new in the same design (a drop, a paste, a duplicate): scroll it into view if it is outside.
  const known = useRef<{ opened: number; ids: ReadonlySet<string> } | null>(null);
  useEffect(() => {
    const ids = new Set(Object.keys(design.resources));
    const before = known.current;
    known.current = { opened, ids };
    if (!before || before.opened !== opened) return;
    // An edit: from now on the view stays where it is, whatever resizes.
    fit.current.held = false;
    const added = [...ids].filter((id) => !before.ids.has(id));
    if (added.length === 0 || added.length > 20) return;
    const frame = requestAnimationFrame(() => scrollIntoView(flow, wrapper.current, added));
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [design, opened]);

  const drawnEdges = useMemo(() => {
    if (drawnNodes === nodes) return edges;
    const drawn = new Set(drawnNodes.map((n) => n.id));
    return edges.filter((e) => drawn.has(e.source) && drawn.has(e.target));
  }, [drawnNodes, nodes, edges]);
  useRoutedEdges(drawnNodes, drawnEdges);
  const routing = useEdgeRoutes((s) => (s.pending || s.answered !== s.wanted ? 'pending' : 'done'));
  const routingNote = useEdgeRoutes((s) => s.note);

  // The design is the truth: local nodes only carry drag positions until the drag ends,
  // and are re-derived whenever the design or the selection changes.
  if (
    syncedFrom.derivedNodes !== derivedNodes ||
    syncedFrom.selection !== selection ||
    syncedFrom.pathHighlight !== pathHighlight ||
    syncedFrom.compare !== compare
  ) {
    setSyncedFrom({ derivedNodes, selection, pathHighlight, compare });
    setNodes((current) =>
      markNodes(
        derivedNodes,
        { selection, pathHighlight, compare },
        {
          derived: syncedFrom.derivedNodes,
          selection: syncedFrom.selection,
          pathHighlight: syncedFrom.pathHighlight,
          compare: syncedFrom.compare,
          nodes: current,
        },
      ),
    );
  }

  useEffect(() => {
    if (!focus) return;
    const node = flow.getInternalNode(focus.id);
    if (!node) return;
    const r = absoluteRect(node);
    void flow.setCenter(r.x + r.width / 2, r.y + Math.min(r.height, 200) / 2, {
      zoom: Math.max(flow.getZoom(), 0.9),
      duration: 300,
    });
  }, [focus, flow]);

  const onNodesChange = useCallback((changes: NodeChange<ResourceNode>[]) => {
    // Deletion goes through the confirm-aware command, never straight through React Flow.
    setNodes((current) =>
      applyNodeChanges(
        changes.filter((c) => c.type !== 'remove'),
        current,
      ),
    );
  }, []);

  const onSelectionChange = useCallback(
    ({ nodes: picked }: OnSelectionChangeParams<ResourceNode, ResourceEdge>) => {
      const ids = picked.filter((n) => !n.data.launched).map((n) => n.id);
      setSelection(ids);
      if (ids.length > 0) showPanel('inspector');
    },
    [setSelection, showPanel],
  );

  // Handlers React Flow hands to every node: kept stable, or each render of this component would re-render every node.
  const onNodeClick = useCallback(
    (event: React.MouseEvent, node: ResourceNode) => {
      const tool = useTrafficView.getState().tool;
      if (!tool) return;
      const outcome = pickFlowEnd(node.data.resource, tool.source);
      sayAtPointer(event.clientX, event.clientY, outcome.message, outcome.ok ? 'info' : 'refusal');
    },
    [sayAtPointer],
  );
  const onNodeContextMenu = useCallback((event: React.MouseEvent, node: ResourceNode) => {
    event.preventDefault();
    if (node.data.launched) return;
    useViewStore.getState().askReachFrom(node.id);
  }, []);

  // The rule chips' one tooltip finds a hovered chip's rules in its node.
  const chipsOf = useCallback((id: string) => flow.getNode(id)?.data.chips, [flow]);

  const internalNodes = () => nodes.map((n) => flow.getInternalNode(n.id)).filter((n) => n !== undefined);

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, _node: ResourceNode, dragged: ResourceNode[]) => {
      const at = 'clientX' in event ? { x: event.clientX, y: event.clientY } : pointer.current;
      const design = useDesignStore.getState().history.present;
      const movedIds = dragged.map((n) => n.id);
      const exclude = new Set([...movedIds, ...descendantsOf(design, movedIds)]);
      const all = internalNodes();
      const moves: Array<{ id: string; x: number; y: number; parentId: string | null }> = [];
      for (const node of dragged) {
        const internal = flow.getInternalNode(node.id);
        if (!internal) continue;
        const r = absoluteRect(internal);
        const target = containerAt(all, { x: r.x + r.width / 2, y: r.y + Math.min(r.height, HEADER) / 2 }, exclude);
        const currentParent = node.parentId ?? null;
        const top = target ? headerHeight(target.data.resource.kind) : 0;
        if ((target?.id ?? null) === currentParent) {
          moves.push({
            id: node.id,
            x: Math.max(0, node.position.x),
            y: currentParent ? Math.max(top, node.position.y) : node.position.y,
            parentId: currentParent,
          });
          continue;
        }
        const targetRect = target ? absoluteRect(target) : { x: 0, y: 0 };
        const result = rehome(node.id, target?.id ?? null, {
          x: Math.max(0, r.x - targetRect.x),
          y: Math.max(top, r.y - targetRect.y),
        });
        if (result.ok) {
          if (result.message) sayAtPointer(at.x, at.y, result.message, 'info');
        } else {
          sayAtPointer(at.x, at.y, result.reason);
          setNodes(derivedNodes);
        }
      }
      moveNodes(moves);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [flow, derivedNodes, nodes],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      if (useLibraryStore.getState().viewOnly) return;
      const raw = event.dataTransfer.getData(PALETTE_MIME);
      if (!raw) return;
      const spec = JSON.parse(raw) as NewResourceSpec;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const under = containerAt(internalNodes(), point);
      const design = useDesignStore.getState().history.present;
      const { targetId, position } = dropPlacement(design, spec, point, under, nodes);
      const result = addFromPalette(spec, targetId, position);
      if (!result.ok) sayAtPointer(event.clientX, event.clientY, result.reason);
      else if (result.id) {
        // Wherever it went, it is scrolled into view if need be (see above).
        setSelection([result.id]);
        showPanel('inspector');
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [flow, nodes],
  );

  return (
    <div
      ref={wrapper}
      className="h-full w-full"
      data-edge-routing={routing}
      onPointerMove={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={onDrop}
    >
      <ChipTooltip container={wrapper} chipsOf={chipsOf} />
      <PaneMenu container={wrapper} />
      <ReactFlow<ResourceNode, ResourceEdge>
        nodes={drawnNodes}
        edges={drawnEdges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeContextMenu={onNodeContextMenu}
        onConnect={(connection) => {
          const result = connectResources(connection.source, connection.target);
          sayAtPointer(
            pointer.current.x,
            pointer.current.y,
            result.ok ? (result.message ?? 'Connected.') : result.reason,
            result.ok ? 'info' : 'refusal',
          );
        }}
        nodesDraggable={!viewOnly}
        nodesConnectable={!viewOnly}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        snapToGrid
        snapGrid={[10, 10]}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        onMoveStart={(event) => {
          // Only the user's own pan or zoom has an event; after it the view stays where they put it.
          if (event) fit.current.held = false;
        }}
        minZoom={0.1}
        maxZoom={2}
        colorMode={theme}
        proOptions={{ hideAttribution: true }}
      >
        <DotBackground />
        <TrafficLayers theme={theme} />
        <FaultControls />
        <Controls position="bottom-left" fitViewOptions={FIT_VIEW_OPTIONS}>
          {!viewOnly && (
            <ControlButton
              onClick={() => void tidyUp()}
              disabled={tidying}
              aria-label="Tidy up"
              title="Tidy up: lay out the whole design again (Shift+T); undo puts it back"
            >
              {tidying ? <LoaderCircle className="animate-spin" aria-hidden /> : <LayoutGrid aria-hidden />}
            </ControlButton>
          )}
        </Controls>
        {routingNote && (
          <Panel position="top-right">
            <p
              role="note"
              className="max-w-xs rounded-md border border-slate-200 bg-white/95 px-3 py-1 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
            >
              {routingNote}
            </p>
          </Panel>
        )}
        {tidying && (
          <Panel position="bottom-center">
            <p
              role="status"
              className="rounded-md border border-slate-200 bg-white/95 px-3 py-1 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
            >
              Tidying up the layout…
            </p>
          </Panel>
        )}
        <CanvasMiniMap colours={minimapColours} theme={theme} />
      </ReactFlow>
    </div>
  );
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}
