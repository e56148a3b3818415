import { expect, test } from '@playwright/test';

test('right-clicking the empty canvas adds a resource there, fits the view and tidies up; Shift+F10 opens it too', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  await expect(page.locator('.react-flow__node-vpc')).toBeVisible();
  // The next steps card is not what this test is about; the view follows the new node and could put it under it.
  await page.getByRole('region', { name: 'Try this' }).getByRole('button', { name: 'Close these suggestions' }).click();
  const before = await page.locator('.react-flow__node').count();

  // An empty spot of the pane, right of the design.
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  const region = (await page.locator('.react-flow__node-region').boundingBox())!;
  const spot = { x: Math.min(box.x + box.width - 40, region.x + region.width + 60), y: box.y + box.height / 2 };
  await page.mouse.click(spot.x, spot.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Canvas' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Add here…' }).click();
  await page.getByRole('menu', { name: 'Add here' }).getByRole('menuitem', { name: 'Region', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
  await expect(page.getByLabel(/^Inspector: /)).toBeVisible();

  // A node's right-click is still its own question, not this menu.
  await page.locator('.react-flow__node-ec2Instance').click({ button: 'right', position: { x: 40, y: 10 } });
  await expect(menu).toHaveCount(0);

  // From the keyboard: the canvas takes focus, Shift+F10 opens the menu, Fit view runs.
  await page.getByRole('group', { name: 'Canvas' }).focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Fit view' }).click();
  await expect(menu).toHaveCount(0);
  await page.mouse.click(spot.x, box.y + 20, { button: 'right' });
  await expect(menu.getByRole('menuitem', { name: 'Tidy up' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
});

test('a right-click on the canvas before the menu code has loaded opens the menu where it was asked for', async ({
  page,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/PaneMenuContent-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const pane = page.locator('.react-flow__pane');
  await expect(pane).toBeVisible();
  const box = (await pane.boundingBox())!;
  const spot = { x: box.x + box.width - 80, y: box.y + 80 };
  await page.mouse.click(spot.x, spot.y, { button: 'right' });
  release();
  const menu = page.getByRole('menu', { name: 'Canvas' });
  await expect(menu).toBeVisible();
  const at = (await menu.boundingBox())!;
  // Radix puts the menu at the pointer (shifted only to stay inside the window).
  expect(Math.abs(at.y - spot.y)).toBeLessThan(40);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
});
