import { expect, test, type Page } from '@playwright/test';

/**
 * The EKS lesson as a student meets it: every goal unmet with the engines' reasons, the cluster's badge saying
 * its nodes are cut off from the endpoint while the simulation plays, and the zones goal met by adding the
 * second private subnet to the cluster in the inspector.
 */
const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const goal = (page: Page, text: RegExp) =>
  page.getByRole('list', { name: 'Goals' }).getByRole('listitem', { name: text });

test.describe.configure({ timeout: 90_000 });

test('EKS lesson: nodes cut off from the endpoint, and the cluster accepted once it spans two zones', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page.getByRole('button', { name: /Run containers on EKS across two zones/ }).click();
  await expect(node(page, 'eksCluster')).toBeVisible();

  const zones = goal(page, /EKS accepts the cluster/);
  await expect(zones).toHaveAttribute('data-met', 'false');
  await expect(zones).toContainText('Subnets specified must be in at least two different AZs');
  const nat = goal(page, /through a NAT gateway/);
  await expect(nat).toHaveAttribute('data-met', 'false');
  await expect(nat).toContainText('not joined the cluster');
  await expect(goal(page, /When us-east-1a fails/)).toHaveAttribute('data-met', 'false');
  await expect(goal(page, /less than \$230 a month/)).toHaveAttribute('data-met', 'false');

  await page.getByRole('tab', { name: 'Simulation' }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(node(page, 'eksCluster')).toContainText('2 nodes cut off', { timeout: 30_000 });
  await expect(node(page, 'eksCluster')).toContainText('0/4 pods running');
  await expect(page.getByRole('region', { name: 'EKS' })).toContainText('2 can’t reach the cluster endpoint');
  await toolbar.getByRole('button', { name: 'Pause' }).click();

  await node(page, 'eksCluster').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page
    .getByRole('region', { name: 'Cluster subnets' })
    .getByRole('checkbox', { name: /Nodes B/ })
    .check();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(zones).toHaveAttribute('data-met', 'true');
  await page.screenshot({ path: 'test-results/lesson-eks.png' });
  expect(errors).toEqual([]);
});
