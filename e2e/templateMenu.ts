import { expect, type Locator, type Page } from '@playwright/test';
import { TEMPLATE_INFO } from '../src/scenarios/templateInfo';

/**
 * Opens the Templates menu and waits for all its items: the menu's code may
 * still be loading when the button is clicked (it opens when it arrives), so a
 * count read at once can be 0.
 */
export async function openTemplatesMenu(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Templates' }).click();
  const items = page.getByRole('menuitem');
  await expect(items).toHaveCount(TEMPLATE_INFO.length);
  return items;
}
