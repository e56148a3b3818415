import { expect, test, type Page } from '@playwright/test';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
}

const costRate = async (page: Page) => Number((await page.getByTestId('cost-rate').innerText()).replace(/[$/h]/g, ''));

test('a new user launches an instance, watches it boot, stops it and meets a refusal', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await openTemplate(page, /Single public web server/);
  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await toolbar.getByLabel('Speed').selectOption('10');
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(toolbar.getByLabel('Simulated time')).not.toHaveText('00:00:00');

  // Launch: drop a new instance into the subnet while the simulation runs.
  const subnet = node(page, 'subnet');
  const box = (await subnet.boundingBox())!;
  await page
    .getByRole('navigation', { name: 'Palette' })
    .getByRole('button', { name: 'EC2 instance', exact: true })
    .dragTo(subnet, { targetPosition: { x: box.width * 0.75, y: box.height * 0.8 }, force: true });
  const launched = node(page, 'ec2Instance').filter({ hasText: 'Instance 2' });
  await expect(launched.getByTestId('sim-state')).toHaveAttribute('data-state', 'pending');
  await expect(launched.getByTestId('sim-state')).toHaveAttribute('data-state', 'running', { timeout: 10_000 });

  // Stop it: the cost rate drops.
  const before = await costRate(page);
  await launched.click({ position: { x: 40, y: 10 } });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('inspector-sim-state')).toHaveText('stopped', { timeout: 10_000 });
  // One state only: the live one, not the design's "running" above it.
  await expect(page.getByText(/^State: running/)).toHaveCount(0);
  await expect.poll(() => costRate(page)).toBeLessThan(before);

  // Terminate, then try to start: AWS refuses.
  await page.getByRole('button', { name: 'Terminate', exact: true }).click();
  await expect(page.getByTestId('inspector-sim-state')).toHaveText('terminated', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('IncorrectInstanceState');
  await expect(page.getByRole('alert')).toContainText('is not in a state from which it can be started');
  expect(errors).toEqual([]);
});

test('a spike on a Lambda trigger shows throttles in the chart', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Serverless API/);
  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await toolbar.getByLabel('Speed').selectOption('60');
  // The spike starts at the simulation's clock when it is chosen: chosen before Play, it is not missed by a
  // busy machine that delivers the edit to the worker a few simulated minutes late.
  await node(page, 'lambdaTrigger').click();
  await page.getByLabel('Load shape').selectOption('spike');
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const chart = page.getByLabel('Lambda chart');
  await expect(chart).toHaveAttribute('data-throttles', 'yes', { timeout: 15_000 });
  await expect(page.locator('.uplot')).toHaveCount(2);
  await expect(page.getByLabel('Cost chart')).toHaveAttribute('data-points', /[1-9]/);
  // The throttles are named with Lambda's reason, and the bill says whether the free tier applies.
  const lambda = page.getByRole('region', { name: 'Lambda' });
  await expect(
    lambda.getByText(/throttled: (ConcurrentInvocationLimitExceeded|its ceiling is still growing)/),
  ).toBeVisible();
  await expect(lambda.getByText(/after the account’s monthly free tier/)).toBeVisible();
  await lambda.getByLabel(/free tier/).uncheck();
  await expect(lambda.getByText('No free tier is applied.')).toBeVisible();
  // A function that fails half the time: its errors are counted as the simulation runs.
  await node(page, 'lambdaFunction').click();
  await page.getByLabel('Errors (% of invocations)').fill('50');
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(lambda.getByText(/orders-api: [\d,]+ function errors/)).toBeVisible();
  await page.screenshot({ path: 'test-results/simulation.png' });
});
