import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { AppProvider } from './app/provider.tsx';
import { AppRoutes, useTransitionLocation, useTransitionSearch } from './app/router.tsx';
import { initialLanguage, setLanguage } from './lib/i18n.ts';
import { registerServiceWorker } from './lib/service-worker.ts';
import './styles.css';

// Before any schema is built (they load with the route chunks): zod would otherwise probe
// `new Function('')` to pick its fast path, which our CSP (no 'unsafe-eval') blocks and Chrome
// reports as a Content Security Policy issue (Lighthouse best practices). This is the global
// zod's config() writes to (zod/v4/core/core.js); setting it here keeps zod itself out of the
// entry chunk. e2e/tests/console-and-csp.spec.ts fails if a violation comes back.
(globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig = { jitless: true };

// A transition, so React renders the first page in slices and yields to the browser between
// them (the static frame in index.html is already on screen) instead of one long task that
// blocks input on a slow phone.
const root = createRoot(document.getElementById('root')!);
function render() {
  startTransition(() => {
    root.render(
      <StrictMode>
        <AppProvider>
          <Router hook={useTransitionLocation} searchHook={useTransitionSearch}>
            <AppRoutes />
          </Router>
        </AppProvider>
      </StrictMode>,
    );
  });
}

// The device's choice or the browser's preference (SPEC §12). Japanese renders at once; English
// first fetches its catalog chunk (the static Japanese frame stays on screen meanwhile), and is
// not stored as a choice until the visitor presses the switch.
const language = initialLanguage();
if (language === 'ja') render();
else void setLanguage(language, { remember: false }).then(render, render);

// Only the built app has a service worker (vite dev serves none); after `load`, so the
// precache download does not compete with the first page.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    registerServiceWorker().catch((error: unknown) => console.warn('service worker not registered', error));
  });
}
