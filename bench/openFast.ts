import { existsSync, readFileSync } from 'node:fs';
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

/** The module main.tsx imports as soon as it runs (after a link's worker has loaded): the app itself. */
const BOOT_MODULE = 'src/boot.tsx';

interface ManifestChunk {
  file: string;
  dynamicImports?: string[];
}

/**
 * The JavaScript the built index.html needs before the canvas can appear: its
 * module scripts, its modulepreload links, every chunk those import statically,
 * and the app that main.tsx imports dynamically at once (boot.tsx, found through
 * the build's manifest, with every chunk it imports statically). Other dynamic
 * imports are fetched later, on demand, so they are not counted.
 */
export function startupScripts(dist = 'dist'): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const manifestFile = join(dist, '.vite', 'manifest.json');
  // Builds from before the app was imported dynamically have no manifest: their HTML names everything.
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>)
    : {};
  const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
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
    if (byFile.get(file)?.dynamicImports?.includes(BOOT_MODULE)) queue.push(manifest[BOOT_MODULE]!.file);
  }
  if (existsSync(manifestFile) && ![...seen].includes(manifest[BOOT_MODULE]?.file ?? '')) {
    throw new Error(`The page no longer imports ${BOOT_MODULE}: update startupScripts (bench/openFast.ts).`);
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
