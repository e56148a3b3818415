// Runs before the rest of the app is even fetched: a link's decoding worker starts now.
import './store/earlyWorker';
import { earlyWorkerLoaded } from './store/workerStart';
import { loadReaders } from './store/readers';
// Styles from the entry, so the build links them from the HTML and they load with the page.
import './index.css';

/**
 * The page's entry, kept tiny on purpose: the app (boot.tsx and what it needs to
 * draw) is imported dynamically, and when the address holds a link, only once the
 * analysis worker that decodes it has loaded (or half a second has passed). Fetched
 * together, the worker's scripts would wait behind the app's on the browser's few
 * connections to the host, and the design would come after the canvas instead of
 * with it. Without a link the app is imported at once.
 */
const WAIT_FOR_WORKER_MS = 500;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

earlyWorkerLoaded(WAIT_FOR_WORKER_MS)
  .then(() => {
    // The readers of stored designs are fetched beside the app, not after it: the library opens
    // with them (boot.tsx), while the app draws the canvas without waiting for them.
    void loadReaders().catch(() => undefined);
    return import('./boot');
  })
  .then(
    ({ renderPage }) => renderPage(root),
    (error: unknown) => {
      // Text only: nothing from the failure is read as markup.
      const message = document.createElement('p');
      message.className = 'p-6 text-sm';
      message.textContent = `Nimbus could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
      root.replaceChildren(message);
    },
  );
