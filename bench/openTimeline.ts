import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { shareUrl } from '../src/share/links';
import { TEMPLATES } from '../src/scenarios/templates';
import { startPreview, waitInPage } from './canvas';

/**
 * Where the time of opening a view link goes: for one fresh load, when each script
 * (page and worker) started and finished loading, when the worker was created and
 * when the design's nodes were all drawn. `NIMBUS_BENCH_PORT=4391 npx tsx bench/openTimeline.ts`
 * (NIMBUS_BENCH_DIR and NIMBUS_BENCH_NO_BUILD=1 as in openFastAlone.ts).
 */
const port = Number(process.env.NIMBUS_BENCH_PORT ?? 4391);
const cwd = process.env.NIMBUS_BENCH_DIR ?? process.cwd();
const server = await startPreview(port, process.env.NIMBUS_BENCH_NO_BUILD !== '1', cwd);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const template = TEMPLATES.find((t) => t.id === 'two-tier')!;
  const link = shareUrl(template.build(), 'view', `http://127.0.0.1:${port}/`);
  for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const workerTimes: string[] = [];
    page.on('worker', (worker) => workerTimes.push(`worker created (${worker.url().split('/').pop()})`));
    await page.addInitScript(`
      window.__marks = [];
      const OriginalWorker = window.Worker;
      window.Worker = class extends OriginalWorker {
        constructor(...args) { window.__marks.push(['new Worker', performance.now()]); super(...args);
          this.addEventListener('message', () => { if (!this.__answered) { this.__answered = true; window.__marks.push(['worker first message', performance.now()]); } }); }
      };
      new MutationObserver((_, observer) => {
        const n = document.querySelectorAll('.react-flow__node').length;
        if (n > 0 && !window.__firstNode) { window.__firstNode = true; window.__marks.push(['first node', performance.now()]); }
        if (n >= 26) { window.__marks.push(['all 26 nodes', performance.now()]); window.__allDrawnAt = performance.now(); observer.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    `);
    await page.goto(link);
    await waitInPage(page, 'window.__allDrawnAt !== undefined', 60_000);
    const result = (await page.evaluate(`({
      marks: window.__marks,
      nav: (() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd }; })(),
      resources: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), r.startTime, r.responseEnd, r.initiatorType]),
      paint: performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
    })`)) as {
      marks: [string, number][];
      nav: Record<string, number>;
      resources: [string, number, number, string][];
      paint: [string, number][];
    };
    const rows: [number, string][] = [
      ...result.marks.map(([name, t]) => [t, name] as [number, string]),
      ...result.paint.map(([name, t]) => [t, name] as [number, string]),
      ...Object.entries(result.nav).map(([name, t]) => [t, `navigation ${name}`] as [number, string]),
      ...result.resources.map(
        ([name, start, end, by]) => [end, `loaded ${name} (${by}, from ${start.toFixed(0)})`] as [number, string],
      ),
    ];
    process.stdout.write(`--- run ${run + 1} ${workerTimes.join(', ')}\n`);
    for (const [t, what] of rows.sort((a, b) => a[0] - b[0]))
      process.stdout.write(`${t.toFixed(0).padStart(6)}  ${what}\n`);
    await context.close();
  }
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
