import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Who may frame Nimbus. A `<meta>` policy cannot say it (browsers ignore
 * frame-ancestors there), so it is a response header. The app itself may not be
 * framed (no clickjacking of its buttons). The embed page (embed.html) exists to
 * be framed by course pages, which can be anywhere, so the dev and preview
 * servers let any site frame that page alone; a real host lists its course
 * sites instead (README, "Embedding"). The fragment never reaches a server,
 * which is why the embed page is a path of its own rather than a `#embed=` link.
 */
export const FRAME_POLICY = { 'Content-Security-Policy': "frame-ancestors 'none'" };
export const EMBED_FRAME_POLICY = { 'Content-Security-Policy': 'frame-ancestors *' };

function framePolicy(): Plugin {
  const middleware = (
    req: { url?: string },
    res: { setHeader: (name: string, value: string) => void },
    next: () => void,
  ) => {
    const path = (req.url ?? '/').split(/[?#]/)[0]!;
    const policy = path.endsWith('/embed.html') ? EMBED_FRAME_POLICY : FRAME_POLICY;
    for (const [name, value] of Object.entries(policy)) res.setHeader(name, value);
    next();
  };
  return {
    name: 'nimbus:frame-policy',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/**
 * The dev server adds inline scripts to index.html (React Refresh's preamble).
 * The page's policy allows no inline script, so in dev each of them is named
 * by its hash in script-src; the built app has none and gets no hash.
 */
function devScriptHashes(): Plugin {
  return {
    name: 'nimbus:csp-dev-script-hashes',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
          ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
        );
        return hashes.length > 0 ? html.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`) : html;
      },
    },
  };
}

/**
 * Keeps heavy modules out of the JavaScript before the canvas (docs/architecture.md,
 * "What loads when"): the build fails when one of them is in the page entry's chunks,
 * the app's (boot.tsx, which main.tsx imports at once) or a chunk those import
 * statically.
 */
export const NOT_BEFORE_THE_CANVAS: { test: RegExp; why: string; inlinedOnly?: boolean }[] = [
  { test: /[\\/]node_modules[\\/]fflate[\\/]/, why: 'the link codec is fetched when a link is made or decoded here' },
  {
    test: /[\\/]node_modules[\\/]aws-icons[\\/]/,
    why: 'icons are files, requested when drawn',
    // Its URL may be there, not the icon inlined as a data URL.
    inlinedOnly: true,
  },
  { test: /[\\/]src[\\/]share[\\/]urlCodec\.ts$/, why: 'the link codec is fetched when a link is made' },
  { test: /[\\/]src[\\/]ui[\\/]shareDesign\.ts$/, why: 'Share actions are fetched on first use' },
  {
    test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]domain[\\/].*\.schema\.ts$|[\\/]src[\\/]domain[\\/]parse\.ts$/,
    why: 'the readers of stored designs (store/storedText.ts) load beside the app, and specs need no schema',
  },
  {
    test: /[\\/]node_modules[\\/]@radix-ui[\\/]react-(menu|dropdown-menu|context-menu)[\\/]/,
    why: 'menus are fetched when the page is idle or on first use (ui/MenuButton.tsx, canvas/PaneMenu.tsx)',
  },
];
const BOOT_MODULE = /[\\/]src[\\/]boot\.tsx$/;

function firstJavaScriptCheck(): Plugin {
  return {
    name: 'nimbus:first-javascript-check',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output]] : [])),
      );
      // The worker's build has chunks of its own and no boot.tsx: nothing to check there.
      const boot = [...chunks.values()].find((chunk) => BOOT_MODULE.test(chunk.facadeModuleId ?? ''));
      if (!boot) return;
      const first = new Set<string>();
      const queue = [boot.fileName, ...[...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName)];
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (first.has(file)) continue;
        first.add(file);
        queue.push(...(chunks.get(file)?.imports ?? []));
      }
      const found = [...first].flatMap((file) =>
        Object.entries(chunks.get(file)!.modules).flatMap(([id, module]) =>
          NOT_BEFORE_THE_CANVAS.filter(
            (rule) => rule.test.test(id) && (!rule.inlinedOnly || (module.code ?? '').includes('data:')),
          ).map((rule) => `${id} in ${file} (${rule.why})`),
        ),
      );
      if (found.length > 0) this.error(`Heavy modules in the JavaScript before the canvas:\n${found.join('\n')}`);
    },
  };
}

/**
 * Installable, and opens again with no network after one visit: a service worker
 * (Workbox, generated at build) precaches the app shell, every lazy chunk, the
 * analysis worker and the icons. main.tsx registers it; a new build replaces
 * the old one on the next visit (autoUpdate). The dev server runs without it.
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  // main.tsx registers it (from the app's own bundle: the page allows no inline script).
  injectRegister: false,
  devOptions: { enabled: false },
  includeAssets: ['favicon.svg'],
  manifest: {
    name: 'Nimbus — AWS architecture playground',
    short_name: 'Nimbus',
    description: 'Draw, check and simulate AWS architectures in your browser.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#0f766e',
    background_color: '#f8fafc',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // The analysis worker's bundle is large; it must be cached too, or the page opens offline without it.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first visit's page is controlled as soon as the worker is active, so it is ready offline without a reload.
    clientsClaim: true,
    skipWaiting: true,
  },
});

/**
 * The pure layers (docs/architecture.md) do nothing when imported: a module there only
 * declares functions, tables and schemas. Saying so lets the bundler leave out a module
 * whose exports the page never uses, even when a barrel (`engine/index.ts`) names it or
 * it builds a schema at load; otherwise everything a barrel re-exports is in the first
 * JavaScript. `zodConfig.ts` is outside them: its import is all it does.
 */
const PURE_LAYERS = /\/src\/(domain|net|engine|sim|share|scenarios)\//;
function pureLayerHasNoSideEffects(id: string): boolean | undefined {
  return PURE_LAYERS.test(id) ? false : undefined;
}

export default defineConfig({
  plugins: [react(), tailwindcss(), devScriptHashes(), framePolicy(), firstJavaScriptCheck(), offline],
  // The worker's bundle is built apart and gets the same rule, or its first script carries whole barrels.
  worker: { format: 'es', rolldownOptions: { treeshake: { moduleSideEffects: pureLayerHasNoSideEffects } } },
  build: {
    // dist/.vite/manifest.json: which chunks each entry and each dynamic import needs. bench/openFast.ts
    // reads it to count the JavaScript before the canvas (main.tsx imports the app dynamically).
    manifest: true,
    // AWS's icons as files (about 17 KB gzip of data URLs otherwise in the first JavaScript):
    // the canvas asks only for the icons of the kinds it draws; the service worker precaches them all.
    assetsInlineLimit: (file) => (/[\\/]aws-icons[\\/]/.test(file) ? false : undefined),
    // Two pages, one app: the full app and the embed page share every chunk.
    rollupOptions: {
      input: { app: 'index.html', embed: 'embed.html' },
      treeshake: { moduleSideEffects: pureLayerHasNoSideEffects },
      // zod and its page setting in one chunk: every chunk that builds a schema imports this one,
      // so the setting runs before any schema, wherever the bundler puts the schemas.
      output: {
        codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]zodConfig\.ts$/ }] },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
