import './zodConfig';
// Next, so a link's decoding worker loads while the rest of the app is set up.
import './store/earlyWorker';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
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
  watchLinks,
} from './store';
import { designThumbnail } from './canvas/thumbnail';
import { placeBeside, placeMissing } from './canvas/layout';
import { initTheme } from './ui/theme';

// Reading `window.localStorage` itself throws when the browser blocks storage, hence the function.
const storage = guardStorage(() => window.localStorage);
initTheme(storage);
// Before anything opens: every design gets its automatic positions once, saved with it.
setLayoutPlacer({ placeMissing, placeBeside });
startPersistence(storage, designThumbnail);
startLearn(storage);
void applyLinkIntent().catch(refuseUnreadable);
watchLinks();

// The service worker that keeps the app for offline use (vite.config.ts). Built app only; a page
// whose storage is blocked (a third-party iframe) is refused one, and works without it. It registers
// a few seconds after load: installing it downloads the whole app (about 2 MB), which would otherwise
// compete with the first visit's own requests (the analysis worker, a link's design).
const SERVICE_WORKER_DELAY_MS = 3000;
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    setTimeout(() => {
      navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
    }, SERVICE_WORKER_DELAY_MS);
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// embed.html (for iframes on course pages) draws the viewed design alone; every other page is the app.
createRoot(root).render(<StrictMode>{isEmbedPage() ? <EmbedView /> : <App />}</StrictMode>);
