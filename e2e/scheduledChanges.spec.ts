import { expect, test } from '@playwright/test';

test('a user schedules a security-group rule to go at minute 5, sees it in words, and undoes it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Single public web server/ }).click();
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const section = page.getByRole('region', { name: 'Scheduled changes' });
  await expect(section).toContainText('None.');
  await section.getByLabel('Change', { exact: true }).selectOption({ label: 'Remove a security-group rule' });
  await section.getByLabel('Change applies to').selectOption({ label: 'web' });
  await section.getByLabel('Rule to remove').selectOption({ label: '2. TCP 443 from 0.0.0.0/0' });
  await section.getByLabel('Change at minute').fill('5');
  await section.getByRole('button', { name: 'Add change' }).click();
  const list = section.getByRole('list', { name: 'Scheduled changes list' });
  await expect(list).toContainText("At 5:00, remove web's inbound rule TCP 443 from 0.0.0.0/0");

  // A route added at minute 10 through the internet gateway.
  await section.getByLabel('Change', { exact: true }).selectOption({ label: 'Add a route' });
  await section.getByLabel('Change applies to').selectOption({ label: 'Public routes' });
  await section.getByLabel('Destination').fill('203.0.113.0/24');
  await section.getByLabel('Change at minute').fill('10');
  await section.getByRole('button', { name: 'Add change' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('At 10:00, add the route 203.0.113.0/24 → Internet gateway to Public routes');

  // Each addition is one undo step; removing one from the list is another.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await section.getByRole('button', { name: /Remove scheduled change: At 5:00/ }).click();
  await expect(section).toContainText('None.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/scheduled-changes.png' });
  expect(errors).toEqual([]);
});
