import { expect, test } from '@playwright/test';

/**
 * After one visit the service worker holds the whole app (shell, lazy chunks,
 * the analysis worker, icons), so the page opens again with no network at all.
 */
test('the page reloads offline after one visit, and a template opens there', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__pane')).toBeVisible();
  // Installed and in control of this page: from here on its requests go through the worker's cache.
  await page.evaluate('navigator.serviceWorker.ready');
  await expect.poll(() => page.evaluate('!!navigator.serviceWorker.controller'), { timeout: 20_000 }).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.react-flow__pane')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Nimbus', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await expect(page.locator('.react-flow__node-ec2Instance').first()).toBeVisible();
  // A tab fetched on demand comes from the cache too, and the worker's analyses still answer.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(page.getByRole('tabpanel')).not.toContainText('Loading…');
  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(toolbar.getByLabel('Simulated time')).not.toHaveText('00:00:00');
});
