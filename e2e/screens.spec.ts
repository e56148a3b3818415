import { expect, test, type Page } from '@playwright/test';
import { openTemplatesMenu } from './templateMenu';

/**
 * Every screen size: from 1024 px a header on one line and a canvas at least
 * half the width, with a palette and side panel that resize (keyboard and
 * drag), collapse and are remembered; the palette as a rail from 768 px; on a
 * phone, a view link to look at, tap to inspect and ask, with no sideways scroll.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
}

const sideWidth = async (page: Page) => (await page.locator('aside').boundingBox())!.width;
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

test('at 1024×768 the header is one line, every control visible, and the canvas at least half the width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  const header = page.locator('header');
  const controls = header.locator('button, input:not([type=file])');
  const count = await controls.count();
  expect(count).toBeGreaterThan(5);
  const tops: number[] = [];
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    await expect(control).toBeVisible();
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    tops.push(box.y + box.height / 2);
  }
  // One line: every control's middle at the same height, give or take a pixel or two of rounding.
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(3);
  expect((await header.boundingBox())!.height).toBeLessThan(60);
  // What moved to "More" is still there.
  await header.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'Save as file' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Switch to dark mode/ })).toBeVisible();
  await page.keyboard.press('Escape');

  const canvas = (await page.getByRole('main', { name: 'Canvas' }).boundingBox())!;
  expect(canvas.width).toBeGreaterThanOrEqual(512);
  // Tabs read at 14 px or more.
  const tabSize = await page.getByRole('tab', { name: 'Inspector' }).evaluate((tab) => getComputedStyle(tab).fontSize);
  expect(parseFloat(tabSize)).toBeGreaterThanOrEqual(14);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('at 1280×720 the header leaves the design its name: the less used tools are in More', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  const name = page.getByRole('textbox', { name: 'Design name' });
  expect((await name.boundingBox())!.width).toBeGreaterThanOrEqual(160);
  await page.locator('header').getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'Save as file' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('the side panel resizes by keyboard and drag, collapses and expands, and keeps its size after a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const handle = page.getByRole('separator', { name: 'Resize the side panel' });
  const before = await sideWidth(page);
  await handle.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => sideWidth(page)).toBeGreaterThan(before + 20);
  const byKeyboard = await sideWidth(page);

  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => sideWidth(page)).toBeLessThan(byKeyboard - 40);
  const dragged = await sideWidth(page);

  await page.reload();
  await expect.poll(() => sideWidth(page)).toBeCloseTo(dragged, -1);

  await page.getByRole('button', { name: 'Hide the side panel' }).click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeHidden();
  const wider = (await page.getByRole('main', { name: 'Canvas' }).boundingBox())!.width;
  expect(wider).toBeGreaterThan(1440 - 224 - 100);
  await page.getByRole('button', { name: 'Show the side panel' }).click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
  await expect.poll(() => sideWidth(page)).toBeCloseTo(dragged, -1);
});

test('the palette resizes by keyboard, collapses to a rail and opens again; at 768 px it is a rail', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const palette = page.getByRole('navigation', { name: 'Palette' });
  const before = (await palette.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize the palette' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await palette.boundingBox())!.width).toBeGreaterThan(before + 10);

  await page.getByRole('button', { name: 'Collapse the palette' }).click();
  await expect(page.getByLabel('Search resources')).toBeHidden();
  expect((await palette.boundingBox())!.width).toBeLessThanOrEqual(56);
  // The rail's icons still add resources: a Region dropped by click.
  await palette.getByRole('button', { name: 'Region' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await page.getByRole('button', { name: 'Expand the palette' }).click();
  await expect(page.getByLabel('Search resources')).toBeVisible();

  await page.setViewportSize({ width: 768, height: 800 });
  await expect(page.locator('[data-palette-rail]')).toBeVisible();
  await expect(page.getByLabel('Search resources')).toBeHidden();
  expect((await palette.boundingBox())!.width).toBeLessThanOrEqual(56);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true });

  test('at 390×844 a view link shows the design with no sideways scroll; a tap inspects, a question is answered', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await openTemplate(page, /Two AZs/);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('menuitem', { name: /Copy view-only link/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
    const link = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(link).toMatch(/#view=n1\./);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
    await expect(page.getByRole('note')).toContainText('Editing needs a larger screen');
    await expect(page.getByText('View only', { exact: true })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const canvas = (await page.getByRole('main', { name: 'Canvas' }).boundingBox())!;
    expect(canvas.width).toBeGreaterThanOrEqual(380);

    // Tap an instance: the side panel opens as a sheet on it.
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page
      .locator('.react-flow__node')
      .filter({ hasText: /^Web A/ })
      .first()
      .tap();
    const sheet = page.getByRole('region', { name: 'Side panel' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByLabel('Name', { exact: true })).toHaveValue('Web A');

    await sheet.getByRole('tab', { name: 'Reachability' }).tap();
    const panel = sheet.getByLabel('Reachability', { exact: true });
    await panel.getByLabel('From', { exact: true }).selectOption({ label: 'The internet' });
    await panel.getByLabel('To', { exact: true }).selectOption({ label: 'Web A (10.0.0.10)' });
    await panel.getByLabel('Port', { exact: true }).fill('443');
    await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('Reachable');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await sheet.getByRole('button', { name: 'Close the side panel' }).tap();
    await expect(sheet).toBeHidden();
    await page.getByRole('button', { name: 'Inspect and ask' }).tap();
    await expect(sheet).toBeVisible();
  });
});

test('after a template opens, a try-this card offers next steps; Ask pre-fills the question; closed, it stays closed', async ({
  page,
}) => {
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  const card = page.getByRole('region', { name: 'Try this' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('button')).toHaveCount(4);
  await card.getByRole('button', { name: /Ask: can App A reach the internet on port 443/ }).click();
  await expect(page.getByRole('tab', { name: 'Reachability' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByLabel('Reachability', { exact: true });
  await expect(panel.getByLabel('From', { exact: true }).locator('option:checked')).toHaveText('App A (10.0.1.10)');
  await expect(panel.getByLabel('Port', { exact: true })).toHaveValue('443');
  await expect(panel.getByRole('status', { name: 'Verdict' })).toContainText('Reachable');

  await card.getByRole('button', { name: 'Close these suggestions' }).click();
  await expect(card).toBeHidden();
  await openTemplate(page, /Two AZs/);
  await expect(page.getByRole('status').filter({ hasText: 'Opened the template' }).first()).toBeVisible();
  await expect(card).toBeHidden();
  // Another template still gets its own card, with its lesson.
  await openTemplate(page, /Single public web server/);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Make a subnet public');
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`at ${size.width}×${size.height} and fit view the try-this card covers no node of any template`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await page.goto('/');
    const count = await (await openTemplatesMenu(page)).count();
    expect(count).toBeGreaterThan(5);
    await page.keyboard.press('Escape');
    const card = page.getByRole('region', { name: 'Try this' });
    for (let index = 0; index < count; index++) {
      await page.getByRole('button', { name: 'Templates' }).click();
      const item = page.getByRole('menuitem').nth(index);
      const template = (await item.innerText()).split('\n')[0]!;
      await item.click();
      await expect(card).toBeVisible();
      // Fit view has run once the view stops moving.
      let last = '';
      await expect
        .poll(async () => {
          const now = await page.evaluate(() =>
            JSON.stringify([
              document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform,
              document.querySelectorAll('.react-flow__node').length,
            ]),
          );
          const same = now === last && !now.includes(',0]');
          last = now;
          return same;
        })
        .toBe(true);
      const covered = await card.evaluate((element) => {
        const c = element.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
          .filter((node) => {
            const r = node.getBoundingClientRect();
            return r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom;
          })
          .map((node) => node.dataset.id);
      });
      expect(covered, `${template}: nodes under the card`).toEqual([]);
    }
  });
}

test('at the narrowest side panel the ACL table shows whole rule numbers and Allow/Deny, in view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  // Narrowest the handle allows: one step past it collapses the panel, and one step back opens it at its minimum.
  await page.getByRole('separator', { name: 'Resize the side panel' }).focus();
  const inspectorTab = page.getByRole('tab', { name: 'Inspector' });
  for (let i = 0; i < 30 && (await inspectorTab.isVisible()); i++) await page.keyboard.press('ArrowRight');
  await expect(inspectorTab).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await expect(inspectorTab).toBeVisible();
  await page.locator('.react-flow__node-networkAcl').first().click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const table = page.getByRole('table', { name: 'Inbound rules' });
  await expect(table).toBeVisible();
  const panel = (await page.locator('aside').boundingBox())!;
  expect(panel.width).toBeLessThan(320);
  for (const control of [table.getByLabel('Rule number').first(), table.getByLabel('Allow or deny').first()]) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(panel.x);
    expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
    // The control is wide enough for its whole text: nothing of it is cut.
    const cut = await control.evaluate((el) => {
      const probe = document.createElement('span');
      const style = getComputedStyle(el);
      probe.style.font = style.font;
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      probe.textContent =
        el instanceof HTMLSelectElement ? el.selectedOptions[0]!.text : (el as HTMLInputElement).value;
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return needed > el.clientWidth - padding - (el instanceof HTMLSelectElement ? 16 : 14);
    });
    expect(cut).toBe(false);
  }
});
