// Entry point: fonts and styles, the URL sync and the compute bridge (both store subscriptions,
// outside React), then the React tree. KaTeX and its styles come later, on demand (lazyKatex.ts).
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './styles/theme.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startCompute } from './compute/index.ts';
import { appStore } from './state/store.ts';
import { installUrlSync } from './state/urlSync.ts';
import { App } from './ui/App.tsx';

installUrlSync(appStore);
const compute = startCompute(appStore);

// Debug handle (used by the end-to-end tests): the store and a way to crash a worker.
(window as unknown as { __sp: unknown }).__sp = { store: appStore, crash: compute.crash };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
