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
import { TEST_HOOKS } from './protocol/testHooks.ts';
import { appStore } from './state/store.ts';
import { installUrlSync } from './state/urlSync.ts';
import { LESSON_BOOK } from './lessons/apply.ts';
import { App } from './ui/App.tsx';

installUrlSync(appStore, { lessons: LESSON_BOOK });
const compute = startCompute(appStore);

// The end-to-end tests read the store and crash or hang a worker through this handle (test
// builds only).
if (TEST_HOOKS) {
  (window as unknown as { __sp: unknown }).__sp = {
    store: appStore,
    crash: compute.crash,
    hang: compute.hang,
  };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
