import type { Locator } from '@playwright/test';

/** Sets a route row's Target select to the first option whose label matches, naming the choices when none does. */
export async function chooseRouteTarget(row: Locator, target: RegExp): Promise<void> {
  const select = row.getByLabel('Target');
  const options = await select.locator('option').allInnerTexts();
  const label = options.find((o) => target.test(o));
  if (!label) throw new Error(`no target like ${target} in ${options.join(', ')}`);
  await select.selectOption({ label });
}
