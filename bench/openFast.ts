import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { shareUrl } from '../src/share/links';
import { TEMPLATES } from '../src/scenarios/templates';
import { PORT, startPreview, waitInPage } from './canvas';

/**
 * How fast Nimbus opens: the JavaScript the browser must fetch before the
 * canvas can appear, and the time from navigation to a share link's design drawn.
 */

/**
 * The JavaScript the built index.html loads before anything else can run: its
 * module scripts, its modulepreload links, and every chunk those import
 * statically (a dynamic `import()` is fetched later, on demand, so it is not counted).
 */
export function startupScripts(dist = 'dist'): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map(([, src]) => src!.replace(/^\//, ''));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports in minified output: `import{a}from"./x.js"`, `import"./x.js"`, `export{b}from"./x.js"`.
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) {
      queue.push(join(file, '..', spec!));
    }
  }
  return [...seen].sort();
}

export function startupGzipBytes(dist = 'dist'): { files: number; bytes: number; gzipBytes: number } {
  const files = startupScripts(dist);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const code = readFileSync(join(dist, file));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { files: files.length, bytes, gzipBytes };
}

export interface OpenFastResult {
  startup: { files: number; bytes: number; gzipBytes: number };
  template: string;
  nodes: number;
  /** Navigation to every node of the viewed design in the DOM, one figure per fresh page load. */
  openMs: number[];
  medianOpenMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Opens `#view=<two-AZ template>` in `runs` fresh browser contexts (empty cache, no service worker). */
export async function runOpenFastBench(
  runs = 5,
  port = PORT,
  build = true,
  cwd = process.cwd(),
): Promise<OpenFastResult> {
  const server = await startPreview(port, build, cwd);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const template = TEMPLATES.find((t) => t.id === 'two-tier')!;
    const link = shareUrl(template.build(), 'view', `http://127.0.0.1:${port}/`);
    // How many nodes the design draws, counted once the page has settled.
    const probe = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const probePage = await probe.newPage();
    await probePage.goto(link);
    await probePage.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    await probePage.waitForTimeout(2000);
    const nodes = await probePage.locator('.react-flow__node').count();
    await probe.close();

    const openMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      // As text: tsx rewrites functions with helpers the page does not have.
      await page.addInitScript(`
        new MutationObserver((_, observer) => {
          if (document.querySelectorAll('.react-flow__node').length >= ${nodes}) {
            window.__allDrawnAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      `);
      await page.goto(link);
      await waitInPage(page, 'window.__allDrawnAt !== undefined', 60_000);
      openMs.push((await page.evaluate('window.__allDrawnAt')) as number);
      await context.close();
    }
    return {
      startup: startupGzipBytes(join(cwd, 'dist')),
      template: template.name,
      nodes,
      openMs,
      medianOpenMs: median(openMs),
    };
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}
