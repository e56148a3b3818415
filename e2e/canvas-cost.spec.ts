import { expect, test, type Page } from '@playwright/test';
import { generateDesign } from '../bench/generate';

/**
 * What keeps a large canvas cheap to pan and click (docs/benchmarks.md, "Canvas" and "A large design"),
 * checked as behaviour: rule chips share one tooltip that exists only while a chip is hovered or
 * focused, and nodes hold no visually hidden text in boxes of their own (each was a paint layer that
 * every frame of a pan hit-tested and painted), while that text is still in the page.
 */

test.use({ viewport: { width: 1440, height: 900 } });

async function openGenerated(page: Page, size: number) {
  const design = generateDesign(size);
  await page.addInitScript(`localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(design))});`);
  await page.goto('/');
  await expect(page.locator('.react-flow__node-ec2Instance').first()).toBeVisible();
}

test('a rule chip mounts no tooltip until hovered or focused; its tooltip names the whole rule set and its rules', async ({
  page,
}) => {
  await openGenerated(page, 50);
  const chips = page.locator('[data-testid="rule-chips"] button');
  expect(await chips.count()).toBeGreaterThan(10);
  // No tooltip, and no tooltip machinery on the chips (a Radix trigger marks its element with data-state).
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(page.locator('[data-testid="rule-chips"] [data-state]')).toHaveCount(0);

  const chip = page.locator('button[data-chip-kind="securityGroup"]').first();
  // Its name is its visible words with the kind before them (the icon's text alternative).
  await expect(chip).toHaveAccessibleName(/^Security group\s*web,?\s*4 in · 1 out$/);
  await chip.hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveCount(1);
  await expect(tooltip).toContainText('Security group web');
  await expect(tooltip).toContainText('in: TCP 443 from 0.0.0.0/0');
  await expect(tooltip).toContainText('out: all traffic to 0.0.0.0/0');
  await expect(chip).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id'))!);
  // The tooltip sits by its chip, inside the window.
  const [at, tip] = [(await chip.boundingBox())!, (await tooltip.boundingBox())!];
  expect(Math.abs(tip.x + tip.width / 2 - (at.x + at.width / 2))).toBeLessThan(tip.width / 2 + at.width);
  expect(tip.y + tip.height <= at.y || tip.y >= at.y + at.height).toBe(true);

  // Leaving the chip closes it, and the chip is no longer described by it.
  await page.mouse.move(5, 450);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(chip).not.toHaveAttribute('aria-describedby', /.+/);

  // Keyboard focus opens it at once; Escape closes it.
  const subnetChip = page.locator('button[data-chip-kind="routeTable"]').first();
  await subnetChip.focus();
  await expect(page.getByRole('tooltip')).toContainText(/^Route table Public/);
  await expect(page.getByRole('tooltip')).toContainText('0.0.0.0/0 →');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);

  // A click still opens the rule set in the inspector, and closes the tooltip (the focus it gives doesn't reopen it).
  await chip.hover();
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  await chip.click();
  await expect(page.locator('[aria-label="Inspector: web"]')).toBeVisible();
  await expect(page.getByRole('tooltip')).toHaveCount(0);
});

test('at fit view a node draws no hidden text in a box of its own, and its facts stay in the page', async ({
  page,
}) => {
  await openGenerated(page, 500);
  // Fit view of 500 resources is far: cards show names and badges only.
  await expect(page.locator('.nimbus-card[data-far="true"]').first()).toBeVisible();
  const positioned = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *')) {
      const { position } = getComputedStyle(el);
      if (position === 'static' || position === 'relative') continue;
      // Connection handles and the row of rule chips are positioned on the border by design.
      if (el.classList.contains('react-flow__handle') || el.dataset.testid === 'rule-chips') continue;
      found.push(`${el.closest<HTMLElement>('.react-flow__node')!.dataset.id}: ${el.className}`);
    }
    return found;
  });
  expect(positioned.slice(0, 5)).toEqual([]);
  // The fact lines a far card does not draw can still be found in the page (and read by a screen reader).
  await expect(page.locator('.react-flow__node-ec2Instance').first()).toContainText('t3.micro · 2 vCPU · 1 GiB');
  // Far away a chip is its icon, named by the words it would draw near; hovering still gives the rules.
  const chip = page.locator('.react-flow__node-ec2Instance button[data-chip-kind="securityGroup"]').first();
  await expect(chip).toHaveText('');
  await expect(chip).toHaveAccessibleName('Security group web, 4 in · 1 out');
  await chip.hover();
  await expect(page.getByRole('tooltip')).toContainText('in: TCP 443 from 0.0.0.0/0');
});

/** What a design's nodes hold that splits their drawing into more pieces for the browser to layer. */
async function nodeDrawingPieces(page: Page) {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
    const transformed: string[] = [];
    const roundedImages: string[] = [];
    let mostClips = { id: '', clips: 0 };
    for (const node of nodes) {
      let clips = 0;
      for (const el of node.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(el);
        if (style.transform !== 'none') transformed.push(`${node.dataset.id}: ${el.className}`);
        if (el instanceof HTMLImageElement && style.borderRadius !== '0px') roundedImages.push(node.dataset.id!);
        // An image's `overflow: clip` (the browser's own style sheet) cuts nothing: the picture fills its box.
        if (!(el instanceof HTMLImageElement) && (style.overflowX !== 'visible' || style.overflowY !== 'visible'))
          clips++;
      }
      if (clips > mostClips.clips) mostClips = { id: node.dataset.id!, clips };
    }
    return { nodes: nodes.length, transformed, roundedImages, mostClips };
  });
}

/** Compositing layers in the page now, from CDP's LayerTree (after a small pan, so the tree is reported). */
async function compositingLayers(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let layers = -1;
  cdp.on('LayerTree.layerTreeDidChange', (event) => (layers = event.layers?.length ?? layers));
  await cdp.send('LayerTree.enable');
  const mini = (await page.locator('.react-flow__minimap').boundingBox())!;
  await page.mouse.move(mini.x + mini.width / 2, mini.y + mini.height / 2);
  await page.mouse.down();
  await page.mouse.move(mini.x + mini.width / 2 - 10, mini.y + mini.height / 2 - 6, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => layers).toBeGreaterThan(0);
  await cdp.detach();
  return layers;
}

test('panning moves one layer: compositing layers do not grow with the nodes, and nodes hold no transforms or rounded images and few clips', async ({
  page,
}) => {
  const layersAt: Record<number, number> = {};
  for (const size of [50, 500]) {
    await openGenerated(page, size);
    const total = Object.keys(generateDesign(size).resources).length;
    await expect(page.locator('.react-flow__node')).toHaveCount(total);
    layersAt[size] = await compositingLayers(page);
    // Each transform, rounded image and clip inside a node is a piece of its own that the browser layers again on
    // every frame of a pan (docs/benchmarks.md, "Canvas"): React Flow's node element is the one transform a node has.
    const pieces = await nodeDrawingPieces(page);
    expect(pieces.transformed.slice(0, 5)).toEqual([]);
    expect(pieces.roundedImages.slice(0, 5)).toEqual([]);
    // Far away (500 resources at fit view) a node clips its name, and around name and badges when they fit.
    if (size === 500)
      expect(pieces.mostClips.clips, `most clips in one node: ${pieces.mostClips.id}`).toBeLessThanOrEqual(2);
  }
  // Ten times the nodes, the same layers: the viewport, the minimap and the panels, not one per node.
  expect(layersAt[500]!, `layers: ${JSON.stringify(layersAt)}`).toBeLessThanOrEqual(layersAt[50]! + 2);
  expect(layersAt[500]!).toBeLessThan(40);
});
