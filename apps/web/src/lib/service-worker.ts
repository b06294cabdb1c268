import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker built by vite-plugin-pwa (generateSW, registerType 'prompt')
 * and tells the UI when a new version is installed and waiting. Hand-written instead of
 * virtual:pwa-register: a few lines, no inline script (CSP), no workbox-window in the bundle.
 */
let waiting: ServiceWorker | undefined;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker) {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** The browser only checks for a new version on navigation; an app left open checks hourly. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export async function registerServiceWorker(url = '/sw.js'): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(url, { scope: '/' });
  // Without a controller this is the first install, not an update: nothing to offer.
  const isUpdate = () => navigator.serviceWorker.controller !== null;
  if (registration.waiting && isUpdate()) setWaiting(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && isUpdate()) setWaiting(installing);
    });
  });
  setInterval(() => void registration.update().catch(() => {}), UPDATE_CHECK_MS);
  return registration;
}

/** Activates the waiting version (the generated worker listens for SKIP_WAITING) and reloads. */
export function applyUpdate() {
  if (!waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once a new version of the app is installed and waits for 「更新する」. */
export function useUpdateAvailable(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => waiting !== undefined,
    () => false,
  );
}
