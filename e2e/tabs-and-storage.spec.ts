import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { storedDesigns } from './storage';

/** Fails the test on any uncaught exception (a blank page starts with one). */
function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  // A template's builder is fetched when it is chosen: wait for the design before editing it.
  await expect(page.getByLabel('Design name')).toHaveValue(name);
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  if (dark !== (theme === 'dark'))
    await page.getByRole('button', { name: theme === 'dark' ? 'Switch to dark mode' : 'Switch to light mode' }).click();
}

/** Both themes, for a look at what a notice or banner says. */
async function shoot(page: Page, name: string, clip?: { height: number }) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({
      path: `/tmp/nimbus-${name}-${theme}.png`,
      ...(clip ? { clip: { x: 0, y: 0, width: 1440, height: clip.height } } : {}),
    });
  }
  await setTheme(page, 'light');
}

test('with storage blocked by the browser, Nimbus opens, says so, edits, and saves files', async ({ page }) => {
  const problems = watchErrors(page);
  // As a browser whose policy blocks cookies and site data: touching localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException(
          "Failed to read the 'localStorage' property from 'Window': Access is denied.",
          'SecurityError',
        );
      },
    });
  });
  await page.goto('/');
  const banner = page.getByRole('status', { name: 'Storage blocked' });
  await expect(banner).toHaveText(/Your browser blocks storage: designs won.t be kept; save files instead\./);
  await openTemplate(page, /Single public web server/);
  await page.getByLabel('Design name').fill('Kept as a file');
  await page.getByText('Web server', { exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('web-1');
  await expect(page.locator('.react-flow__node').filter({ hasText: 'web-1' })).toHaveCount(1);
  await shoot(page, 'storage-blocked', { height: 260 });
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Save as file' }).click();
  const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(saved.name).toBe('Kept as a file');
  expect(JSON.stringify(saved)).toContain('web-1');
  // The library works for the visit.
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('dialog')).toContainText('for this visit only');
  expect(problems).toEqual([]);
});

/** A second tab on the same browser profile, opened on the design the first has open. */
async function twoTabs(page: Page) {
  await page.goto('/');
  await openTemplate(page, /Single public web server/);
  await page.getByLabel('Design name').fill('Lab 4');
  await expect.poll(() => storedDesigns(page)).toContain('Lab 4');
  const other = await page.context().newPage();
  // Lets the test hold this tab's news of other tabs' writes, as when both edit within a moment.
  await other.addInitScript(() => {
    window.addEventListener(
      'storage',
      (event) => {
        if ((window as { holdStorageEvents?: boolean }).holdStorageEvents) event.stopImmediatePropagation();
      },
      true,
    );
  });
  await other.goto('/');
  await expect(other.getByLabel('Design name')).toHaveValue('Lab 4');
  return other;
}

test('two tabs editing one design keep both edits and say what happened', async ({ page }) => {
  const other = await twoTabs(page);
  // The rename in the first tab reaches the second, which had no edits: it loads the new name and says so.
  await page.getByLabel('Design name').fill('Lab 4, renamed');
  await expect(other.getByRole('status').filter({ hasText: 'Renamed in another tab' })).toContainText(
    'Renamed in another tab to \u201cLab 4, renamed\u201d.',
  );
  await expect(other.getByLabel('Design name')).toHaveValue('Lab 4, renamed');

  // Both edit before either hears of the other: the second tab saves later and keeps the first tab's rename.
  await other.evaluate(() => ((window as { holdStorageEvents?: boolean }).holdStorageEvents = true));
  await page.getByLabel('Design name').fill('Lab 4, final name');
  await expect.poll(() => storedDesigns(page)).toContain('Lab 4, final name');
  await other.getByText('Web server', { exact: true }).click();
  await other.getByLabel('Name', { exact: true }).fill('web-from-tab-2');
  const notice = other.getByRole('status').filter({ hasText: 'another tab' });
  await expect(notice).toContainText(
    'Renamed in another tab to \u201cLab 4, final name\u201d; Nimbus kept your edit to \u201cweb-from-tab-2\u201d.',
  );
  await expect(other.getByLabel('Design name')).toHaveValue('Lab 4, final name');
  await expect.poll(() => storedDesigns(page)).toContain('web-from-tab-2');
  const stored = await storedDesigns(page);
  expect(stored).toContain('Lab 4, final name');
  // The first tab hears of the merge and shows both edits too.
  await expect(page.locator('.react-flow__node').filter({ hasText: 'web-from-tab-2' })).toHaveCount(1);
  await expect(page.getByLabel('Design name')).toHaveValue('Lab 4, final name');
  await shoot(other, 'tab-merged', { height: 260 });
});

test('a design deleted in another tab while open is offered back, edits included', async ({ page }) => {
  const other = await twoTabs(page);
  await openTemplate(page, /Two AZs/);
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Delete Lab 4' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  const offer = other.getByRole('status').filter({ hasText: 'Deleted in another tab: keep it?' });
  await expect(offer).toBeVisible();
  await shoot(other, 'tab-deleted', { height: 260 });
  await other.getByText('Web server', { exact: true }).click();
  await other.getByLabel('Name', { exact: true }).fill('edited-after-delete');
  // Nothing is written under the deleted design's key while it is not in the library.
  await other.waitForTimeout(600);
  expect(await storedDesigns(page)).not.toContain('edited-after-delete');
  await offer.getByRole('button', { name: 'Keep it' }).click();
  await expect(offer).toBeHidden();
  await expect.poll(() => storedDesigns(page)).toContain('edited-after-delete');
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('listitem', { name: 'Lab 4' })).toBeVisible();
});

test('one bad entry in the list of designs leaves the others listed and the backup offered', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Single public web server/);
  await page.getByLabel('Design name').fill('First design');
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByLabel('Design name').fill('Second design');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('nimbus.library'))).toContain('Second design');
  // Damaged between visits (the open tab would keep the list as it was before saving over it).
  await page.addInitScript(() => {
    const index = JSON.parse(localStorage.getItem('nimbus.library')!);
    if (index.entries.some((e: { id: string }) => e.id === '../x')) return;
    index.entries.push({ ...index.entries[0], id: '../x', name: 'Broken' });
    localStorage.setItem('nimbus.library', JSON.stringify(index));
  });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toContainText('1 entry in the list of your saved designs could not be read');
  await alert.getByRole('button', { name: 'Open the library' }).click();
  const dialog = page.getByRole('dialog');
  const list = dialog.getByRole('list', { name: 'Designs' });
  await expect(list.getByRole('listitem', { name: 'First design' })).toBeVisible();
  await expect(list.getByRole('listitem', { name: 'Second design' })).toBeVisible();
  const kept = dialog.getByRole('region', { name: 'Kept copies of your list' });
  await expect(kept).toContainText('could not be fully read');
  // Only notices from start-up: opening a design saved earlier is not news from another tab.
  await expect(page.getByText('another tab')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/nimbus-library-backup-light.png' });
  // The theme button sits behind the dialog: switch the class the theme sets, for the picture only.
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await page.screenshot({ path: '/tmp/nimbus-library-backup-dark.png' });
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  const download = page.waitForEvent('download');
  await kept.getByRole('button', { name: /Download the list kept on/ }).click();
  expect(readFileSync((await (await download).path())!, 'utf8')).toContain('../x');
});

test.describe('links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link on a design whose link is too long to open says so and copies nothing', async ({ page }) => {
    await page.goto('/');
    // Text that doesn't compress, kept in the design as a set-aside resource: a link of over 400,000 characters.
    let seed = 7;
    const noise = Array.from({ length: 420_000 }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCharCode(35 + ((seed >>> 0) % 56));
    }).join('');
    const doc = {
      format: 'nimbus-design',
      version: JSON.parse(readFileSync('examples/two-tier.json', 'utf8')).version,
      name: 'Heavy',
      resources: {},
      layout: {},
      setAside: { resources: { 'x-1': { kind: 'fromTheFuture', id: 'x-1', noise } }, layout: {} },
    };
    await page
      .getByTestId('open-design-input')
      .setInputFiles({ name: 'heavy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect(page.getByLabel('Design name')).toHaveValue('Heavy');
    await page.evaluate(() => navigator.clipboard.writeText('what was there before'));
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('menuitem', { name: /^Copy link/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'longer than Nimbus opens' });
    await expect(alert).toContainText('This link is longer than Nimbus opens; save a file instead.');
    await expect(alert.getByRole('button', { name: 'Save as file' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('what was there before');
    await shoot(page, 'long-link', { height: 320 });
  });
});

test('a design file too large to open says so, not that storage is full', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Design name').fill('What I had');
  const huge = JSON.stringify({ format: 'nimbus-design', version: 1, name: 'Huge', padding: 'x'.repeat(6_000_000) });
  await page
    .getByTestId('open-design-input')
    .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(huge) });
  const alert = page.getByRole('alert').filter({ hasText: 'huge.json' });
  await expect(alert).toContainText('huge.json is too large to open (6 MB). Your current design is unchanged.');
  await expect(alert).not.toContainText('full');
  await expect(page.getByLabel('Design name')).toHaveValue('What I had');
});
