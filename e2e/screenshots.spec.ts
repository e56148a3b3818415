import { expect, test, type Page } from '@playwright/test';

/**
 * Writes the screenshots the README shows; they are looked at, not compared.
 * `NIMBUS_SCREENSHOT_DIR=docs npx playwright test screenshots` refreshes the committed ones.
 */
const dir = process.env.NIMBUS_SCREENSHOT_DIR ?? 'test-results';

// Long walks through the app with the simulation running: a loaded CI machine needs more than the default.
test.describe.configure({ timeout: 90_000 });

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function twoAzAtFit(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(400);
}

for (const theme of ['light', 'dark'] as const) {
  test(`two-AZ template screenshot at 1440×900 (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
    await twoAzAtFit(page);
    await page.screenshot({ path: `${dir}/two-az-${theme}.png` });
  });
}

test('two-AZ template screenshot at 1280×720, with an ACL in the inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await twoAzAtFit(page);
  await page.getByRole('region', { name: 'Try this' }).getByRole('button', { name: 'Close these suggestions' }).click();
  await page.locator('.react-flow__node-networkAcl').first().click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByRole('table', { name: 'Inbound rules' })).toBeVisible();
  await page.screenshot({ path: `${dir}/two-az-1280.png` });
});

test('phone screenshot: a view link at 390×844 with an instance inspected', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('menuitem', { name: /Copy view-only link/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
  const link = (await page.evaluate('navigator.clipboard.readText()')) as string;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${dir}/phone-view.png` });
  await page
    .locator('.react-flow__node')
    .filter({ hasText: /^Web A/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Side panel' })).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${dir}/phone-inspect.png` });
});

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

test('traffic screenshots: packets in flight, a drop with its reason, step mode', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Start traffic' }).click();
  const overlay = page.getByTestId('traffic-overlay');
  await expect.poll(() => overlay.getAttribute('data-packets').then(Number)).toBeGreaterThan(15);
  await page.screenshot({ path: `${dir}/traffic-packets.png` });

  // The web group loses its HTTPS rule: packets die there, with a mark that explains.
  await page.locator('.react-flow__node-securityGroup').filter({ hasText: /^web/ }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const rows = page.getByRole('table', { name: 'Inbound rules' }).locator('tbody tr');
  for (let i = 0; i < (await rows.count()); i++)
    if ((await rows.nth(i).getByLabel('Rule type').inputValue()) === 'https') {
      await rows.nth(i).getByRole('button').click();
      break;
    }
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await page.getByTestId('drop-mark').click();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${dir}/traffic-drop.png` });

  // Rule back; one packet stepped to the internet gateway's address translation on the way back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Step through a packet' }).click();
  const hops = page.getByRole('table', { name: 'Hop events' }).locator('tbody tr');
  await hops.filter({ hasText: 'Internet gateway' }).last().click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${dir}/traffic-step.png` });
});
