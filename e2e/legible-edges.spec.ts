import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';
import { lessonCount, openLesson } from './lessonStarts';
import { openTemplatesMenu } from './templateMenu';

/**
 * Edges people can follow, on every template at 1440×900 and fit view: no
 * edge passes over a box it doesn't connect, and no edge label sits on a box
 * it doesn't belong to. Everything is measured on screen from the DOM.
 *
 * What an edge may cross: its own two ends, and the containers either end is
 * inside (a route from a table to its VPC's internet gateway runs inside that
 * VPC; an edge from the internet to that gateway enters the VPC's frame). A
 * container neither end is inside (a subnet the route passes by) and every
 * other card are obstacles. Containment is read from the screen: a container
 * holds a node when its box contains the node's box. A path is sampled every
 * 2 flow px (rounded corners included) and a sample counts as crossing a box
 * when it is inside the box by more than 1 px, so a path touching its end's
 * border, or running along a frame, does not count.
 */

interface Box {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  container: boolean;
}

interface DrawnEdge {
  source: string;
  target: string;
  routed: boolean;
  samples: Array<{ x: number; y: number }>;
  label: { left: number; top: number; right: number; bottom: number } | null;
  text: string;
}

const CONTAINERS = ['region', 'vpc', 'availabilityZone', 'subnet', 'ecsCluster', 'eksCluster'];

async function measure(page: Page): Promise<{ nodes: Box[]; edges: DrawnEdge[] }> {
  return page.evaluate((containers) => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((element) => {
      const r = element.getBoundingClientRect();
      const kind = [...element.classList].find((c) => c.startsWith('react-flow__node-'))?.slice(17) ?? '';
      return {
        id: element.dataset.id!,
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        container: containers.includes(kind),
      };
    });
    const edges = [...document.querySelectorAll<SVGGElement>('g[data-routed]')].map((group) => {
      const path = group.querySelector<SVGPathElement>('.react-flow__edge-path')!;
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const samples: Array<{ x: number; y: number }> = [];
      for (let at = 0; at <= length; at += 2) {
        const p = path.getPointAtLength(at);
        samples.push({ x: matrix.a * p.x + matrix.c * p.y + matrix.e, y: matrix.b * p.x + matrix.d * p.y + matrix.f });
      }
      const wrapper = group.querySelector('.react-flow__edge-textwrapper');
      const r = wrapper?.getBoundingClientRect();
      return {
        source: group.dataset.source!,
        target: group.dataset.target!,
        routed: group.dataset.routed === 'true',
        samples,
        label: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null,
        text: wrapper?.textContent ?? '',
      };
    });
    return { nodes, edges };
  }, CONTAINERS);
}

const holds = (outer: Box, inner: Box) =>
  outer.container &&
  outer.id !== inner.id &&
  outer.left <= inner.left + 0.5 &&
  outer.top <= inner.top + 0.5 &&
  outer.right >= inner.right - 0.5 &&
  outer.bottom >= inner.bottom - 0.5;

const INSET = 1;
const inside = (p: { x: number; y: number }, b: Box) =>
  p.x > b.left + INSET && p.x < b.right - INSET && p.y > b.top + INSET && p.y < b.bottom - INSET;
const overlaps = (a: { left: number; top: number; right: number; bottom: number }, b: Box) =>
  a.left < b.right - INSET && b.left + INSET < a.right && a.top < b.bottom - INSET && b.top + INSET < a.bottom;

/** Boxes the edge may cross: its ends and every container holding either end. */
function allowedFor(edge: DrawnEdge, nodes: Box[]): Set<string> {
  const ends = nodes.filter((n) => n.id === edge.source || n.id === edge.target);
  const allowed = new Set(ends.map((n) => n.id));
  for (const n of nodes) if (ends.some((end) => holds(n, end))) allowed.add(n.id);
  return allowed;
}

async function openTemplate(page: Page, index: number): Promise<string> {
  await page.getByRole('button', { name: 'Templates' }).click();
  // By position: one template's name can begin another's.
  const item = page.getByRole('menuitem').nth(index);
  const name = (await item.innerText()).split('\n')[0]!;
  await item.click();
  return name;
}

/** Measures once the nodes have stopped moving (fit view) and the edges are routed for where they are. */
async function settled(page: Page): Promise<{ nodes: Box[]; edges: DrawnEdge[] }> {
  let last = '';
  let reading = await measure(page);
  await expect
    .poll(
      async () => {
        await expect(page.locator('[data-edge-routing="done"]')).toBeVisible();
        reading = await measure(page);
        const now = JSON.stringify(reading);
        const same = now === last && reading.nodes.length > 0;
        last = now;
        return same;
      },
      { intervals: [200, 200, 300, 500], timeout: 20_000 },
    )
    .toBe(true);
  return reading;
}

test('on every template at fit view, edges go around the boxes they do not join and labels sit off them', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const count = await (await openTemplatesMenu(page)).count();
  await page.keyboard.press('Escape');
  expect(count).toBeGreaterThanOrEqual(10);
  let edgesSeen = 0;
  for (let index = 0; index < count; index++) {
    const name = await openTemplate(page, index);
    edgesSeen += await expectEdgesClear(page, name);
  }
  expect(edgesSeen).toBeGreaterThan(10);
  expect(problems).toEqual([]);
});

test("on every lesson's starting design at fit view, edges go around the boxes they do not join and labels sit off them", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const count = await lessonCount(page);
  expect(count).toBeGreaterThanOrEqual(17);
  let edgesSeen = 0;
  for (let index = 0; index < count; index++) edgesSeen += await expectEdgesClear(page, await openLesson(page, index));
  expect(edgesSeen).toBeGreaterThan(10);
  expect(problems).toEqual([]);
});

/** Fits the design on screen and checks every edge is routed around what it doesn't join; the number of edges. */
async function expectEdgesClear(page: Page, name: string): Promise<number> {
  await page.getByRole('button', { name: 'Fit view' }).click();
  const { nodes, edges } = await settled(page);
  const crossings: string[] = [];
  const labelsOnNodes: string[] = [];
  for (const edge of edges) {
    expect(edge.routed, `${name}: ${edge.source} → ${edge.target} is routed`).toBe(true);
    const allowed = allowedFor(edge, nodes);
    for (const node of nodes) {
      if (allowed.has(node.id)) continue;
      if (edge.samples.some((p) => inside(p, node)))
        crossings.push(`${edge.source} → ${edge.target} crosses ${node.id}`);
      if (edge.label && overlaps(edge.label, node))
        labelsOnNodes.push(`"${edge.text}" (${edge.source} → ${edge.target}) on ${node.id}`);
    }
  }
  expect(crossings, `${name}: edges over boxes they don't join`).toEqual([]);
  expect(labelsOnNodes, `${name}: labels over boxes`).toEqual([]);
  return edges.length;
}
