import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);

test('a new user opens SSH to the internet and compares with the version they opened: a new internet path in red', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  const web = node(page, 'securityGroup').filter({ hasText: 'web' });
  await expect(web).toBeVisible();

  // Nothing to compare with yet: the dialog says so rather than offering an empty choice.
  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with…' });
  await expect(dialog).toContainText('No older version yet');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // SSH from anywhere, added in the inspector as a student would.
  await web.click();
  await page.getByRole('button', { name: 'Add inbound rule' }).click();
  const inbound = page.getByRole('table', { name: 'Inbound rules' });
  await inbound.getByLabel('Rule type').last().selectOption('ssh');
  await inbound.getByLabel('Source CIDR').last().fill('0.0.0.0/0');
  await expect(web).toContainText('3 in');

  await page.getByRole('button', { name: 'Compare with…' }).click();
  await dialog.getByRole('button', { name: /The version you opened/ }).click();
  const panel = page.getByRole('region', { name: 'Comparison' });
  const paths = panel.getByRole('list', { name: 'Paths opened and closed' });
  const ssh = paths.getByRole('listitem').filter({ hasText: 'new internet path' });
  await expect(ssh).toHaveCount(1);
  await expect(ssh).toContainText(/internet → Web server \(i-\d+\) TCP 22/);
  await expect(ssh).toContainText('opened by web: TCP 22 from 0.0.0.0/0');
  // Tailwind 4's red-700.
  await expect(ssh).toHaveCSS('color', 'oklch(0.505 0.213 27.518)');
  // The group is marked changed on the canvas, with a word beside the colour.
  await expect(web).toHaveClass(/diff-changed/);
  const mark = await web.evaluate((element) => getComputedStyle(element, '::after').content);
  expect(mark).toBe('"~ changed"');
  // Docked in the side panel, above its tabs: the canvas it marks is not covered.
  await expect(page.locator('aside').getByRole('region', { name: 'Comparison' })).toBeVisible();
  const docked = (await panel.boundingBox())!;
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  expect(docked.x).toBeGreaterThanOrEqual(canvas.x + canvas.width);
  await page.screenshot({ path: 'test-results/compare-ssh.png' });
  // The panel and the marks pass axe's serious and critical checks (contrast of the red and the words included).
  const axe = await new AxeBuilder({ page })
    .include('[aria-label="Comparison"]')
    .include('.react-flow__node.diff-changed')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  await panel.getByRole('button', { name: 'End comparison' }).click();
  await expect(panel).toHaveCount(0);
  await expect(web).not.toHaveClass(/diff-changed/);
});

test('a what-if link opens view-only, straight into the comparison', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  const web = node(page, 'securityGroup').filter({ hasText: 'web' });
  await web.click();
  await page.getByRole('button', { name: 'Add inbound rule' }).click();
  const inbound = page.getByRole('table', { name: 'Inbound rules' });
  await inbound.getByLabel('Rule type').last().selectOption('ssh');
  await inbound.getByLabel('Source CIDR').last().fill('0.0.0.0/0');
  await expect(web).toContainText('3 in');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await page
    .getByRole('dialog', { name: 'Compare with…' })
    .getByRole('button', { name: /The version you opened/ })
    .click();
  const panel = page.getByRole('region', { name: 'Comparison' });
  await panel.getByRole('button', { name: /Copy what-if link/ }).click();
  await expect(panel.getByRole('button', { name: 'What-if link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#whatif=n1\.[\w-]+~n1\.[\w-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  const opened = other.getByRole('region', { name: 'Comparison' });
  await expect(opened.getByRole('listitem').filter({ hasText: 'new internet path' })).toContainText('TCP 22');
  await expect(node(other, 'securityGroup').filter({ hasText: 'web' })).toHaveClass(/diff-changed/);
  // View-only: nothing to edit.
  await expect(other.getByRole('button', { name: 'Undo' })).toHaveCount(0);
});
