import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';

/**
 * A layout that stays put: for every template and every lesson start, a drop
 * from the palette moves no other node by even a pixel, and Tidy up is one
 * undo step that undo takes back exactly and redo gives again. Positions are
 * read from the DOM in flow coordinates (React Flow draws each node at its
 * absolute flow position in its transform), so pan and zoom don't matter.
 */

interface Drawn {
  x: number;
  y: number;
  width: number;
  height: number;
  container: boolean;
}

const CONTAINERS = ['region', 'vpc', 'availabilityZone', 'subnet', 'ecsCluster', 'eksCluster'];

async function drawnNodes(page: Page): Promise<Record<string, Drawn>> {
  return page.locator('.react-flow__node').evaluateAll((elements, containers) => {
    const out: Record<string, Drawn> = {};
    for (const element of elements as HTMLElement[]) {
      const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(element.style.transform);
      const kind = [...element.classList].find((c) => c.startsWith('react-flow__node-'))?.slice(17) ?? '';
      out[element.dataset.id!] = {
        x: Number(match?.[1]),
        y: Number(match?.[2]),
        width: element.offsetWidth,
        height: element.offsetHeight,
        container: containers.includes(kind),
      };
    }
    return out;
  }, CONTAINERS);
}

/** The nodes once two readings a moment apart agree (a large design is revealed a chunk per frame). */
async function settledNodes(page: Page): Promise<Record<string, Drawn>> {
  let last = '';
  let nodes: Record<string, Drawn> = {};
  await expect
    .poll(
      async () => {
        nodes = await drawnNodes(page);
        const now = JSON.stringify(nodes);
        const same = now === last && Object.keys(nodes).length > 0;
        last = now;
        return same;
      },
      { intervals: [150, 150, 250, 500] },
    )
    .toBe(true);
  return nodes;
}

/** Nodes the simulation toolbar floating over the canvas covers on screen. */
async function underToolbar(page: Page): Promise<string[]> {
  const toolbar = (await page.getByRole('toolbar', { name: 'Simulation' }).boundingBox())!;
  return page.locator('.react-flow__node').evaluateAll(
    (elements, bar) =>
      (elements as HTMLElement[])
        .filter((element) => {
          const r = element.getBoundingClientRect();
          return r.left < bar.x + bar.width && bar.x < r.right && r.top < bar.y + bar.height && bar.y < r.bottom;
        })
        .map((element) => element.dataset.id!),
    toolbar,
  );
}

const positions = (nodes: Record<string, Drawn>) =>
  Object.fromEntries(Object.entries(nodes).map(([id, n]) => [id, { x: n.x, y: n.y }]));

const shots = process.env.LAYOUT_SHOTS;
async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png` });
}

async function openTemplate(page: Page, index: number): Promise<string> {
  await page.getByRole('button', { name: 'Templates' }).click();
  // By position: one template's name can begin another's.
  const item = page.getByRole('menuitem').nth(index);
  const name = (await item.innerText()).split('\n')[0]!;
  await item.click();
  return name;
}

async function openLesson(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: 'Learn' }).click();
  const back = page.getByRole('button', { name: 'All lessons' });
  if (await back.isVisible()) await back.click();
  await page.getByRole('button', { name: title }).first().click();
  await expect(page.getByLabel('Design name')).toHaveValue(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

const paletteItem = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: label, exact: true });

/** Drops a route table into the first VPC, else a Lambda function into the first Region, near its bottom edge. */
async function dropSomething(page: Page): Promise<string> {
  const vpc = page.locator('.react-flow__node-vpc').first();
  const [label, target] = (await vpc.count())
    ? ['Route table', vpc]
    : ['Lambda function', page.locator('.react-flow__node-region').first()];
  // Notices are toasts over the canvas's bottom edge; the drop aims there, so they go first, as a user would see to.
  const notices = page.getByRole('region', { name: 'Notices' }).getByRole('button', { name: 'Dismiss' });
  while ((await notices.count()) > 0) await notices.first().click();
  const box = (await target.boundingBox())!;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // Near the container's bottom edge (its room for the next drop), within the part of it on screen.
  const bottom = Math.min(box.y + box.height, pane.y + pane.height) - box.y;
  await paletteItem(page, label).dragTo(target, {
    targetPosition: { x: box.width * 0.5, y: Math.max(bottom - 12, bottom * 0.9) },
    force: true,
  });
  return label;
}

/** The notice Tidy up gives once ELK's layout is applied (an earlier one is dismissed before each drop). */
const tidiedNotice = (page: Page) =>
  page.getByRole('region', { name: 'Notices' }).getByText('Tidied up the layout.', { exact: false });

/** Where each node is now, compared with before: the ids that moved, with how. */
function moved(before: Record<string, Drawn>, after: Record<string, Drawn>): string[] {
  const out: string[] = [];
  for (const [id, was] of Object.entries(before)) {
    const now = after[id];
    if (!now) out.push(`${id} disappeared`);
    else if (Math.abs(now.x - was.x) >= 1 || Math.abs(now.y - was.y) >= 1)
      out.push(`${id} moved from ${was.x},${was.y} to ${now.x},${now.y}`);
    // Leaves keep their size too; a container may grow right and down to hold the drop.
    else if (!was.container && (now.width !== was.width || now.height !== was.height))
      out.push(`${id} resized from ${was.width}x${was.height} to ${now.width}x${now.height}`);
  }
  return out;
}

const TEMPLATE_COUNT = 10;
const LESSON_DIR = 'src/scenarios/learn/lessons';
const LESSONS = readdirSync(LESSON_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => (JSON.parse(readFileSync(`${LESSON_DIR}/${f}`, 'utf8')) as { id: string; title: string }).title);

test('a drop moves no other node in any template or lesson; Tidy up is one step that undo and redo take back and give again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await page.goto('/');
  const starts: Array<{ name: string; open: () => Promise<unknown> }> = [
    ...Array.from({ length: TEMPLATE_COUNT }, (_, index) => ({
      name: `template ${index + 1}`,
      open: () => openTemplate(page, index),
    })),
    ...LESSONS.map((title) => ({ name: `lesson "${title}"`, open: () => openLesson(page, title) })),
  ];
  expect(LESSONS.length).toBeGreaterThanOrEqual(13);
  const tidyButton = page.getByRole('button', { name: 'Tidy up' });
  for (const [index, start] of starts.entries()) {
    await start.open();
    const opened = await settledNodes(page);
    // Fit view leaves the simulation toolbar clear of every node.
    await expect.poll(() => underToolbar(page), { message: `${start.name}: under the toolbar` }).toEqual([]);
    if (index === 1) await shot(page, 'template-before-drop');
    const label = await dropSomething(page);
    await expect
      .poll(async () => Object.keys(await drawnNodes(page)).length, { message: `${start.name}: ${label} dropped` })
      .toBeGreaterThan(Object.keys(opened).length);
    const dropped = await settledNodes(page);
    expect(moved(opened, dropped), `${start.name}: nodes moved by dropping a ${label}`).toEqual([]);
    if (index === 1) await shot(page, 'template-after-drop');

    await tidyButton.click();
    // ELK runs in a worker; its answer is applied when the notice says so. (The dropped route table went onto
    // its VPC's shelf, which Tidy up keeps as it is, so a design already laid out as ELK would may not move.)
    await expect(tidiedNotice(page), `${start.name}: Tidy up`).toBeVisible();
    await expect(tidyButton).toBeEnabled();
    const tidy = await settledNodes(page);
    if (index === 1) await shot(page, 'template-after-tidy');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => positions(await drawnNodes(page)), { message: `${start.name}: undo after Tidy up` })
      .toEqual(positions(dropped));
    expect(await settledNodes(page)).toEqual(dropped);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect
      .poll(async () => positions(await drawnNodes(page)), { message: `${start.name}: redo of Tidy up` })
      .toEqual(positions(tidy));
  }
  expect(problems).toEqual([]);
});

test('Shift+T tidies up; the shortcut sheet lists it', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, 0);
  const before = await settledNodes(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+T');
  await expect(tidiedNotice(page)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => positions(await drawnNodes(page))).toEqual(positions(before));
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Tidy up the layout');
});

test('building from scratch: each nested drop lands inside its container under the pointer, and stays in view', async ({
  page,
}) => {
  await page.goto('/');
  const pane = page.locator('.react-flow__pane');
  const steps: Array<[string, string, string | null]> = [
    ['Region', 'region', null],
    ['VPC', 'vpc', 'region'],
    ['Availability Zone', 'availabilityZone', 'vpc'],
    ['Subnet', 'subnet', 'availabilityZone'],
    ['EC2 instance', 'ec2Instance', 'subnet'],
  ];
  for (const [label, kind, parent] of steps) {
    const target = parent ? page.locator(`.react-flow__node-${parent}`).first() : pane;
    const box = (await target.boundingBox())!;
    const at = { x: box.width * 0.5, y: box.height * (parent ? 0.6 : 0.4) };
    await paletteItem(page, label).dragTo(target, { targetPosition: at, force: true });
    const added = page.locator(`.react-flow__node-${kind}`).first();
    await expect(added).toBeVisible();
    // The view may have followed the new node; measure both boxes as they are now.
    await page.waitForTimeout(400);
    const placed = (await added.boundingBox())!;
    const holder = parent ? (await target.boundingBox())! : null;
    const view = (await pane.boundingBox())!;
    if (holder) {
      // Inside its container, and never further right or down of its container's corner than the pointer was.
      expect(placed.x, label).toBeGreaterThanOrEqual(holder.x);
      expect(placed.y, label).toBeGreaterThanOrEqual(holder.y);
      expect(placed.x - holder.x, label).toBeLessThanOrEqual(at.x);
      expect(placed.y - holder.y, label).toBeLessThanOrEqual(at.y);
    }
    // In view: its top left corner is on screen.
    expect(placed.x, label).toBeGreaterThanOrEqual(view.x);
    expect(placed.y, label).toBeGreaterThanOrEqual(view.y);
    expect(placed.x, label).toBeLessThanOrEqual(view.x + view.width);
    expect(placed.y, label).toBeLessThanOrEqual(view.y + view.height);
  }
  await shot(page, 'scratch-build');
});
