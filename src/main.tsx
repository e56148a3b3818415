import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './ui/App';
import { applyLinkIntent, guardStorage, refuseUnreadable, startLearn, startPersistence, watchLinks } from './store';
import { designThumbnail } from './canvas/thumbnail';
import { initTheme } from './ui/theme';

// Reading `window.localStorage` itself throws when the browser blocks storage, hence the function.
const storage = guardStorage(() => window.localStorage);
initTheme(storage);
startPersistence(storage, designThumbnail);
startLearn(storage);
void applyLinkIntent().catch(refuseUnreadable);
watchLinks();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
