import { expect, test, type Page } from '@playwright/test';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const paletteItem = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: label, exact: true });

test('a Client VPN user reaches a private instance and the path is drawn', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Hybrid/ }).click();

  // A new user drops a Client VPN endpoint in the VPC, associates the private subnet and authorizes the VPC.
  const vpc = node(page, 'vpc');
  const box = (await vpc.boundingBox())!;
  await paletteItem(page, 'Client VPN endpoint').dragTo(vpc, {
    targetPosition: { x: box.width * 0.85, y: 40 },
    force: true,
  });
  const inspector = page.getByLabel('Inspector: Client VPN');
  await expect(inspector).toBeVisible();
  await inspector.getByLabel('us-east-1a').selectOption({ label: 'Private subnet (10.0.1.0/24)' });
  await expect(inspector.getByRole('table', { name: 'Client VPN routes' })).toContainText('with the association');
  await inspector.getByRole('button', { name: 'Add authorization rule' }).click();
  await expect(inspector.getByLabel('Authorization rule 1 destination')).toHaveValue('10.0.0.0/16');
  await inspector.getByLabel('Connected clients').fill('25');
  await expect(inspector).toContainText('$1.35/h now');
  await expect(node(page, 'clientVpnEndpoint')).toContainText('1 subnet · 25 connected');

  // The user asks whether a Client VPN user reaches the internal app on SSH.
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'A Client VPN user (Client VPN)' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'Internal app (10.0.1.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('22');
  const verdict = panel.getByRole('status', { name: 'Verdict' });
  // The app's group allows the office only; the user arrives from the association's interface, in the default group.
  await expect(verdict).toContainText('Not reachable');
  await expect(verdict).toContainText('ENI_SG_RULES_MISMATCH');
  await panel.getByRole('button', { name: 'Add inbound TCP 22 from default to from-office' }).click();
  await expect(verdict).toContainText('Reachable');
  const forward = panel.getByRole('list', { name: 'Forward hops' });
  await expect(forward).toContainText('authorization rules of Client VPN');
  await expect(forward).toContainText('10.0.0.0/16 for all users');
  await expect(forward).toContainText('translates the user\u2019s address 100.64.0.2'.replace('\u2019', "'"));

  // The path is drawn on the canvas: the endpoint, the subnet and the instance are on it, nothing blocked.
  await expect(node(page, 'clientVpnEndpoint')).toHaveClass(/path-ok/);
  await expect(node(page, 'ec2Instance').filter({ hasText: 'Internal app' })).toHaveClass(/path-ok/);
  await expect(page.locator('.react-flow__node.path-blocked')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/client-vpn-path.png' });
  expect(errors).toEqual([]);
});
