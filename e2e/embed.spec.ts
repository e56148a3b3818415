import { expect, test } from '@playwright/test';
import { embedUrl } from '../src/share/links';
import { TEMPLATES } from '../src/scenarios/templates';

/**
 * A course page on another site frames the embed page: the design is drawn with
 * no header, palette or side panel, read-only, with a link to the full app. The
 * full app itself refuses to be framed (frame-ancestors 'none').
 */
test('a course page on another site frames the embed link: the design, no chrome, a link to the app', async ({
  page,
  baseURL,
}) => {
  const twoAz = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
  const embed = embedUrl(twoAz, `${baseURL}/`);
  // The course site: another origin (localhost, not 127.0.0.1) on this machine. Chromium lets only a page
  // served from a local address frame a local one, so the course page is written into a document of that
  // origin, a plain file with no policy of its own (the app's page would forbid frames in it).
  await page.goto(baseURL!.replace('127.0.0.1', 'localhost') + '/manifest.webmanifest');
  await page.setContent(`<!doctype html><h1>Lesson 4</h1>
    <iframe id="embed" src="${embed}" title="Two AZs (Nimbus)" width="960" height="560"></iframe>
    <iframe id="app" src="${baseURL}/" title="The full app" width="400" height="300"></iframe>`);

  const frame = page.frameLocator('#embed');
  await expect(frame.locator('.react-flow__node-ec2Instance').first()).toBeVisible();
  expect(await frame.locator('.react-flow__node').count()).toBeGreaterThan(10);
  await expect(frame.getByText(twoAz.name)).toBeVisible();
  // No chrome: no header, no palette, no side panel tabs.
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByRole('tablist')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Templates' })).toHaveCount(0);

  // Click to see what a box is; nothing can be deleted.
  const instance = frame.locator('.react-flow__node-ec2Instance').first();
  await instance.click();
  await expect(frame.getByRole('region', { name: 'Selected resource' })).toContainText('EC2 instance');
  const before = await frame.locator('.react-flow__node').count();
  await page.keyboard.press('Delete');
  expect(await frame.locator('.react-flow__node').count()).toBe(before);

  // "Open in Nimbus" opens the full app on the same view link, in a new tab.
  const open = frame.getByRole('link', { name: /Open in Nimbus/ });
  await expect(open).toHaveAttribute('target', '_blank');
  const [tab] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
  await expect(tab.getByRole('banner')).toBeVisible();
  await expect(tab.locator('.react-flow__node-ec2Instance').first()).toBeVisible();
  expect(new URL(tab.url()).pathname).toBe('/');

  // The full app is not framed.
  await expect(page.frameLocator('#app').getByRole('banner')).toHaveCount(0);
});
