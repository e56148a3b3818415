import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('a new user asks whether the internet reaches the private app server, then fixes SSH to the web server', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'The internet' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'App A (10.0.1.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('22');
  const verdict = panel.getByRole('status', { name: 'Verdict' });
  await expect(verdict).toContainText('Not reachable');
  await expect(verdict).toContainText('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
  const forward = panel.getByRole('list', { name: 'Forward hops' });
  await expect(forward.getByRole('listitem').last()).toContainText('no public IPv4 address');
  await expect(page.locator('.react-flow__node.path-blocked')).toHaveCount(1);

  // The public web server on 443 is open; on 22 it is not, and Nimbus offers the fix.
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'Web A (10.0.0.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('443');
  await expect(verdict).toContainText('Reachable');
  await expect(panel.getByRole('list', { name: 'Return hops' })).toContainText(
    'Public routes: 0.0.0.0/0 → Internet gateway',
  );
  await panel.getByLabel('Port', { exact: true }).fill('22');
  await expect(verdict).toContainText('Not reachable');
  await expect(verdict).toContainText('ENI_SG_RULES_MISMATCH');
  // SSH opens to the administrators' range (a documentation range by default), never to 0.0.0.0/0;
  // then the question asks from an address in it.
  await panel.getByRole('button', { name: 'Add inbound TCP 22 from 203.0.113.0/24 to web' }).click();
  await expect(panel.getByLabel('From', { exact: true })).toHaveValue('203.0.113.1');
  await expect(verdict).toContainText('Reachable');
  // The fix is one undoable step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(verdict).toContainText('Not reachable');

  // Clicking a hop selects its component and shows the rule that decided, highlighted in the inspector.
  await panel.getByLabel('Port', { exact: true }).fill('443');
  await expect(verdict).toContainText('Reachable');
  await forward.getByRole('listitem').filter({ hasText: 'security groups of Web A' }).getByRole('button').click();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  const row = page.getByRole('table', { name: 'Inbound rules' }).locator('tr[data-highlighted]');
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Rule type')).toHaveValue('https');
  // The question is still there when the user comes back.
  await page.getByRole('tab', { name: 'Reachability' }).click();
  await expect(verdict).toContainText('Reachable');
});

test('exposure is computed in the worker and lists what the internet reaches', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('tab', { name: 'Reachability' }).click();
  await page.getByRole('button', { name: 'Scan exposure' }).click();
  const table = page.getByRole('table', { name: 'Exposure table' });
  await expect(table.getByRole('row').filter({ hasText: 'Web A' }).filter({ hasText: 'the internet' })).toContainText(
    '80, 443',
  );
  await expect(table.getByRole('row').filter({ hasText: 'App A' }).filter({ hasText: 'the internet' })).toHaveCount(0);
  await expect(page.getByText(/paths checked in \d+ ms/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('importing a folder of AWS JSON lays the network out and answers questions about it', async ({ page }) => {
  const dir = 'src/share/fixtures/aws-public-private';
  await page.goto('/');
  await page.getByTestId('import-aws-input').setInputFiles(readdirSync(dir).map((name) => join(dir, name)));
  await expect(page.getByRole('status').filter({ hasText: /Imported \d+ resources from 10 AWS files/ })).toBeVisible();
  await expect(page.locator('.react-flow__node-vpc')).toContainText('shop-vpc');
  await expect(page.locator('.react-flow__node-subnet')).toHaveCount(2);
  await expect(page.locator('.react-flow__node-ec2Instance').filter({ hasText: 'web-1' })).toBeVisible();
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'web-1 (10.20.1.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('22');
  await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('SUBNET_ACL_RESTRICTION');
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.screenshot({ path: 'test-results/aws-import.png' });
});

test('a private instance asks about a public address: the packet goes by the NAT gateway, and ESP is dropped there', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'App A (10.0.1.10)' });
  const to = panel.getByLabel('To', { exact: true });
  const publicWeb = await to.locator('option', { hasText: '(Web A, public)' }).getAttribute('value');
  expect(publicWeb).toMatch(/^18\.21[6-9]\.\d+\.\d+$/);
  await to.selectOption(publicWeb!);
  await panel.getByLabel('Port', { exact: true }).fill('443');
  const verdict = panel.getByRole('status', { name: 'Verdict' });
  await expect(verdict).toContainText('Reachable');
  const forward = panel.getByRole('list', { name: 'Forward hops' });
  await expect(forward).toContainText('replaces the source 10.0.1.10 with its Elastic IP');
  await panel.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Other IP protocol (number)' });
  await expect(panel.getByLabel('Protocol number', { exact: true })).toHaveValue('50');
  await expect(panel.getByLabel('Port', { exact: true })).toHaveCount(0);
  await expect(verdict).toContainText('Not reachable');
  await expect(verdict).toContainText('PROTOCOL_RESTRICTION');
  await expect(forward.getByRole('listitem').last()).toContainText('TCP, UDP and ICMP only');
});

test('a security-group rule for another IP protocol, by number, answers a query for that protocol', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('tab', { name: 'Reachability' }).click();
  const panel = page.getByLabel('Reachability', { exact: true });
  await panel.getByLabel('From', { exact: true }).selectOption({ label: 'The internet' });
  await panel.getByLabel('To', { exact: true }).selectOption({ label: 'Web A (10.0.0.10)' });
  await panel.getByLabel('Port', { exact: true }).fill('443');
  const verdict = panel.getByRole('status', { name: 'Verdict' });
  await expect(verdict).toContainText('Reachable');
  const forward = panel.getByRole('list', { name: 'Forward hops' });
  await forward.getByRole('listitem').filter({ hasText: 'security groups of Web A' }).getByRole('button').click();
  const row = page.getByRole('table', { name: 'Inbound rules' }).locator('tr[data-highlighted]');
  await row.getByLabel('Rule type').selectOption('custom-protocol');
  await expect(row.getByLabel('Protocol number')).toHaveValue('50');
  await row.getByLabel('Protocol number').fill('47');
  await row.getByLabel('Protocol number').blur();
  await expect(row.getByLabel('Rule type')).toContainText('Custom: protocol 47 (GRE)');
  await page.getByRole('tab', { name: 'Reachability' }).click();
  await panel.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Other IP protocol (number)' });
  await panel.getByLabel('Protocol number', { exact: true }).fill('47');
  await expect(verdict).toContainText('Reachable');
  await expect(forward).toContainText('protocol 47 (GRE)');
  await panel.getByLabel('Protocol number', { exact: true }).fill('50');
  await expect(verdict).toContainText('Not reachable');
});
