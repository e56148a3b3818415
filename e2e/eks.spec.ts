import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';

/**
 * EKS as a new user meets it: the template from the Templates menu, Play, and
 * the node group's nodes appear in their subnets, running, with the pods on
 * them and the bill per node group in the simulation panel.
 */
const dir = process.env.NIMBUS_SCREENSHOT_DIR ?? 'test-results';

test.describe.configure({ timeout: 120_000 });

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);

test('the EKS template shows its nodes running and billed', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /^EKS with a node group/ }).click();
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(node(page, 'eksNodeGroup')).toContainText('m7g.large × 3');

  // The node group's inspector: its size, AMI type and what a node can hold.
  await node(page, 'eksNodeGroup').click();
  await expect(page.getByRole('region', { name: 'Managed node group' })).toContainText(
    'Allocatable per node: 1930m CPU, 7518 MiB, 29 pods.',
  );

  await page.getByRole('tab', { name: 'Simulation' }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await toolbar.getByLabel('Speed').selectOption('60');
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(toolbar.getByLabel('Simulated time')).not.toHaveText('00:00:00');

  const launched = page.locator('[data-launched="true"]');
  await expect(launched.filter({ hasText: 'app-nodes-' })).toHaveCount(3, { timeout: 60_000 });
  // Two zones: Nodes A is 10.0.0.0/24, Nodes B 10.0.1.0/24.
  await expect(launched.filter({ hasText: '10.0.0.' })).not.toHaveCount(0);
  await expect(launched.filter({ hasText: '10.0.1.' })).not.toHaveCount(0);
  await expect(launched.filter({ hasText: 'app-nodes-' }).filter({ hasText: 'running' })).toHaveCount(3, {
    timeout: 60_000,
  });
  await expect(node(page, 'eksNodeGroup')).toContainText('3/3 in service');
  await expect(node(page, 'eksCluster')).toContainText('3/3 pods running');

  const eks = page.getByRole('region', { name: 'EKS' });
  await expect(eks).toContainText('app-nodes: 3 of 3 nodes running');
  await expect(eks).toContainText('web (default): 3 of 3 pods running on nodes');
  // Three m7g.large at $0.0816/h, each with its 20 GiB root volume (the node group's disk size) and public IPv4: $0.2664/h, and $0.10/h of control plane.
  await expect(eks.getByTestId('eks-node-group-cost')).toContainText('$0.2664/h');
  await expect(toolbar.getByTestId('cost-rate')).toContainText('$0.3664/h');

  // More replicas than the nodes hold: the tenth pod stays Pending with the scheduler's reason
  // (3 × 1930m allocatable holds nine pods of 500m).
  await node(page, 'eksCluster').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const replicas = page.getByRole('table', { name: 'Deployments' }).getByLabel('web replicas');
  await replicas.fill('10');
  await page.screenshot({ path: `${dir}/eks-cluster-inspector.png` });
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(eks).toContainText('web (default): 9 of 10 pods running on nodes');
  await expect(eks).toContainText('1 Pending: 0/3 nodes are available: 3 Insufficient cpu.');
  await expect(node(page, 'eksCluster')).toContainText('9/10 pods running');

  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${dir}/eks-nodes-running.png` });
  expect(problems).toEqual([]);
});
