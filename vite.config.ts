import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';

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

/**
 * Installable, and opens again with no network after one visit: a service worker
 * (Workbox, generated at build) precaches the app shell, every lazy chunk, the
 * analysis worker and the icons. It registers from a file (registerSW.js), since
 * the page's policy allows no inline script; a new build replaces the old one on
 * the next visit (autoUpdate). The dev server runs without it.
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script',
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

export default defineConfig({
  plugins: [react(), tailwindcss(), devScriptHashes(), offline],
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
