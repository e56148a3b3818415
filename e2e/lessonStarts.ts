import { expect, type Locator, type Page } from '@playwright/test';

/** The course's lesson buttons in the Learn tab (each opens the lesson's starting design). */
const lessonButtons = (page: Page): Locator => page.getByRole('tabpanel').locator('ol > li > button');

/** How many lessons the Learn tab lists; leaves the tab showing the list. */
export async function lessonCount(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(lessonButtons(page).first()).toBeVisible();
  return lessonButtons(page).count();
}

/** Opens the lesson at `index` in the list (back to the list first when one is open) and returns its title. */
export async function openLesson(page: Page, index: number): Promise<string> {
  await page.getByRole('tab', { name: 'Learn' }).click();
  const back = page.getByRole('button', { name: 'All lessons' });
  if (await back.isVisible()) await back.click();
  const button = lessonButtons(page).nth(index);
  const title = (await button.innerText()).split('\n')[0]!;
  await button.click();
  await expect(back).toBeVisible();
  return `lesson "${title}"`;
}
