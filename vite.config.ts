import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * Who may frame Nimbus. A `<meta>` policy cannot say it (browsers ignore
 * frame-ancestors there), so it is a response header; nothing embeds Nimbus yet.
 * The embed mode will list the sites allowed to frame it here and on the host.
 */
export const FRAME_POLICY = { 'Content-Security-Policy': "frame-ancestors 'none'" };

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

export default defineConfig({
  plugins: [react(), tailwindcss(), devScriptHashes()],
  server: { headers: FRAME_POLICY },
  preview: { headers: FRAME_POLICY },
  worker: { format: 'es' },
  build: {
    // AWS's icons stay files the canvas's <img> fetch, rather than data URLs inside the JavaScript
    // the first screen waits for (they were a sixth of it); the service worker keeps them for offline use.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
