import { expect, test } from '@playwright/test';

test('a header menu opens on the first click right after the theme toggle', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await page.getByRole('button', { name: 'Templates' }).click();
  const menu = page.getByRole('menu', { name: 'Templates' });
  await expect(menu).toBeVisible();
  // It stays open: the first click is not lost to the tooltip left on the toggle.
  await page.waitForTimeout(500);
  await expect(menu).toBeVisible();
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`the side panel's tabs sit on one row at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const list = page.getByRole('tablist', { name: 'Panels' });
    const tabs = list.getByRole('tab');
    await expect(tabs).toHaveCount(7);
    const listBox = (await list.boundingBox())!;
    const tabBoxes = await Promise.all((await tabs.all()).map(async (tab) => (await tab.boundingBox())!));
    // One row: every tab starts at the list's top, and the list is no taller than a tab (plus its border).
    const first = tabBoxes[0]!;
    for (const box of tabBoxes) expect(box.y).toBeCloseTo(first.y, 0);
    expect(listBox.height).toBeLessThanOrEqual(first.height + 1);
    // Every tab is fully inside the panel: none is cut off or scrolled out of sight.
    for (const box of tabBoxes) {
      expect(box.x).toBeGreaterThanOrEqual(listBox.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(listBox.x + listBox.width + 0.5);
    }
    await page.screenshot({ path: `test-results/side-panel-tabs-${viewport.width}.png` });
  });
}
