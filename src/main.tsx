// Runs before the rest of the app is even fetched: a link's decoding worker starts now.
import './store/earlyWorker';
// Styles from the entry, so the build links them from the HTML and they load with everything else.
import './index.css';

/**
 * The page's entry, kept tiny on purpose. A module runs only once every module it
 * imports statically has loaded, so the app (boot.tsx and everything it needs to draw,
 * fetched in parallel: the build lists it as modulepreload links in the HTML,
 * vite.config.ts `bootPreloads`) is imported dynamically, after the analysis worker
 * has been started by the line above.
 */
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

import('./boot').then(
  ({ renderPage }) => renderPage(root),
  (error: unknown) => {
    // Text only: nothing from the failure is read as markup.
    const message = document.createElement('p');
    message.className = 'p-6 text-sm';
    message.textContent = `Nimbus could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
    root.replaceChildren(message);
  },
);
