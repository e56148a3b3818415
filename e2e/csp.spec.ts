import { expect, test } from '@playwright/test';

/**
 * Nimbus runs under its Content-Security-Policy (index.html): no inline script,
 * no eval, workers and images from its own origin, data: and blob: URLs.
 * Any refusal shows as a `securitypolicyviolation` event or a console message.
 */
test('opening a template, playing it and exporting PNG and SVG break no rule of the page’s policy', async ({
  page,
}) => {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));
  `);
  const response = await page.goto('/');
  // The page's own policy, and who may frame it (a header: a <meta> policy can't say that).
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /script-src 'self';/,
  );
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Two AZs/ }).click();
  await expect(page.locator('.react-flow__node-ec2Instance').first()).toBeVisible();

  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(toolbar.getByLabel('Simulated time')).not.toHaveText('00:00:00');
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await toolbar.getByRole('button', { name: 'Pause' }).click();

  for (const format of ['PNG', 'SVG']) {
    await page.getByRole('button', { name: 'Share' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: `Export ${format} image` }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
  }

  expect(await page.evaluate('window.__violations')).toEqual([]);
  expect(messages).toEqual([]);
});
