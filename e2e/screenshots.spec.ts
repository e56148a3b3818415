import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/**
 * Writes the screenshots the README shows; they are looked at, not compared.
 * `NIMBUS_SCREENSHOT_DIR=docs npx playwright test screenshots` refreshes the committed ones.
 */
const dir = process.env.NIMBUS_SCREENSHOT_DIR ?? 'test-results';
for (const theme of ['light', 'dark'] as const) {
  test(`app shell screenshot (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
    await page.goto('/');
    await page.getByTestId('open-design-input').setInputFiles({
      name: 'o.json',
      mimeType: 'application/json',
      buffer: readFileSync('examples/overlapping-subnets.json'),
    });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('list', { name: 'Problems' })).toBeVisible();
    await page.screenshot({ path: `${dir}/shell-${theme}.png` });
    await page.getByRole('tab', { name: 'Subnet calculator' }).click();
    await page.getByLabel('CIDR block').fill('10.0.1.0/24');
    await page.screenshot({ path: `${dir}/calculator-${theme}.png` });
  });
}
