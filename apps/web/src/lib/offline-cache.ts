import type { Query, QueryClient } from '@tanstack/react-query';

/**
 * The only place the patron's data is kept for offline use: the successful queries of the
 * TanStack Query cache. Never Cache Storage (the service worker caches the app shell only).
 * Where it is kept depends on the patron's choice at login (docs/product.md §8, issue 17):
 * - 「この端末に保存する」 ticked: IndexedDB, so the last loans show offline after a restart too;
 * - not ticked (the default; shared library PCs are common): sessionStorage, which the browser
 *   drops when it closes — the copy lives for the browser session only, and any IndexedDB copy
 *   left by an earlier patron is wiped.
 * Logout and any 401 remove both (clearOfflineCache).
 *
 * This module is in every page's entry and stays small: what reads and writes the copy
 * (IndexedDB, the persister) is offline-persister.ts, loaded only when there is a copy to restore
 * or personal data to keep (connectOfflineCopy, ADR 0021).
 */
import {
  KEEP_ON_DEVICE_KEY,
  keepsOnDevice,
  OFFLINE_CACHE_KEY,
  removeFromSession,
} from './offline-copy-keys.ts';

const persister = () => import('./offline-persister.ts');

/** The login form's default: off, but on in the installed app (display-mode standalone). */
export function keepOnDeviceByDefault(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches;
}

/** Whether this device may hold a copy: the patron chose IndexedDB, or this session saved one. */
export function mayHoldOfflineCopy(): boolean {
  if (keepsOnDevice()) return true;
  try {
    return sessionStorage.getItem(OFFLINE_CACHE_KEY) !== null;
  } catch {
    return false;
  }
}

async function removeFromIndexedDb(key: string): Promise<void> {
  try {
    await (await persister()).removeFromIndexedDb(key);
  } catch {
    // The chunk did not load (offline before it was ever cached): nothing can be reached to remove.
  }
}

/** Records the patron's choice at login and moves nothing: the copy of the other kind is wiped. */
export async function setKeepOnDevice(keep: boolean): Promise<void> {
  try {
    if (keep) localStorage.setItem(KEEP_ON_DEVICE_KEY, '1');
    else localStorage.removeItem(KEEP_ON_DEVICE_KEY);
  } catch {
    // Without localStorage the choice cannot be kept: the copy stays in this session only.
  }
  if (keep) removeFromSession(OFFLINE_CACHE_KEY);
  else await removeFromIndexedDb(OFFLINE_CACHE_KEY);
}

/** Removes the offline copy, wherever it is, and the choice; resolves even without storage. */
export async function clearOfflineCache(): Promise<void> {
  try {
    localStorage.removeItem(KEEP_ON_DEVICE_KEY);
  } catch {
    // No localStorage: no choice was kept.
  }
  removeFromSession(OFFLINE_CACHE_KEY);
  await removeFromIndexedDb(OFFLINE_CACHE_KEY);
}

/**
 * Ties `queryClient` to the offline copy, as PersistQueryClientProvider did, but loads the
 * persister only when it has work: at once when `restore` (the device may hold a copy: it is
 * restored, then `onRestored` runs, then every change is saved), otherwise at the first successful
 * query that `isPersonal` accepts (before that the cache holds nothing worth keeping offline).
 * Returns the disconnect.
 */
export function connectOfflineCopy(
  queryClient: QueryClient,
  {
    restore,
    isPersonal,
    onRestored,
  }: { restore: boolean; isPersonal: (query: Query) => boolean; onRestored: () => void },
): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  const start = (restored: boolean) =>
    persister().then((m) => {
      if (!stopped) unsubscribe = m.keepOfflineCopy(queryClient, { restored });
    });

  if (restore) {
    void persister()
      .then((m) => m.restoreOfflineCopy(queryClient))
      .catch(() => {
        // Unreadable or no chunk offline: the app starts without the copy.
      })
      .finally(() => {
        if (stopped) return;
        onRestored();
        void start(true).catch(() => {});
      });
  } else {
    const cache = queryClient.getQueryCache();
    const stopWatching = cache.subscribe((event) => {
      if (event.type !== 'updated' || event.query.state.status !== 'success' || !isPersonal(event.query))
        return;
      stopWatching();
      void start(false).catch(() => {});
    });
    unsubscribe = stopWatching;
  }
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}
