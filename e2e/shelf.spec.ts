import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateDesign } from '../bench/generate';

/**
 * Rules where they act: association edges (route table or ACL with a subnet, security group with a
 * member) are not drawn by default; hovering a rule chip draws that rule set's, and leaving it
 * takes them away again.
 */

test.use({ viewport: { width: 1440, height: 900 } });

test("hovering a security group's chip draws its association edges, and only then", async ({ page }) => {
  const design = generateDesign(50);
  await page.addInitScript(`localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(design))});`);
  await page.goto('/');
  await expect(page.locator('.react-flow__node-ec2Instance').first()).toBeVisible();

  const associations = page.locator('[data-testid^="rf__edge-association:"]');
  await expect(associations).toHaveCount(0);

  const chip = page.locator('button[data-chip-kind="securityGroup"]').first();
  await chip.hover();
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  const groupId = (await chip.getAttribute('data-chip-id'))!;
  await expect(associations.first()).toBeAttached();
  // Every drawn association is the hovered group's.
  for (const id of await associations.evaluateAll((edges) => edges.map((e) => e.getAttribute('data-testid')))) {
    expect(id).toContain(`->${groupId}:`);
  }

  await page.mouse.move(5, 450);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(associations).toHaveCount(0);
});

const paletteItem = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: label, exact: true });

async function openTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('menuitem', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
    .first()
    .click();
  await expect(page.getByLabel('Design name')).toHaveValue(/.+/);
  await expect(page.locator('.react-flow__node-subnet').first()).toBeVisible();
}

/** Presses on `from`, moves in steps onto `to` (a point on the page) and lets go there, as a hand would. */
async function dragPointer(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y - 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
}

/** The centre of `locator` on the page once it stays put (the view may still be following a drop). */
async function centre(locator: Locator) {
  let last = '';
  let point = { x: 0, y: 0 };
  await expect
    .poll(async () => {
      const box = (await locator.boundingBox())!;
      point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const same = JSON.stringify(point) === last;
      last = JSON.stringify(point);
      return same;
    })
    .toBe(true);
  return point;
}

test("the two-AZ template's route tables are pills on the VPC's shelf; hover, add, drag onto a subnet, undo", async ({
  page,
}) => {
  await page.goto('/');
  await openTemplate(page, 'Two AZs, public and private');
  const tables = page.locator('.react-flow__node-routeTable');
  await expect(tables).not.toHaveCount(0);
  // Each is a pill (not a card) naming its rule count, inside its VPC's frame, along its bottom.
  const pills = tables.locator('[data-shelf-pill]');
  await expect(pills).toHaveCount(await tables.count());
  // What a pill says (its words, or when far its accessible name) counts its routes.
  const words = (all: Element[]) => all.map((p) => p.getAttribute('aria-label') ?? p.textContent ?? '');
  for (const said of await pills.evaluateAll(words)) expect(said).toMatch(/\d+ routes?/);
  const vpc = (await page.locator('.react-flow__node-vpc').first().boundingBox())!;
  const subnets = await page
    .locator('.react-flow__node-subnet')
    .evaluateAll((all) => all.map((s) => s.getBoundingClientRect().bottom));
  for (const box of await tables.evaluateAll((all) => all.map((t) => t.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.height).toBeLessThan(40);
    expect(box.top).toBeGreaterThan(Math.max(...subnets));
    expect(box.bottom).toBeLessThanOrEqual(vpc.y + vpc.height);
  }

  // Hovering a pill draws its associations, and only its.
  const associations = page.locator('[data-testid^="rf__edge-association:"]');
  await expect(associations).toHaveCount(0);
  const attached = tables.filter({ hasNot: page.locator('[data-status="main"]') }).first();
  const attachedId = (await attached.getAttribute('data-id'))!;
  await attached.hover();
  await expect(associations.first()).toBeAttached();
  for (const id of await associations.evaluateAll((edges) => edges.map((e) => e.getAttribute('data-testid'))))
    expect(id).toContain(`->${attachedId}:`);
  // …and rings the chips it is drawn as.
  await expect(page.locator(`button[data-chip-id="${attachedId}"][data-hovered="true"]`).first()).toBeVisible();
  await page.mouse.move(5, 450);
  await expect(associations).toHaveCount(0);
  // Reaching the pill with the keyboard (Tab from node to node, React Flow's node focus) does the same.
  await page.locator('.react-flow__node').first().focus();
  for (let presses = 0; presses < 200; presses++) {
    if (await attached.evaluate((node) => node === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(attached).toBeFocused();
  await expect(associations.first()).toBeAttached();
  for (const id of await associations.evaluateAll((edges) => edges.map((e) => e.getAttribute('data-testid'))))
    expect(id).toContain(`->${attachedId}:`);
  await expect(page.locator(`button[data-chip-id="${attachedId}"][data-hovered="true"]`).first()).toBeVisible();
  // Focus moving on takes them away again.
  await page.keyboard.press('Tab');
  await expect(page.locator(`[data-testid^="rf__edge-association:"][data-testid*="->${attachedId}:"]`)).toHaveCount(0);

  // A route table from the palette joins the shelf, acting on nothing yet.
  const count = await tables.count();
  await paletteItem(page, 'Route table').dragTo(page.locator('.react-flow__node-vpc').first(), {
    targetPosition: { x: vpc.width * 0.5, y: vpc.height * 0.5 },
    force: true,
  });
  await expect(tables).toHaveCount(count + 1);
  const unattached = tables.filter({ has: page.locator('[data-status="not attached"]') });
  await expect(unattached).toHaveCount(1);
  const newId = (await unattached.getAttribute('data-id'))!;
  const newTable = page.locator(`.react-flow__node-routeTable[data-id="${newId}"]`);
  expect((await newTable.locator('[data-shelf-pill]').evaluateAll(words))[0]).toContain('not attached');

  // (The drop selected it; a press on the empty canvas clears that, so the drag below can show it selects nothing.)
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(newTable).not.toHaveClass(/selected/);

  // Dragged onto a subnet's body (over what the subnet holds), it becomes that subnet's table; targets light up.
  const subnet = page.locator('.react-flow__node-subnet').first();
  const subnetBox = (await subnet.boundingBox())!;
  const onBody = { x: subnetBox.x + subnetBox.width * 0.5, y: subnetBox.y + subnetBox.height * 0.7 };
  await dragPointer(page, await centre(newTable), onBody);
  await expect(page.getByTestId('shelf-drag').locator('[data-target-id]')).not.toHaveCount(0);
  await expect(page.getByTestId('shelf-drag').locator('[data-over="true"]')).toHaveCount(1);
  await page.mouse.up();
  await expect(page.getByTestId('shelf-drag')).toHaveCount(0);
  await expect(page.getByTestId('pointer-message')).toContainText('now uses Route table');
  await expect(subnet.locator(`button[data-chip-kind="routeTable"][data-chip-id="${newId}"]`)).toBeAttached();
  await expect(newTable.locator('[data-shelf-pill]')).not.toHaveAttribute('data-status', 'not attached');
  // The drag was not a click: the pill is not selected by it.
  await expect(newTable).not.toHaveClass(/selected/);

  // Undo takes the association back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(subnet.locator(`button[data-chip-kind="routeTable"][data-chip-id="${newId}"]`)).toHaveCount(0);
  await expect(newTable.locator('[data-shelf-pill]')).toHaveAttribute('data-status', 'not attached');

  // A drop the engine refuses says why at the pointer: a route table can't be a load balancer's or the Internet's.
  const internet = page.locator('.react-flow__node-internet').first();
  if (await internet.count()) {
    await dragPointer(page, await centre(newTable), await centre(internet));
    await page.mouse.up();
    await expect(page.getByTestId('pointer-message')).toBeVisible();
    await expect(page.getByTestId('pointer-message')).not.toContainText('now uses');
  }

  // A click still selects the pill and opens it in the inspector.
  await newTable.click();
  await expect(page.getByLabel(/^Inspector: /)).toContainText(newId);
});

/**
 * Screenshots at fit view for a look by eye: SHELF_SHOTS=<folder>. They assert nothing, so a normal run
 * (and CI) skips them; the shelf's behaviour is checked by the tests above.
 */
const shots = process.env.SHELF_SHOTS;
for (const theme of ['light', 'dark'] as const)
  test(`fit-view screenshots (${theme})`, async ({ page }) => {
    test.skip(!shots, 'SHELF_SHOTS not set');
    test.setTimeout(90_000);
    await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
    await page.goto('/');
    for (const [name, file] of [
      ['Two AZs, public and private', 'two-az'],
      ['Transit gateway: three VPCs', 'tgw'],
    ] as const) {
      await openTemplate(page, name);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${shots}/${file}-${theme}.png` });
    }
    await page.getByRole('tab', { name: 'Learn' }).click();
    await page.getByRole('button', { name: 'Stateless ACLs, stateful groups' }).first().click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${shots}/lesson-${theme}.png` });
  });
