import { expect, test } from '@playwright/test';
import { bigRuleDesign } from '../bench/generate';

test('a security group of 10,000 rules opens in the inspector without a long task, and scrolling shows its last rules', async ({
  page,
}) => {
  const design = bigRuleDesign(10_000);
  await page.addInitScript(`
    localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(design))});
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  `);
  await page.goto('/');
  const group = page.locator('.react-flow__node-securityGroup').filter({ hasText: /^web/ });
  await expect(group).toBeVisible();
  // Start-up is not what is measured here.
  await page.waitForTimeout(1500);
  await page.evaluate('window.__longTasks = []');

  await group.click();
  const table = page.getByRole('table', { name: 'Inbound rules' });
  await expect(table.getByRole('button', { name: 'Remove inbound rule 1', exact: true })).toBeVisible();
  await page.waitForTimeout(500);
  const tasks = (await page.evaluate('window.__longTasks')) as number[];
  expect(Math.max(0, ...tasks), `long tasks: ${tasks.join(', ')} ms`).toBeLessThan(200);
  // Only the rows in view are drawn.
  expect(await table.locator('tbody tr').count()).toBeLessThan(100);

  // Scrolling the table brings the later rules in: the last one is 10,004th (the group had 4 before).
  await page.getByTestId('rule-table-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = table.getByRole('button', { name: 'Remove inbound rule 10004', exact: true });
  await expect(last).toBeVisible();
  await expect(table.getByRole('button', { name: 'Remove inbound rule 1', exact: true })).toHaveCount(0);
  const row = table
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: 'Remove inbound rule 10004', exact: true }) });
  await expect(row.getByLabel('Port range')).toHaveValue('19999');
  await expect(row.getByLabel('Source CIDR')).toHaveValue('10.0.0.0/8');
});

test('the rule a reachability hop points at, 2,000 rows down a 10,000-rule group, is scrolled into view', async ({
  page,
}) => {
  const design = bigRuleDesign(10_000);
  await page.addInitScript(`localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(design))});`);
  await page.goto('/');
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'The internet' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'App 0-0 (10.0.0.10)' });
  // Port 12000 is allowed by the 2,001st of the generated rules (stored 2,005th).
  await panel.getByLabel('Port', { exact: true }).fill('12000');
  await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('Reachable');
  await panel
    .getByRole('list', { name: 'Forward hops' })
    .getByRole('listitem')
    .filter({ hasText: 'security groups of App 0-0' })
    .getByRole('button')
    .click();
  const row = page.getByRole('table', { name: 'Inbound rules' }).locator('tr[data-highlighted]');
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Port range')).toHaveValue('12000');
  await expect(row).toBeInViewport();
});
