/**
 * The app's start, fetched by main.tsx once a link's worker is on its way:
 * storage, theme, the service worker and, once the readers of stored text are
 * here, persistence and the link in the address; then React. Importing it does
 * all but the drawing, which `renderPage` does.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { EmbedView } from './ui/EmbedView';
import {
  applyLinkIntent,
  guardStorage,
  isEmbedPage,
  refuseUnreadable,
  setLayoutPlacer,
  startLearn,
  startPersistence,
  useViewStore,
  watchLinks,
} from './store';
import { designThumbnail } from './canvas/thumbnail';
import { placeBeside, placeMissing } from './canvas/layout';
import { initTheme } from './ui/theme';
import { loadReaders } from './store/readers';

// Reading `window.localStorage` itself throws when the browser blocks storage, hence the function.
const storage = guardStorage(() => window.localStorage);
initTheme(storage);
// Before anything opens: every design gets its automatic positions once, saved with it.
setLayoutPlacer({ placeMissing, placeBeside });
function noReaders(error: unknown): void {
  useViewStore.getState().notify({
    tone: 'error',
    title:
      'Nimbus could not load the code that reads your saved designs, so none is open. Reload the page to try again.',
    details: [`Reason: ${error instanceof Error ? error.message : String(error)}`, 'Nothing stored was changed.'],
  });
}

// The library opens once the readers of stored text have loaded (main.tsx started fetching them
// with this module): the canvas mounts meanwhile, and the design is drawn as soon as it is read.
void loadReaders().then(() => {
  startPersistence(storage, designThumbnail);
  startLearn(storage);
  void applyLinkIntent().catch(refuseUnreadable);
  watchLinks();
}, noReaders);

// The service worker that keeps the app for offline use (vite.config.ts). Built app only; a page
// whose storage is blocked (a third-party iframe) is refused one, and works without it. It registers
// a few seconds after load: installing it downloads the whole app (about 2 MB), which would otherwise
// compete with the first visit's own requests (the analysis worker, a link's design).
const SERVICE_WORKER_DELAY_MS = 3000;
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () =>
    setTimeout(() => {
      navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
    }, SERVICE_WORKER_DELAY_MS);
  // This module is imported by main.tsx, so the page may have finished loading already.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Draws the page into `root`: embed.html (for iframes on course pages) the viewed design alone, every other page the app. */
export function renderPage(root: HTMLElement): void {
  createRoot(root).render(<StrictMode>{isEmbedPage() ? <EmbedView /> : <App />}</StrictMode>);
}
