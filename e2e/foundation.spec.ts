import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';
import { storedDesigns } from './storage';

async function openDesignFile(page: Page, name: string, contents: string) {
  await page
    .getByTestId('open-design-input')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

test('a new user sees an empty canvas and a calm Problems panel', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Start an AWS architecture' })).toBeVisible();
  await expect(page.getByText('No problems found')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the subnet calculator shows the reserved addresses of 10.0.1.0/24 and explains bad input', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Subnets' }).click();
  const input = page.getByLabel('CIDR block');
  await input.fill('10.0.1.0/24');
  const reserved = page.getByRole('table', { name: 'Reserved addresses' });
  await expect(reserved.getByRole('row')).toHaveCount(6);
  for (const [address, role] of [
    ['10.0.1.0', 'network address'],
    ['10.0.1.1', 'VPC router'],
    ['10.0.1.2', 'Amazon DNS'],
    ['10.0.1.3', 'reserved for future use'],
    ['10.0.1.255', 'last address'],
  ]) {
    await expect(
      reserved.getByRole('row').filter({ has: page.getByRole('cell', { name: address, exact: true }) }),
    ).toContainText(role!);
  }
  const summary = page.getByLabel('Subnet summary');
  await expect(summary).toContainText('251');
  await expect(summary).toContainText('10.0.1.4 – 10.0.1.254');

  await input.fill('10.0.1.7/24');
  await expect(page.getByRole('alert')).toContainText('did you mean 10.0.1.0/24');
  await expect(reserved).toBeHidden();
});

test('opening a design with overlapping subnets lists the problem, and autosave restores it after reload', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await openDesignFile(page, 'overlapping-subnets.json', readFileSync('examples/overlapping-subnets.json', 'utf8'));
  await expect(page.getByLabel('Design name')).toHaveValue('Overlapping subnets');
  const list = page.getByRole('list', { name: 'Problems' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('Private subnet (10.0.1.128/25) overlaps Public subnet (10.0.1.0/24)');
  await expect(page.getByRole('tab', { name: 'Problems (2)' })).toBeVisible();

  // Wait for the debounced autosave, then reload.
  await expect.poll(() => storedDesigns(page).then((text) => text.includes('Overlapping subnets'))).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('Overlapping subnets');
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('overlaps');
  expect(problems).toEqual([]);
});

// A file whose document is unreadable as a whole is refused; one bad resource is set aside instead (salvage.spec.ts).
test('a broken design file is refused with reasons and the open design stays', async ({ page }) => {
  await page.goto('/');
  await openDesignFile(page, 'good.json', readFileSync('examples/public-private.json', 'utf8'));
  await expect(page.getByLabel('Design name')).toHaveValue('Public and private subnets');
  const broken = JSON.parse(readFileSync('examples/public-private.json', 'utf8')) as Record<string, unknown>;
  broken.layout = 'somewhere';
  await openDesignFile(page, 'broken.json', JSON.stringify(broken));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.json is not a Nimbus design it can open');
  await expect(alert).toContainText('layout');
  await expect(page.getByLabel('Design name')).toHaveValue('Public and private subnets');
  await expect(page.getByText('No problems found')).toBeVisible();
});

test('undo and redo step through edits, and a renamed design survives reload', async ({ page }) => {
  await page.goto('/');
  await openDesignFile(page, 'good.json', readFileSync('examples/public-private.json', 'utf8'));
  const name = page.getByLabel('Design name');
  // The file is read in the worker: edit once it has opened.
  await expect(name).toHaveValue('Public and private subnets');
  await name.fill('Lab 2 network');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(name).toHaveValue('Public and private subnets');
  // The file opened as its own design: undo stops there instead of reaching into another design.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.keyboard.press('Control+Shift+Z');
  await expect(name).toHaveValue('Lab 2 network');
  await expect.poll(() => storedDesigns(page).then((text) => text.includes('Lab 2 network'))).toBe(true);
  await page.reload();
  await expect(name).toHaveValue('Lab 2 network');
});

test('an unreadable saved design is explained and left untouched in the library', async ({ page }) => {
  await page.goto('/');
  // The app is fetched after the page's first script: its library is written once it has started.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('nimbus.library'))).not.toBeNull();
  const key = await page.evaluate(
    `'nimbus.library.design.' + JSON.parse(localStorage.getItem('nimbus.library')).currentId`,
  );
  await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, '{"version": 1, "resources": ')`);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be opened');
  await expect(alert).toContainText('not valid JSON');
  expect(await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`)).toBe('{"version": 1, "resources": ');
  await expect(page.getByRole('button', { name: 'Download its stored copy' })).toBeVisible();
});

test('an unreadable autosave from before the library is kept aside and explained, not lost', async ({
  browser,
  baseURL,
}) => {
  // A browser that last ran Nimbus before the library existed.
  const context = await browser.newContext({
    storageState: {
      cookies: [],
      origins: [{ origin: baseURL!, localStorage: [{ name: 'nimbus.design', value: '{"version": 1, "resources": ' }] }],
    },
  });
  const page = await context.newPage();
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText('not valid JSON');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('nimbus.unreadable.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"version": 1, "resources": ']);
  await expect(page.getByRole('button', { name: 'Download the saved copy' })).toBeVisible();
});
