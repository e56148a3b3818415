import { chromium, type Browser } from '@playwright/test';
import { parseDesign, resourcesOfKind, type Design } from '../src/domain';
import { analyzeReachability } from '../src/engine';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { percentile, PORT, startPreview, waitInPage } from './canvas';
import { generateDesign } from './generate';

/**
 * Animated traffic as a user sees it: frame intervals (requestAnimationFrame)
 * and main-thread busy time per frame while a few hundred packets are in flight
 * over a 50-resource design, in headless Chromium against the built app.
 */
/** The figure the target is set for: at least this many packets in flight. */
const MIN_PACKETS = 200;

export interface TrafficRow {
  resources: number;
  flows: number;
  packetsMedian: number;
  packetsMin: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frameWorstMs: number;
  busyPerFrameMs: number;
  frames: number;
  /** Main-thread tasks over 50 ms while measuring (the longtask observer reports only those). */
  longTasks: number;
  longestTaskMs: number;
}

/** Internet users sending HTTPS to every public instance of a generated design. */
export function trafficDesign(resources: number, maxFlows = Infinity): Design {
  const generated = generateDesign(resources);
  const parsed = parseDesign({
    ...generated,
    resources: { ...generated.resources, 'internet-1': { kind: 'internet', id: 'internet-1', name: 'Internet' } },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const design = parsed.design;
  const publicInstances = resourcesOfKind(design, 'ec2Instance').filter((instance) => {
    const outcome = analyzeReachability(design, {
      from: { kind: 'internet' },
      to: { kind: 'resource', id: instance.id },
      protocol: 'tcp',
      port: 443,
    });
    return outcome.ok && outcome.result.reachable;
  });
  design.flows = publicInstances.slice(0, maxFlows).map((instance, i) => ({
    id: `flow-${i + 1}`,
    name: `Users to ${instance.name}`,
    from: 'internet',
    to: instance.id,
    protocol: 'tcp',
    port: 443,
    ratePerSecond: 200,
  }));
  return design;
}

export async function runTrafficBench(resources: number, flowCounts: readonly number[]): Promise<TrafficRow[]> {
  const server = await startPreview();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const rows: TrafficRow[] = [];
    for (const flows of flowCounts) rows.push(await measureTraffic(browser, trafficDesign(resources, flows)));
    return rows;
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

async function measureTraffic(browser: Browser, design: Design): Promise<TrafficRow> {
  {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(`
      localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(design))});
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    `);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('.react-flow__node').first().waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
    await toolbar.getByLabel('Speed').selectOption('60');
    await toolbar.getByRole('button', { name: 'Play' }).click();
    await waitInPage(
      page,
      `Number(document.querySelector('[data-testid="traffic-overlay"]')?.dataset.packets ?? 0) >= ${MIN_PACKETS}`,
      30_000,
    );
    await page.evaluate(`
      window.__longTasks = [];
      window.__frames = [];
      window.__packets = [];
      window.__recording = true;
      let last = performance.now();
      const canvas = document.querySelector('[data-testid="traffic-overlay"]');
      const tick = (now) => {
        window.__frames.push(now - last);
        window.__packets.push(Number(canvas.dataset.packets ?? 0));
        last = now;
        if (window.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    `);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    const busyBefore = await taskSeconds();
    await page.waitForTimeout(6000);
    const busyMs = ((await taskSeconds()) - busyBefore) * 1000;
    const frames = (await page.evaluate('window.__recording = false; window.__frames.slice(2)')) as number[];
    const packets = (await page.evaluate('window.__packets.slice(2)')) as number[];
    const tasks = (await page.evaluate('window.__longTasks')) as number[];
    await context.close();
    return {
      resources: Object.keys(design.resources).length,
      flows: design.flows?.length ?? 0,
      packetsMedian: percentile(packets, 0.5),
      packetsMin: Math.min(...packets),
      frameMedianMs: percentile(frames, 0.5),
      frameP95Ms: percentile(frames, 0.95),
      frameWorstMs: Math.max(...frames),
      busyPerFrameMs: busyMs / frames.length,
      frames: frames.length,
      longTasks: tasks.length,
      longestTaskMs: Math.max(0, ...tasks),
    };
  }
}
