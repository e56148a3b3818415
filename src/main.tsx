import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './ui/App';
import { applyLinkIntent, startLearn, startPersistence, watchLinks } from './store';
import { designThumbnail } from './canvas/thumbnail';
import { initTheme } from './ui/theme';

initTheme();
startPersistence(window.localStorage, designThumbnail);
startLearn(window.localStorage);
applyLinkIntent();
watchLinks();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
