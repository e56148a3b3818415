import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './ui/App';
import {
  applyLinkIntent,
  guardStorage,
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
