import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseRouteTarget } from './routeTable';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const fitView = (page: Page) => page.getByRole('button', { name: 'Fit View' }).click();

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(node(page, 'vpc').first()).toBeVisible();
}

/** Adds a route in the open route table's inspector: destination and the target whose label matches. */
async function addRoute(page: Page, destination: string, target: RegExp) {
  await page.getByRole('button', { name: 'Add route' }).click();
  const rows = page.getByRole('table', { name: 'Routes' }).locator('tbody tr');
  const row = rows.last();
  await row.getByLabel('Destination').fill(destination);
  await chooseRouteTarget(row, target);
}

test.describe.configure({ timeout: 90_000 });

test('a new user peers two VPCs by connecting them, adds the routes and sees SSH cross the peering', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await openTemplate(page, /Two VPCs to peer/);
  await fitView(page);
  const web = node(page, 'vpc').filter({ hasText: 'Web VPC' });
  const data = node(page, 'vpc').filter({ hasText: 'Data VPC' });
  await web.locator('.react-flow__handle-right').first().dragTo(data.locator('.react-flow__handle-left').first());
  await expect(page.getByTestId('pointer-message')).toContainText('are peered');
  await expect(node(page, 'vpcPeeringConnection')).toHaveCount(1);
  await expect(node(page, 'vpcPeeringConnection')).toContainText('10.0.0.0/16 ↔ 10.1.0.0/16');

  // The peering's inspector says what it is and lets its status change.
  await node(page, 'vpcPeeringConnection').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByLabel('Status')).toHaveValue('active');

  // Before the routes, the question across is answered no.
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'Web server (10.0.1.10)' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'Data server (10.1.1.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('22');
  const verdict = panel.getByRole('status', { name: 'Verdict' });
  await expect(verdict).toContainText('Not reachable');

  // The routes, added in the inspector of each VPC's main route table.
  await fitView(page);
  await node(page, 'routeTable').filter({ hasText: 'Web VPC main route table' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await addRoute(page, '10.1.0.0/16', /peering/i);
  await node(page, 'routeTable').filter({ hasText: 'Data VPC main route table' }).click();
  await addRoute(page, '10.0.0.0/16', /peering/i);

  await page.getByRole('tab', { name: 'Reachability' }).click();
  await expect(verdict).toContainText('Reachable');
  await expect(panel.getByRole('list', { name: 'Forward hops' })).toContainText('(VPC peering)');
  await expect(panel.getByRole('list', { name: 'Return hops' })).toContainText('(VPC peering)');
  // The path highlight crosses the peering.
  await expect(node(page, 'vpcPeeringConnection')).toHaveClass(/path-ok/);
  await fitView(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/networks-peering.png' });
  expect(errors).toEqual([]);
});

test('the transit-gateway template: reachability and traffic between three VPCs', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await openTemplate(page, /Transit gateway: three VPCs/);
  await expect(node(page, 'vpc')).toHaveCount(3);
  await expect(node(page, 'transitGateway')).toHaveCount(1);
  await expect(node(page, 'transitGatewayAttachment')).toHaveCount(3);
  await expect(node(page, 'transitGateway')).toContainText('AWS Transit Gateway pricing');

  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'App server (10.1.1.10)' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'Data server (10.2.1.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('5432');
  await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('Reachable');
  await expect(panel.getByRole('list', { name: 'Forward hops' })).toContainText('Hub (transit gateway)');
  await expect(node(page, 'transitGateway')).toHaveClass(/path-ok/);

  // The attachment's inspector: its association, propagation and one subnet per zone.
  // Its edges to the VPC and the gateway run over the card, so the click is sent to the card itself.
  await node(page, 'transitGatewayAttachment').filter({ hasText: 'App VPC attachment' }).dispatchEvent('click');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByLabel('Associated route table')).toHaveValue(/tgw-rtb-/);
  await expect(page.getByLabel('Propagate into Default route table')).toBeChecked();

  await page.getByRole('tab', { name: 'Traffic' }).click();
  await page.getByRole('button', { name: 'Start traffic' }).first().click();
  const flows = page.getByRole('list', { name: 'Flows' }).getByRole('listitem');
  await expect(flows).toHaveCount(2);
  for (const flow of await flows.all())
    await expect
      .poll(async () =>
        Number((await flow.getByLabel('Delivered', { exact: true }).innerText()).replace(/[^0-9]/g, '')),
      )
      .toBeGreaterThan(0);
  await fitView(page);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/networks-tgw.png' });
  expect(errors).toEqual([]);
});

test('importing a folder of AWS JSON with peering draws the peering between the VPCs', async ({ page }) => {
  const dir = 'src/share/fixtures/batfish/test-vpc-peering';
  await page.goto('/');
  await page.getByTestId('import-aws-input').setInputFiles(readdirSync(dir).map((name) => join(dir, name)));
  await expect(page.getByRole('status').filter({ hasText: /Imported \d+ resources from 10 AWS files/ })).toBeVisible();
  await expect(node(page, 'vpc')).toHaveCount(3);
  await expect(node(page, 'vpcPeeringConnection')).toHaveCount(2);
  await expect(node(page, 'vpcPeeringConnection').filter({ hasText: 'A-B' })).toBeVisible();
  // Each peering is joined to its two VPCs by edges.
  await expect(page.locator('.react-flow__edge')).not.toHaveCount(0);
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'i-06ba034d88c84ef07 (10.10.10.157)' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'i-0b14080af811fda3d (192.168.1.106)' });
  await panel.getByLabel('Port', { exact: true }).fill('22');
  await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('Reachable');
  await expect(panel.getByRole('list', { name: 'Forward hops' })).toContainText('A-B (VPC peering)');
});

for (const theme of ['light', 'dark'] as const) {
  test(`networks screenshot: transit gateway template (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
    await page.goto('/');
    await openTemplate(page, /Transit gateway: three VPCs/);
    await page.getByRole('tab', { name: 'Reachability' }).click();
    const panel = page.getByLabel('Reachability', { exact: true });
    await panel.getByLabel('From', { exact: true }).selectOption({ label: 'Shared server (10.0.1.10)' });
    await panel.getByLabel('To', { exact: true }).selectOption({ label: 'App server (10.1.1.10)' });
    await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('Reachable');
    await fitView(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `test-results/networks-${theme}.png` });
  });
}
