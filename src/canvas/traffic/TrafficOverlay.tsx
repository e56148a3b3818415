import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { VersionedPath } from '../../sim/protocol';
import { useDesignStore, useSimStore, useTrafficView } from '../../store';
import type { ResourceEdge, ResourceNode } from '../derive';
import { useEdgeRoutes } from '../edges';
import { absoluteRect } from '../geometry';
import {
  alongEdges,
  endsPacket,
  motionPath,
  placeAt,
  routeFinder,
  stepAnchors,
  type EdgeRoute,
  type MotionPath,
  type Point,
} from './motion';

/** Wall-clock time a packet takes between two places: slow enough to follow, whatever the sim speed. */
export const MS_PER_LEG = 260;
/** Packets drawn at once; beyond this the oldest give way (the counters still count every request). */
const MAX_ANIMATED = 800;
const DROP_MARK_MS = 1100;
/** New packets drawn per flow per frame (frames come ten times a second). */
const MAX_NEW_PER_FLOW = 3;

const COLOURS = {
  light: { forward: '#0d9488', back: '#d97706', drop: '#dc2626', ring: '#ffffff', step: '#2563eb' },
  dark: { forward: '#2dd4bf', back: '#fbbf24', drop: '#f87171', ring: '#0f172a', step: '#60a5fa' },
};

interface Animated {
  flowId: string;
  start: number;
  path: MotionPath;
}

const transformOf = (s: ReactFlowState) => s.transform;

/**
 * Packets moving over the canvas, drawn on one <canvas> in screen space: one
 * layer redrawn per animation frame, with no element per packet to lay out or
 * composite (800 packets cost about 8 ms of main-thread work per frame, see
 * docs/benchmarks.md). Forward packets are filled, responses are rings in
 * another colour, drops leave a red cross.
 */
export function TrafficOverlay({ theme }: { theme: 'light' | 'dark' }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow<ResourceNode, ResourceEdge>();
  const transform = useStore(transformOf);
  const transformRef = useRef(transform);
  const themeRef = useRef(theme);
  const wakeRef = useRef<() => void>(() => undefined);
  // Panning or zooming moves what is drawn: redraw (the loop stops itself when nothing moves).
  useEffect(() => {
    transformRef.current = transform;
    themeRef.current = theme;
    wakeRef.current();
  }, [transform, theme]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const context = canvas.getContext('2d')!;
    let packets: Animated[] = [];
    let drops: Array<{ at: Point; until: number }> = [];
    let lastSeen = -1;
    let frameRequest = 0;
    const pathCache = new Map<string, { version: number; path: MotionPath }>();

    const rectOf = (id: string | null) => {
      const node = id ? flow.getInternalNode(id) : undefined;
      return node ? { kind: node.data.resource.kind as string, rect: absoluteRect(node) } : null;
    };
    const centre = (id: string | null): Point | null => {
      const found = rectOf(id);
      if (!found) return null;
      const r = found.rect;
      // Containers (a subnet holding an ACL step) are marked at their top edge, where traffic crosses into them.
      return found.kind === 'subnet'
        ? { x: r.x + r.width / 2, y: r.y + 6 }
        : { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    /** Each step's place: rules drawn where they act (`stepAnchors`), on the subnet's or the card's edge. */
    const anchoredPlacesOf = (steps: VersionedPath['steps']): ({ at: Point; node: string } | null)[] =>
      stepAnchors(steps.map((s) => ({ id: s.resourceId, kind: rectOf(s.resourceId)?.kind ?? null }))).map((anchor) => {
        if (!anchor) return null;
        const r = rectOf(anchor.id)?.rect;
        if (!r) return null;
        const at = anchor.edge ? { x: r.x + r.width / 2, y: r.y + 6 } : { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        return { at, node: anchor.id };
      });
    const placesOf = (steps: VersionedPath['steps']): (Point | null)[] =>
      anchoredPlacesOf(steps).map((place) => place?.at ?? null);
    /** The drawn edges' routes for the boxes as they are now (none mid-drag, or before the router answers). */
    const currentRoutes = (): EdgeRoute[] => {
      const { routes, answered, wanted } = useEdgeRoutes.getState();
      if (answered !== wanted) return [];
      return flow.getEdges().flatMap((edge) => {
        const route = routes.get(edge.id);
        return route ? [{ source: edge.source, target: edge.target, points: route.points }] : [];
      });
    };
    const pathFor = (path: VersionedPath): MotionPath => {
      const cached = pathCache.get(path.flowId);
      if (cached && cached.version === path.version) return cached.path;
      const places = anchoredPlacesOf(path.steps);
      const motion = alongEdges(
        motionPath(
          path.steps.map((s, i) => ({
            at: places[i]?.at ?? null,
            ...(places[i] ? { node: places[i].node } : {}),
            direction: s.direction,
            dropped: endsPacket(s.decision),
          })),
        ),
        routeFinder(currentRoutes()),
      );
      pathCache.set(path.flowId, { version: path.version, path: motion });
      return motion;
    };

    const draw = () => {
      frameRequest = 0;
      const now = performance.now();
      const dpr = window.devicePixelRatio || 1;
      const { clientWidth: w, clientHeight: h } = canvas;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      const [tx, ty, zoom] = transformRef.current;
      const colours = COLOURS[themeRef.current];
      context.setTransform(dpr, 0, 0, dpr, 0, 0);
      context.clearRect(0, 0, w, h);
      const radius = Math.max(3, Math.min(7, 5 * zoom));
      const still: Animated[] = [];
      let alongEdge = 0;
      let sample: string | undefined;
      for (const packet of packets) {
        const legs = (now - packet.start) / MS_PER_LEG;
        if (legs < 0) {
          still.push(packet);
          continue;
        }
        const place = placeAt(packet.path, legs);
        if (!place) continue;
        if (place.finished) {
          if (packet.path.dropped) drops.push({ at: place.point, until: now + DROP_MARK_MS });
          continue;
        }
        still.push(packet);
        const x = place.point.x * zoom + tx;
        const y = place.point.y * zoom + ty;
        const leg = Math.floor(legs);
        if ((packet.path.via?.[leg]?.length ?? 0) > 0) {
          alongEdge++;
          sample ??= JSON.stringify({ x, y, from: packet.path.nodes[leg], to: packet.path.nodes[leg + 1] });
        }
        context.beginPath();
        context.arc(x, y, radius, 0, Math.PI * 2);
        if (place.returning) {
          context.lineWidth = 2.5;
          context.strokeStyle = colours.back;
          context.fillStyle = colours.ring;
          context.fill();
          context.stroke();
        } else {
          context.fillStyle = colours.forward;
          context.fill();
          context.lineWidth = 1.5;
          context.strokeStyle = colours.ring;
          context.stroke();
        }
      }
      packets = still;
      canvas.dataset.packets = String(packets.length);
      // How many are following a routed edge right now: the end-to-end tests read it.
      canvas.dataset.alongEdges = String(alongEdge);
      if (sample) canvas.dataset.sample = sample;
      drops = drops.filter((d) => d.until > now);
      context.lineWidth = 3;
      for (const drop of drops) {
        const alpha = Math.min(1, (drop.until - now) / DROP_MARK_MS + 0.2);
        const x = drop.at.x * zoom + tx;
        const y = drop.at.y * zoom + ty;
        const s = radius + 2;
        context.strokeStyle = colours.drop;
        context.globalAlpha = alpha;
        context.beginPath();
        context.moveTo(x - s, y - s);
        context.lineTo(x + s, y + s);
        context.moveTo(x + s, y - s);
        context.lineTo(x - s, y + s);
        context.stroke();
        context.globalAlpha = 1;
      }
      const stepping = useTrafficView.getState().stepping;
      const stepPath = stepping ? useSimStore.getState().frame?.traffic.paths[stepping.flowId] : undefined;
      const stepIndex = stepPath ? Math.min(stepping!.index, stepPath.steps.length - 1) : 0;
      const step = stepPath?.steps[stepIndex];
      // Where the animated packets pass it; a route table's step (not drawn there) stays on its table.
      const stepAt = step ? (placesOf(stepPath!.steps)[stepIndex] ?? centre(step.resourceId)) : null;
      if (step && stepAt) {
        // The stepped packet: large, with a ring, in the colour of its direction (a cross when dropped here).
        const x = stepAt.x * zoom + tx;
        const y = stepAt.y * zoom + ty;
        const dropped = endsPacket(step.decision);
        context.beginPath();
        context.arc(x, y, 13, 0, Math.PI * 2);
        context.fillStyle = dropped ? colours.drop : step.direction === 'return' ? colours.back : colours.step;
        context.globalAlpha = 0.25;
        context.fill();
        context.globalAlpha = 1;
        context.beginPath();
        context.arc(x, y, 8, 0, Math.PI * 2);
        context.fill();
        context.lineWidth = 2;
        context.strokeStyle = colours.ring;
        context.stroke();
      }
      if (packets.length > 0 || drops.length > 0) frameRequest = requestAnimationFrame(draw);
    };
    const wake = () => {
      if (!frameRequest) frameRequest = requestAnimationFrame(draw);
    };
    wakeRef.current = wake;

    const unsubscribe = useSimStore.subscribe((state) => {
      const traffic = state.frame?.traffic;
      if (!traffic || useTrafficView.getState().stepping) return;
      const unseen = traffic.packets.filter((p) => p.id > lastSeen);
      if (unseen.length === 0) return;
      lastSeen = Math.max(lastSeen, ...unseen.map((p) => p.id));
      // At high speeds a flow sends more packets than anyone can follow: draw a few per frame, newest first.
      const perFlow = new Map<string, number>();
      const fresh = unseen.reverse().filter((p) => {
        const n = perFlow.get(p.flowId) ?? 0;
        perFlow.set(p.flowId, n + 1);
        return n < MAX_NEW_PER_FLOW;
      });
      // Spread a frame's new packets over the time until the next frame, so they stream rather than pulse.
      const now = performance.now();
      const spacing = 100 / fresh.length;
      fresh.forEach((p, i) => {
        const path = traffic.paths[p.flowId];
        if (path && path.version === p.pathVersion)
          packets.push({ flowId: p.flowId, start: now + i * spacing, path: pathFor(path) });
      });
      if (packets.length > MAX_ANIMATED) packets = packets.slice(-MAX_ANIMATED);
      wake();
    });
    const unsubscribeDesign = useSimStore.subscribe((state, previous) => {
      if (!state.active && previous.active) {
        packets = [];
        drops = [];
        lastSeen = -1;
        pathCache.clear();
        wake();
      }
    });
    // Nodes moved or changed: paths are measured again from the new positions.
    const unsubscribeLayout = useDesignStore.subscribe((state, previous) => {
      if (state.history.present !== previous.history.present) pathCache.clear();
    });
    // Edges routed again (after a move, or the router's first answer): packets follow the new routes.
    const unsubscribeRoutes = useEdgeRoutes.subscribe((state, previous) => {
      if (state.routes !== previous.routes || state.answered !== previous.answered || state.wanted !== previous.wanted)
        pathCache.clear();
    });
    const unsubscribeStepping = useTrafficView.subscribe(() => {
      packets = [];
      wake();
    });
    return () => {
      unsubscribe();
      unsubscribeDesign();
      unsubscribeLayout();
      unsubscribeRoutes();
      unsubscribeStepping();
      cancelAnimationFrame(frameRequest);
    };
  }, [flow]);

  return (
    <canvas
      ref={canvasRef}
      aria-hidden
      data-testid="traffic-overlay"
      className="pointer-events-none absolute inset-0 z-[4] h-full w-full"
    />
  );
}
