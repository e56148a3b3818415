import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { haSimDesign } from './haSim';
import { startPreview } from './canvas';
import { chromiumLaunchOptions } from '../e2e/chromium';
async function main() {
  const server = await startPreview();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const design = haSimDesign();
    await page.addInitScript(`localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(design))});`);
    await page.goto(`http://127.0.0.1:4318/`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.waitForTimeout(1000);
    const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
    await toolbar.getByLabel('Speed').selectOption('3600');
    await toolbar.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('tab', { name: process.argv[2] ?? 'Simulation' }).click();
    await page.waitForTimeout(1500);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    await page.waitForTimeout(5000);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync('/tmp/browser.cpuprofile', JSON.stringify(profile));
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
  process.exit(0);
}
void main();
