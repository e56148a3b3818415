import { expect, test } from '@playwright/test';

/**
 * Writes the screenshots the README shows; they are looked at, not compared.
 * `NIMBUS_SCREENSHOT_DIR=docs npx playwright test screenshots` refreshes the committed ones.
 */
const dir = process.env.NIMBUS_SCREENSHOT_DIR ?? 'test-results';

for (const theme of ['light', 'dark'] as const) {
  test(`two-AZ template screenshot (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
    await page.goto('/');
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /Two AZs/ }).click();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${dir}/two-az-${theme}.png` });
  });
}

test('lesson in progress screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page.getByRole('button', { name: /Stateless ACLs, stateful groups/ }).click();
  const goals = page.getByRole('list', { name: 'Goals' });
  await expect(goals.locator('[data-met="true"]')).not.toHaveCount(0);
  await goals.getByRole('button', { name: 'Show a hint' }).first().click();
  await page.getByRole('list', { name: 'Goals' }).scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${dir}/learn-lesson.png` });
});
