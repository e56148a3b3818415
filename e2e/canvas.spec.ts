import { expect, test, type Locator, type Page } from '@playwright/test';
import { storedDesigns } from './storage';
import { openTemplatesMenu } from './templateMenu';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const paletteItem = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: label, exact: true });

/** Drags a palette item onto a point of `target` (fraction of its box). */
async function dropFromPalette(page: Page, label: string, target: Locator, at = { x: 0.5, y: 0.6 }) {
  const box = (await target.boundingBox())!;
  // force: the point may lie over a child node; the drop still goes to the innermost container there.
  await paletteItem(page, label).dragTo(target, {
    targetPosition: { x: box.width * at.x, y: box.height * at.y },
    force: true,
  });
}

test('a new user builds Region > VPC > AZ > subnets > instance, fixes an overlap, undoes, connects and edits rules', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const pane = page.locator('.react-flow__pane');

  await dropFromPalette(page, 'Region', pane, { x: 0.1, y: 0.1 });
  await expect(node(page, 'region')).toHaveCount(1);
  await dropFromPalette(page, 'VPC', node(page, 'region'), { x: 0.15, y: 0.4 });
  await expect(node(page, 'vpc')).toContainText('10.0.0.0/16');
  await dropFromPalette(page, 'Availability Zone', node(page, 'vpc'), { x: 0.1, y: 0.35 });
  await expect(node(page, 'availabilityZone')).toContainText('us-east-1a');
  await dropFromPalette(page, 'Subnet', node(page, 'availabilityZone'), { x: 0.2, y: 0.45 });
  await expect(node(page, 'subnet')).toHaveCount(1);
  await dropFromPalette(page, 'Subnet', node(page, 'availabilityZone'), { x: 0.2, y: 0.92 });
  await expect(node(page, 'subnet')).toHaveCount(2);
  await expect(node(page, 'subnet').nth(0)).toContainText('10.0.0.0/24');
  await expect(node(page, 'subnet').nth(1)).toContainText('10.0.1.0/24');
  await dropFromPalette(page, 'EC2 instance', node(page, 'subnet').nth(0), { x: 0.3, y: 0.75 });
  await expect(node(page, 'ec2Instance')).toContainText('10.0.0.4');

  // An instance can't live outside a subnet.
  await dropFromPalette(page, 'EC2 instance', pane, { x: 0.95, y: 0.05 });
  await expect(page.getByTestId('pointer-message')).toContainText(
    "can't go on the open canvas; drop it inside a subnet",
  );
  await expect(node(page, 'ec2Instance')).toHaveCount(1);

  // Give the second subnet an overlapping block: the node and the Problems panel say so.
  await node(page, 'subnet')
    .nth(1)
    .click({ position: { x: 60, y: 12 } });
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  const cidr = page.getByLabel('IPv4 CIDR');
  await cidr.fill('10.0.0.128/25');
  await expect(page.getByText('Overlaps Subnet 1 (10.0.0.0/24).')).toBeVisible();
  await expect(node(page, 'subnet').nth(1).locator('[data-problem="error"]').first()).toBeVisible();
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('overlaps');
  // Fix it.
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await cidr.fill('10.0.2.0/24');
  await expect(page.getByRole('tab', { name: 'Problems', exact: true })).toBeVisible();
  await expect(node(page, 'subnet').nth(1).locator('[data-problem]')).toHaveCount(0);

  // Undo brings the overlap back (typing was one step), redo fixes it again.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(node(page, 'subnet').nth(1)).toContainText('10.0.0.128/25');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(node(page, 'subnet').nth(1)).toContainText('10.0.2.0/24');

  // A new route table, associated by connecting the subnet to it.
  const fitView = () => page.getByRole('button', { name: 'Fit View' }).click();
  await fitView();
  await dropFromPalette(page, 'Route table', node(page, 'vpc'), { x: 0.85, y: 0.9 });
  await expect(node(page, 'routeTable')).toHaveCount(2);
  const newTable = node(page, 'routeTable').filter({ hasText: /^Route table/ });
  await node(page, 'subnet')
    .nth(1)
    .locator('.react-flow__handle-right')
    .dragTo(newTable.locator('.react-flow__handle-left'));
  await expect(page.getByTestId('pointer-message')).toContainText('now uses Route table');
  await expect(node(page, 'subnet').nth(1)).toContainText('RT: Route table');

  // A security-group rule added in the inspector.
  await fitView();
  await dropFromPalette(page, 'Security group', node(page, 'vpc'), { x: 0.6, y: 0.9 });
  await expect(page.getByLabel(/^Inspector: sg-/)).toBeVisible();
  await page.getByRole('button', { name: 'Add inbound rule' }).click();
  const inbound = page.getByRole('table', { name: 'Inbound rules' });
  await inbound.getByLabel('Rule type').selectOption('ssh');
  await inbound.getByLabel('Source CIDR').fill('203.0.113.0/24');
  await expect(node(page, 'securityGroup').filter({ hasText: 'sg-' })).toContainText('1 in · 1 out');

  // Reload: everything is still there.
  await expect.poll(() => storedDesigns(page).then((text) => text.includes('203.0.113.0/24'))).toBe(true);
  await page.reload();
  await fitView();
  await expect(node(page, 'subnet')).toHaveCount(2);
  await expect(node(page, 'subnet').nth(1)).toContainText('RT: Route table');
  await expect(node(page, 'ec2Instance')).toContainText('10.0.0.4');
  expect(errors).toEqual([]);
});

test('every template opens without errors', async ({ page }) => {
  await page.goto('/');
  const names = await (async () => {
    const items = await (await openTemplatesMenu(page)).allInnerTexts();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    return items.map((t) => t.split('\n')[0]!);
  })();
  expect(names).toHaveLength(10);
  for (const [index, name] of names.entries()) {
    await page.getByRole('button', { name: 'Templates' }).click();
    // By position: one template's name can begin another's ("Highly available web app (single AZ)").
    await page.getByRole('menuitem').nth(index).click();
    await expect(page.getByLabel('Design name')).toHaveValue(/.+/);
    await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
    await page.getByRole('tab', { name: /Problems/ }).click();
    await expect(page.getByRole('list', { name: 'Problems' }).getByLabel('Error'), name).toHaveCount(0);
  }
});

test('deleting a container asks first and undo restores it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  await node(page, 'subnet').click({ position: { x: 80, y: 12 } });
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('1 resource inside will be deleted too');
  await dialog.getByRole('button', { name: /Delete 2 resources/ }).click();
  await expect(node(page, 'subnet')).toHaveCount(0);
  await expect(node(page, 'ec2Instance')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'ec2Instance')).toHaveCount(1);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Duplicate the selection');
});

test('an EBS volume dropped in a zone attaches to an instance there, and names its monthly price', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  const zone = node(page, 'availabilityZone').first();
  await dropFromPalette(page, 'EBS volume', zone, { x: 0.5, y: 0.97 });
  const inspector = page.getByLabel('Inspector: Volume 1');
  await expect(inspector).toBeVisible();
  await expect(
    inspector.getByText(/USD 1\.60 a month at 0\.08\/GB-month \(Amazon EBS pricing, us-east-1\)/),
  ).toBeVisible();
  const attach = inspector.getByLabel(/^Attached to/);
  const firstInstance = (await attach.locator('option').nth(1).innerText()).trim();
  await attach.selectOption({ label: firstInstance });
  await expect(node(page, 'ebsVolume')).toContainText(`attached: ${firstInstance}`);
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByRole('list', { name: 'Problems' }).getByLabel('Error')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/ebs-volume.png' });
});

test('in dark mode the minimap sits on the dark surface, and a drag on it pans the canvas', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('nimbus.theme', 'dark'));
  await page.goto('/');
  await dropFromPalette(page, 'Region', page.locator('.react-flow__pane'), { x: 0.1, y: 0.1 });
  const minimap = page.locator('.react-flow__minimap');
  // slate-800, the dark panels' surface (white before: boxes on a white card in a dark page).
  await expect(minimap).toHaveCSS('background-color', 'rgb(30, 41, 59)');
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 20, box.y + box.height / 2 - 10, { steps: 5 });
  await page.mouse.up();
  expect(await viewport.getAttribute('style')).not.toBe(before);
});
