import { expect, test, type Locator, type Page } from '@playwright/test';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const shots = '/tmp/a11y-shots';

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  // A template's builder is fetched when it is chosen: wait for the design before editing it.
  await expect(page.getByLabel('Design name')).toHaveValue(name);
}

/** Opens a header menu from the keyboard, walks it with the arrow keys, and closes it with Escape. */
async function walkMenu(page: Page, trigger: Locator) {
  await trigger.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const items = menu.getByRole('menuitem');
  const texts = (await items.allInnerTexts()).map((t) => t.trim());
  expect(texts.length).toBeGreaterThan(2);
  // Opened from the keyboard, the first item is active; the arrows move through the others and wrap.
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();
  return texts;
}

test('Escape closes the Templates and Share menus, arrow keys move through their items, and focus returns', async ({
  page,
}) => {
  await page.goto('/');
  const templates = page.getByRole('button', { name: 'Templates' });
  const names = await walkMenu(page, templates);
  expect(names[0]).toContain('Single public web server');
  // A click opens it too; Escape closes that as well.
  await templates.click();
  await expect(page.getByRole('menu', { name: 'Templates' })).toBeVisible();
  await page.screenshot({ path: `${shots}/templates-menu-light.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  await openTemplate(page, /Two AZs/);
  const share = page.getByRole('button', { name: 'Share' });
  const items = await walkMenu(page, share);
  expect(items.map((t) => t.split('\n')[0])).toEqual([
    'Copy link',
    'Copy view-only link',
    'Copy embed code',
    'Export PNG image',
    'Export SVG image',
    'Export as CloudFormation (YAML)',
    'Export as CloudFormation (JSON)',
    'Export as Terraform (HCL)',
  ]);
  // Enter on an item chooses it and closes the menu.
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await share.click();
  await expect(page.getByRole('menu', { name: 'Share' })).toBeVisible();
  await page.screenshot({ path: `${shots}/share-menu-dark.png` });
  await page.keyboard.press('Escape');
  await expect(share).toBeFocused();
});

test('Escape closes the shortcut sheet, the library and the confirmation, and focus returns to what opened them', async ({
  page,
}) => {
  await page.goto('/');
  const shortcuts = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await shortcuts.click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  // Mouse rows read gesture first, then what it does, under their own headers.
  const mouse = sheet.getByRole('table', { name: 'Mouse' });
  await expect(mouse.getByRole('columnheader')).toHaveText(['Mouse', 'What it does']);
  await expect(mouse.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    'Drag from the palette',
    'add a resource where you drop it',
  ]);
  await page.screenshot({ path: `${shots}/shortcuts-light.png` });
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(shortcuts).toBeFocused();
  // "?" opens it from the keyboard too.
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  const library = page.getByRole('button', { name: 'Library' });
  await library.click();
  const designs = page.getByRole('dialog', { name: 'Your designs' });
  await expect(designs).toBeVisible();
  await expect(designs.getByRole('button', { name: 'Close' })).toBeFocused();
  // Focus stays inside while it is open.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  expect(await designs.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(designs).toHaveCount(0);
  await expect(library).toBeFocused();

  await openTemplate(page, /Single public web server/);
  await node(page, 'subnet').click({ position: { x: 80, y: 12 } });
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('1 resource inside will be deleted too');
  await expect(confirm.getByRole('button', { name: /Delete 2 resources/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  // Nothing was deleted.
  await expect(node(page, 'ec2Instance')).toHaveCount(1);
});

test('the side panel tabs move with the arrow keys', async ({ page }) => {
  await page.goto('/');
  const problems = page.getByRole('tab', { name: /Problems/ });
  await problems.click();
  await expect(problems).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  const subnets = page.getByRole('tab', { name: 'Subnets' });
  await expect(subnets).toBeFocused();
  await expect(subnets).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText(/CIDR/);
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
});

test('right-click "Can this reach…?" makes the instance the source and leaves a different destination', async ({
  page,
}) => {
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  const instances = node(page, 'ec2Instance');
  const first = instances.first();
  const name = (await first.innerText()).split('\n')[0]!.trim();
  // The form's default destination is this very instance: picking it as the source used to make From and To equal.
  await page.getByRole('tab', { name: 'Reachability' }).click();
  await expect(page.getByLabel('To', { exact: true }).locator('option:checked')).toContainText(name);
  await first.click({ button: 'right' });
  await expect(page.getByRole('tab', { name: 'Reachability' })).toHaveAttribute('aria-selected', 'true');
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  await expect(from.locator('option:checked')).toContainText(name);
  const fromValue = await from.inputValue();
  expect(await to.inputValue()).not.toBe(fromValue);
  // The destination chosen before stays when another source is picked.
  const second = instances.nth(1);
  const target = await to.inputValue();
  await second.click({ button: 'right' });
  await expect(from).not.toHaveValue(fromValue);
  if ((await from.inputValue()) !== target) await expect(to).toHaveValue(target);
  expect(await to.inputValue()).not.toBe(await from.inputValue());
});

test('notices are toasts over the canvas that never move it; the last design opened replaces the one before; news fades', async ({
  page,
}) => {
  await page.goto('/');
  const canvas = page.getByRole('main', { name: 'Canvas' });
  const before = (await canvas.boundingBox())!;
  for (const name of [/Two AZs/, /Single public web server/, /Serverless API/]) await openTemplate(page, name);
  const toasts = page.getByRole('status').filter({ hasText: 'Opened the template' });
  // Six "Opened the template…" bars after six templates was the complaint: only the latest is news.
  await expect(toasts).toHaveCount(1);
  await expect(toasts).toContainText('Serverless API');
  await expect.poll(async () => (await canvas.boundingBox())!.y).toBe(before.y);
  expect((await canvas.boundingBox())!.height).toBe(before.height);
  // News fades after 8 s, so every look at a toast comes right after the step that showed it, never after a
  // slow one (a screenshot, a theme change). It can be dismissed at once...
  await toasts.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(toasts).toHaveCount(0);
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await openTemplate(page, /Two AZs/);
  await expect(toasts).toHaveCount(1);
  await page.screenshot({ path: `${shots}/toasts-dark.png` });
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await openTemplate(page, /Single public web server/);
  await expect(toasts).toHaveCount(1);
  await page.screenshot({ path: `${shots}/toasts-light.png` });
  // ...or fades by itself.
  await page.mouse.move(5, 5);
  await expect(toasts).toHaveCount(0, { timeout: 15_000 });
});

test('a dismissed notice never takes focus back later: a header menu opened right after stays open', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await openTemplate(page, /Single public web server/);
  const toast = page.getByRole('status').filter({ hasText: 'Opened the template' });
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  // The toast list used to hand focus back to the theme button when its exit animation ended, a few hundred ms
  // after the dismissal: on a busy machine, after the next click, and the menu that click opened closed at once.
  // Holding the page's timers while the menu opens makes that order certain.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Templates' }).click();
  const menu = page.getByRole('menu', { name: 'Templates' });
  await expect(menu).toBeVisible();
  await page.clock.resume();
  await expect(page.locator('[data-sonner-toaster]')).toHaveCount(0);
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: /Two AZs/ }).click();
  await expect(page.getByLabel('Design name')).toHaveValue(/Two AZs/);

  // From the keyboard, dismissing gives focus back at once to where it was before it entered the notice.
  const themeButton = page.getByRole('button', { name: 'Switch to light mode' });
  await themeButton.focus();
  await toast.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(toast).toHaveCount(0);
  await expect(themeButton).toBeFocused();
});

test('a refusal at the pointer goes as soon as the next edit succeeds', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Single public web server/);
  const pane = page.locator('.react-flow__pane');
  const palette = page.getByRole('navigation', { name: 'Palette' });
  const box = (await pane.boundingBox())!;
  await palette
    .getByRole('button', { name: 'EC2 instance', exact: true })
    .dragTo(pane, { targetPosition: { x: box.width * 0.95, y: box.height * 0.05 }, force: true });
  const message = page.getByTestId('pointer-message');
  await expect(message).toContainText("can't go on the open canvas");
  await page.screenshot({ path: `${shots}/refusal-light.png` });
  // A successful edit right after: the design name.
  await page.getByLabel('Design name').fill('Renamed at once');
  await expect(message).toHaveCount(0, { timeout: 1000 });
});

test('the SSH fix opens port 22 to the administrators’ range, not the whole internet', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  await page.getByRole('tab', { name: 'Reachability' }).click();
  await page.getByLabel('Port', { exact: true }).fill('22');
  const offer = page.getByRole('region', { name: 'Fix: allow SSH from your administrators' });
  await expect(offer).toContainText('not 0.0.0.0/0');
  const range = offer.getByLabel(/Administrators' range/);
  await expect(range).toHaveValue('203.0.113.0/24');
  await range.fill('0.0.0.0/0');
  await expect(offer).toContainText('0.0.0.0/0 opens SSH to the whole internet; enter your own range');
  await expect(offer.getByRole('button')).toBeDisabled();
  await range.fill('198.51.100.0/28');
  await offer.getByRole('button', { name: 'Add inbound TCP 22 from 198.51.100.0/28 to web' }).click();
  // The question now asks from an administrator's address, which gets in.
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('198.51.100.1');
  await expect(page.getByRole('status', { name: 'Verdict' })).toContainText('Reachable');
});

test('a menu asked for before its code has loaded opens when it arrives: from the keyboard with the first item active, and by a click', async ({
  page,
}) => {
  // Hold the menus' code back (it is fetched when the page is idle) until the user has asked for a menu.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/MenuButtonMenu-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const templates = page.getByRole('button', { name: 'Templates' });
  await templates.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toHaveCount(0);
  release();
  const menu = page.getByRole('menu', { name: 'Templates' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(templates).toBeFocused();

  // A click on a button drawn before the code loaded (a new page, the code held again) opens its menu too.
  await page.unrouteAll();
  let releaseAgain: () => void = () => undefined;
  const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
  const context = await page.context().browser()!.newContext();
  const second = await context.newPage();
  await second.route(/\/assets\/MenuButtonMenu-[^/]+\.js$/, async (route) => {
    await heldAgain;
    await route.continue();
  });
  await second.goto(page.url());
  await second.getByRole('button', { name: 'Templates' }).click();
  releaseAgain();
  await expect(second.getByRole('menu', { name: 'Templates' })).toBeVisible();
  await second.keyboard.press('Escape');
  await expect(second.getByRole('menu')).toHaveCount(0);
  await context.close();
});
