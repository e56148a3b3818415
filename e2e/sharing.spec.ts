import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function copyLink(page: Page, item: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a design sent as a link opens in a fresh browser as a new library entry, next to what the receiver had', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await openTemplate(page, /Single public web server/);
  await page.getByLabel('Design name').fill('Lab 3: my web server');
  await page.getByText('Web server', { exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('web-1');
  const link = await copyLink(page, /^Copy link/);
  expect(link).toMatch(/#d=n1\./);

  // The receiver has their own work already.
  const receiver = await browser.newContext();
  const other = await receiver.newPage();
  await other.goto('/');
  await other.getByLabel('Design name').fill('My own homework');
  await expect.poll(() => other.evaluate('localStorage.getItem("nimbus.library")')).toContain('My own homework');

  await other.goto(link);
  await expect(other.getByLabel('Design name')).toHaveValue('Lab 3: my web server');
  await expect(node(other, 'ec2Instance')).toContainText('web-1');
  await expect(other.getByRole('status').filter({ hasText: 'as a new design in your library' })).toBeVisible();
  // The link is consumed: a reload shows the library's design, not a second copy.
  expect(other.url()).not.toContain('#');

  await other.getByRole('button', { name: 'Library' }).click();
  const designs = other.getByRole('list', { name: 'Designs' });
  await expect(designs.getByRole('listitem')).toHaveCount(2);
  await designs.getByRole('button', { name: 'Open My own homework' }).click();
  await expect(other.getByLabel('Design name')).toHaveValue('My own homework');
  await receiver.close();
});

test('a corrupted link is explained and the design the user had stays open', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  await page.getByLabel('Design name').fill('Keep me');
  await expect.poll(() => page.evaluate('localStorage.getItem("nimbus.library")')).toContain('Keep me');
  const good = await copyLink(page, /^Copy link/);
  // Cut in the middle, as a chat app wrapping a long line would.
  const cut = good.slice(0, Math.floor(good.length / 2));
  await page.goto('/');
  await page.goto(cut);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This link could not be opened');
  await expect(alert).toContainText('incomplete');
  await expect(page.getByLabel('Design name')).toHaveValue('Keep me');
  await alert.getByRole('button', { name: 'Open Nimbus without the link' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(page.url()).not.toContain('#');

  // Markup in a shared name is shown as text, never run.
  await page.getByLabel('Design name').fill('<img src=x onerror="window.pwned=1">');
  const hostile = await copyLink(page, /^Copy link/);
  await page.goto(hostile);
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('<img src=x onerror="window.pwned=1">');
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('list', { name: 'Designs' })).toContainText('<img src=x');
  expect(await page.evaluate('window.pwned')).toBeUndefined();
});

test('a view-only link allows looking and asking, not editing, and can be copied into the library', async ({
  page,
}) => {
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  const link = await copyLink(page, /Copy view-only link/);
  expect(link).toMatch(/#view=n1\./);
  await page.goto('/');
  await page.getByLabel('Design name').fill('Mine, untouched');
  await page.goto(link);
  await page.reload();

  await expect(page.getByText('View only:')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Palette' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByLabel('Design name')).toHaveAttribute('readonly', '');
  await page.getByText('Web A', { exact: true }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();
  // Simulating is not editing: the instance's simulation actions stay available.
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Reachability still answers.
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'The internet' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'App A (10.0.1.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('22');
  await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('Not reachable');

  // Opening one of the user's own designs from the library leaves the view, and the address with it.
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Open Mine, untouched' }).click();
  await expect(page.getByText('View only:')).toHaveCount(0);
  await expect(page.getByLabel('Design name')).toHaveValue('Mine, untouched');
  expect(page.url()).not.toContain('#view=');
  await page.goto(link);
  await page.reload();
  await expect(page.getByText('View only:')).toBeVisible();

  await page.getByRole('button', { name: 'Make a copy' }).click();
  await expect(page.getByText('View only:')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Palette' })).toBeVisible();
  await page.getByLabel('Design name').fill('My copy of two AZs');
  await page.getByRole('button', { name: 'Library' }).click();
  const designs = page.getByRole('list', { name: 'Designs' });
  await expect(designs).toContainText('Mine, untouched');
  await expect(designs).toContainText('My copy of two AZs');
});

test('the library renames, duplicates and deletes designs, and a delete can be undone', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Single public web server/);
  await page.getByRole('button', { name: 'Library' }).click();
  const designs = page.getByRole('list', { name: 'Designs' });
  const entry = designs.getByRole('listitem', { name: 'Single public web server' });
  await expect(entry.locator('img')).toHaveCount(1);
  await entry.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Lab 1');
  await page.getByLabel('New name').press('Enter');
  await expect(page.getByLabel('Design name')).toHaveValue('Lab 1');
  await designs.getByRole('listitem', { name: 'Lab 1' }).getByRole('button', { name: 'Duplicate' }).click();
  await expect(designs.getByRole('listitem', { name: 'Copy of Lab 1' })).toBeVisible();
  await designs.getByRole('listitem', { name: 'Copy of Lab 1' }).getByRole('button', { name: 'Delete' }).click();
  await expect(designs.getByRole('listitem', { name: 'Copy of Lab 1' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Close' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: 'Deleted "Copy of Lab 1"' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await page.getByRole('button', { name: 'Library' }).click();
  await designs.getByRole('button', { name: 'Open Copy of Lab 1' }).click();
  await expect(page.getByLabel('Design name')).toHaveValue('Copy of Lab 1');
  await expect(node(page, 'ec2Instance')).toHaveCount(1);
});

test('the canvas exports as PNG and SVG images of the whole design', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  await page.getByRole('button', { name: 'Share' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export PNG image' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  const png = readFileSync((await file.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(800);
  expect(height).toBeGreaterThan(600);
  // A drawing, not a blank: a flat image compresses to almost nothing.
  expect(png.length).toBeGreaterThan(50_000);

  await page.getByRole('button', { name: 'Share' }).click();
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export SVG image' }).click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
  const svg = readFileSync((await svgFile.path())!, 'utf8');
  expect(svg).toMatch(/^<svg/);
  expect(svg).toContain('Web A');
});
