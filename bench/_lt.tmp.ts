import { chromium } from '@playwright/test';
import { haSimDesign } from './haSim';
import { startPreview } from './canvas';
import { chromiumLaunchOptions } from '../e2e/chromium';
async function main() {
  const server = await startPreview();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const tab of ['Inspector', 'Simulation']) {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.addInitScript(`localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify({ ...haSimDesign(), simulation: { ...haSimDesign().simulation!, faults: [] } }))});
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`);
      await page.goto(`http://127.0.0.1:4318/`);
      await page.locator('.react-flow__node').first().waitFor();
      await page.waitForTimeout(1000);
      const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
      await toolbar.getByLabel('Speed').selectOption('3600');
      await toolbar.getByRole('button', { name: 'Play' }).click();
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(1500);
      await page.evaluate('window.__longTasks = []');
      await page.waitForTimeout(8000);
      const tasks = (await page.evaluate('window.__longTasks')) as number[];
      const launched = await page.locator('[data-launched="true"]').count();
      console.log(tab, 'long tasks', tasks.length, 'longest', Math.max(0, ...tasks).toFixed(0), 'launched nodes', launched, 'nodes', await page.locator('.react-flow__node').count());
      await page.close();
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
  process.exit(0);
}
void main();
