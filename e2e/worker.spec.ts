import { deflateSync, strToU8 } from 'fflate';
import { expect, test, type Page } from '@playwright/test';

/**
 * The worker as a user meets it when it fails: terminated mid-play, its
 * script missing, or fed a link built to freeze the page. The test keeps a
 * handle on every worker the page makes (nothing in the app exposes one) and
 * terminates it as a crash would.
 */
declare global {
  interface Window {
    __workers: Worker[];
  }
}

async function keepWorkers(page: Page) {
  await page.addInitScript(() => {
    const Original = window.Worker;
    window.__workers = [];
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        window.__workers.push(this);
      }
    };
  });
}

const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);

test.describe.configure({ timeout: 90_000 });

for (const theme of ['light', 'dark'] as const) {
  test(`a worker terminated while playing is restarted, and Play goes on from the last frame (${theme})`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await keepWorkers(page);
    await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
    await page.goto('/');
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /Single public web server/ }).click();
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
    const clock = toolbar.getByLabel('Simulated time');
    await toolbar.getByLabel('Speed').selectOption('60');
    await toolbar.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => seconds(await clock.innerText())).toBeGreaterThan(30);

    await page.evaluate(() => window.__workers.at(-1)!.terminate());
    const notice = page.getByRole('status').filter({ hasText: 'The simulation worker stopped' });
    await expect(notice).toContainText(
      /The simulation worker stopped \(it was closed or crashed\); Nimbus restarted it\. Press Play to continue from \d\d:\d\d:\d\d\./,
    );
    const stoppedAt = await clock.innerText();
    expect(await notice.innerText()).toContain(`continue from ${stoppedAt}.`);
    expect(seconds(stoppedAt)).toBeGreaterThan(30);
    await page.screenshot({ path: theme === 'light' ? '/tmp/worker-notice.png' : '/tmp/worker-notice-dark.png' });

    await toolbar.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => seconds(await clock.innerText())).toBeGreaterThan(seconds(stoppedAt) + 5);
    // It went on from the last frame rather than from zero: the instance kept running.
    await expect(page.locator('.react-flow__node-ec2Instance').getByTestId('sim-state')).toHaveAttribute(
      'data-state',
      'running',
    );
    expect(errors).toEqual([]);
  });
}

test('exposure without a worker says why instead of scanning forever', async ({ page }) => {
  // The worker's script can't be fetched (a deploy in between, a proxy, offline).
  await page.route(/\/assets\/entry-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('tab', { name: 'Reachability' }).click();
  await page.getByRole('button', { name: 'Scan exposure' }).click();
  const exposure = page.getByRole('region', { name: 'Exposure' });
  await expect(exposure.getByRole('alert')).toHaveText(
    'The simulation worker could not start (its script could not be loaded).',
    { timeout: 15_000 },
  );
  await expect(exposure.getByRole('button', { name: 'Scan exposure' })).toBeEnabled();
  await expect(page.getByRole('alert').filter({ hasText: 'reload the page to try again' })).toBeVisible();
});

test('a small link that inflates to two million items is refused without a long task on the page', async ({ page }) => {
  const design = {
    format: 'nimbus-design',
    version: 1,
    name: 'bomb',
    resources: {},
    layout: {},
    flows: new Array(2_000_000).fill(0),
  };
  const snapshot =
    'n1.' + Buffer.from(deflateSync(strToU8(JSON.stringify(design)), { level: 9 })).toString('base64url');
  expect(snapshot.length).toBeLessThan(10_000);
  await page.goto('/');
  await expect(page.getByRole('toolbar', { name: 'Simulation' })).toBeVisible();
  // Start-up's own work (validation fetched after the first screen) is not the link's: wait until it has run.
  await expect(page.getByText('No problems found')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.evaluate((hash) => (location.hash = hash), `d=${snapshot}`);
  await expect(page.getByRole('alert')).toContainText(
    "This link could not be opened. The link holds a design Nimbus can't open:",
    { timeout: 30_000 },
  );
  // Let the observer report anything still queued.
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  expect(longest).toBeLessThan(200);
});
