import { expect, test, type Locator, type Page } from '@playwright/test';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const number = async (locator: Locator) => Number((await locator.innerText()).replace(/[^0-9]/g, ''));

async function dropFromPalette(page: Page, label: string, target: Locator, at: { x: number; y: number }) {
  const box = (await target.boundingBox())!;
  await page
    .getByRole('navigation', { name: 'Palette' })
    .getByRole('button', { name: label, exact: true })
    .dragTo(target, { targetPosition: { x: box.width * at.x, y: box.height * at.y }, force: true });
}

/** Removes the inbound rule of the open security group or ACL whose type is `type`. */
async function removeInboundRule(page: Page, type: string) {
  const rows = page.getByRole('table', { name: 'Inbound rules' }).locator('tbody tr');
  for (let i = 0; i < (await rows.count()); i++) {
    if ((await rows.nth(i).getByLabel('Rule type').inputValue()) === type) {
      await rows.nth(i).getByRole('button').click();
      return;
    }
  }
  throw new Error(`no inbound ${type} rule`);
}

// A long walk with the simulation running: a loaded CI machine needs more than the default.
test.describe.configure({ timeout: 90_000 });

test('a student watches HTTPS traffic, breaks it at the security group and at a NACL, and steps through a packet', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  const flow = page
    .getByRole('list', { name: 'Flows' })
    .getByRole('listitem', { name: 'Internet → Web server TCP 443' });
  await flow
    .getByRole('button', { name: 'Start traffic' })
    .or(page.getByRole('button', { name: 'Start traffic' }))
    .click();
  const delivered = flow.getByLabel('Delivered', { exact: true });
  const dropped = flow.getByLabel('Dropped', { exact: true });
  await expect.poll(() => number(delivered)).toBeGreaterThan(0);
  const before = await number(delivered);
  await expect.poll(() => number(delivered)).toBeGreaterThan(before);
  await expect(page.getByTestId('delivered-mark')).toBeVisible();
  await expect
    .poll(() => page.getByTestId('traffic-overlay').getAttribute('data-packets').then(Number))
    .toBeGreaterThan(0);
  // Responses leave for the internet: the cost meter has a data-transfer line, with its size editable per flow.
  await expect(flow.getByLabel('Response (KB)')).toHaveValue('20');
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const transfer = page.getByRole('region', { name: 'Data transfer' });
  await expect(transfer).toContainText('out to the internet');
  await expect(transfer).toContainText('first 100 GB');
  await page.getByRole('tab', { name: 'Traffic' }).click();

  // Delete the inbound HTTPS rule: requests now die at the security group.
  await node(page, 'securityGroup').filter({ hasText: 'web' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await removeInboundRule(page, 'https');
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(flow.getByRole('list', { name: 'Dropped by' })).toContainText('dropped at web');
  await expect(flow).toContainText('ENI_SG_RULES_MISMATCH');
  await expect.poll(() => number(dropped)).toBeGreaterThan(0);
  const mark = page.getByTestId('drop-mark');
  await expect(mark).toHaveAttribute('title', /No inbound rule in web allows TCP port 443/);
  await mark.click();
  await expect(page.getByRole('tooltip')).toContainText('ENI_SG_RULES_MISMATCH');

  // Put it back: delivered grows again.
  await page.getByRole('button', { name: 'Undo' }).click();
  const again = await number(delivered);
  await expect.poll(() => number(delivered)).toBeGreaterThan(again);

  // A custom network ACL that lets HTTPS in but no ephemeral ports out: the responses die at the ACL.
  await dropFromPalette(page, 'Network ACL', node(page, 'vpc'), { x: 0.85, y: 0.95 });
  await expect(page.getByLabel(/^Inspector: /)).toBeVisible();
  const aclName = await page.getByLabel('Name', { exact: true }).inputValue();
  await page.getByRole('button', { name: 'Add inbound rule' }).click();
  await node(page, 'subnet').click({ position: { x: 60, y: 12 } });
  // The new ACL is itself named "Network ACL": wait for the subnet's inspector and its exact field.
  await expect(page.getByLabel('Inspector: Public subnet')).toBeVisible();
  await page.getByLabel('Network ACL', { exact: true }).selectOption({ label: aclName });
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(flow).toContainText('way back');
  await expect(flow).toContainText('SUBNET_ACL_RESTRICTION');
  await expect(flow.getByRole('list', { name: 'Dropped by' })).toContainText(`dropped at ${aclName}`);

  // Step mode: one packet, hop by hop, forward and back.
  await flow.getByRole('button', { name: 'Step through a packet' }).click();
  const inspector = page.getByRole('region', { name: 'Packet inspector' });
  const hops = page.getByRole('table', { name: 'Hop events' }).locator('tbody tr');
  await expect(hops.first()).toBeVisible();
  const total = await hops.count();
  expect(total).toBeGreaterThan(4);
  const seen: string[] = [];
  for (let i = 0; i < total; i++) {
    await expect(page.getByText(`Hop ${i + 1} of ${total}`)).toBeVisible();
    seen.push(await inspector.innerText());
    if (i < total - 1) await page.getByRole('button', { name: 'Next hop' }).click();
  }
  // The first hop is the request leaving the internet, the internet gateway translates, the last is the ACL's drop of the reply.
  expect(seen[0]).toContain('Request (forward)');
  expect(seen.some((text) => /Translation[\s\S]*→ 10\.0\.1\.10/.test(text))).toBe(true);
  expect(seen[total - 1]).toContain('Response (return)');
  expect(seen[total - 1]).toContain(`${aclName}: rule *`);
  await page.getByRole('button', { name: 'Previous hop' }).click();
  await expect(page.getByText(`Hop ${total - 1} of ${total}`)).toBeVisible();
});

test('packets follow the routed edge between two nodes, never a straight line across other boxes', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  const flow = page
    .getByRole('list', { name: 'Flows' })
    .getByRole('listitem', { name: 'Internet → Web server TCP 443' });
  await flow
    .getByRole('button', { name: 'Start traffic' })
    .or(page.getByRole('button', { name: 'Start traffic' }))
    .click();
  const overlay = page.getByTestId('traffic-overlay');
  // The internet and its gateway are joined by an edge: packets on that leg travel along it.
  await expect.poll(() => overlay.getAttribute('data-along-edges').then(Number)).toBeGreaterThan(0);
  const samples = new Set<string>();
  for (let i = 0; i < 40 && samples.size < 8; i++) {
    const sample = await overlay.getAttribute('data-sample');
    if (sample) samples.add(sample);
    await page.waitForTimeout(30);
  }
  expect(samples.size).toBeGreaterThan(2);
  for (const sample of samples) {
    // Each sampled place, in screen px, is on the edge's drawn path or inside one of the two nodes it joins.
    const off = await overlay.evaluate((canvas, text) => {
      const { x, y, from, to } = JSON.parse(text) as { x: number; y: number; from: string; to: string };
      const origin = canvas.getBoundingClientRect();
      const point = { x: origin.left + x, y: origin.top + y };
      const inside = [from, to].some((id) => {
        const r = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
        return (
          !!r && point.x >= r.left - 1 && point.x <= r.right + 1 && point.y >= r.top - 1 && point.y <= r.bottom + 1
        );
      });
      if (inside) return 0;
      const edge =
        document.querySelector(`g[data-source="${CSS.escape(from)}"][data-target="${CSS.escape(to)}"] path`) ??
        document.querySelector(`g[data-source="${CSS.escape(to)}"][data-target="${CSS.escape(from)}"] path`);
      if (!(edge instanceof SVGPathElement)) return Infinity;
      const matrix = edge.getScreenCTM()!;
      const length = edge.getTotalLength();
      let nearest = Infinity;
      for (let d = 0; d <= length; d += 1) {
        const p = new DOMPoint(edge.getPointAtLength(d).x, edge.getPointAtLength(d).y).matrixTransform(matrix);
        nearest = Math.min(nearest, Math.hypot(p.x - point.x, p.y - point.y));
      }
      return nearest;
    }, sample);
    // Rounded corners cut a bend by at most their 8 flow px radius.
    expect(off).toBeLessThan(6);
  }
});

test('a connection kept open survives the removal of the rule that allowed it (connection tracking), a new one would not', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  const flow = page
    .getByRole('list', { name: 'Flows' })
    .getByRole('listitem', { name: 'Internet → Web server TCP 443' });
  await flow.getByLabel('Connection').selectOption('persistent');
  await flow
    .getByRole('button', { name: 'Start traffic' })
    .or(page.getByRole('button', { name: 'Start traffic' }))
    .click();
  const delivered = flow.getByLabel('Delivered', { exact: true });
  await expect.poll(() => number(delivered)).toBeGreaterThan(0);

  // HTTPS from 0.0.0.0/0 with the default all-outbound rule is untracked (EC2 User Guide, "Security group
  // connection tracking"): drop the outbound rule first so the group tracks the connection.
  await node(page, 'securityGroup').filter({ hasText: 'web' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('table', { name: 'Outbound rules' }).locator('tbody tr').first().getByRole('button').click();
  await expect(page.getByRole('table', { name: 'Outbound rules' }).locator('tbody tr')).toHaveCount(0);
  await removeInboundRule(page, 'https');
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(flow.locator('[data-kept-open="yes"]')).toContainText('Kept open by connection tracking');
  const after = await number(delivered);
  await expect.poll(() => number(delivered)).toBeGreaterThan(after);
  await expect(flow.getByLabel('Dropped', { exact: true })).toHaveText('0');
});

test('a flow for another IP protocol asks for its number and no port', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(page.getByLabel('Flow port', { exact: true })).toBeVisible();
  await page.getByLabel('Flow protocol', { exact: true }).selectOption({ label: 'Other IP protocol (number)' });
  await expect(page.getByLabel('Flow protocol number', { exact: true })).toHaveValue('50');
  await expect(page.getByLabel('Flow port', { exact: true })).toHaveCount(0);
});
