import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import { createStore, del, get, set } from 'idb-keyval';
import { version } from '../../package.json';

/**
 * The only place the patron's data is kept for offline use: the successful queries of the
 * TanStack Query cache. Never Cache Storage (the service worker caches the app shell only).
 * Where it is kept depends on the patron's choice at login (docs/product.md §8, issue 17):
 * - 「この端末に保存する」 ticked: IndexedDB, so the last loans show offline after a restart too;
 * - not ticked (the default; shared library PCs are common): sessionStorage, which the browser
 *   drops when it closes — the copy lives for the browser session only, and any IndexedDB copy
 *   left by an earlier patron is wiped.
 * Logout and any 401 remove both (clearOfflineCache).
 */
export const OFFLINE_DB_NAME = 'yanagawa-library';
export const OFFLINE_STORE_NAME = 'offline-cache';
export const OFFLINE_CACHE_KEY = 'query-cache';
/** A week without the network still shows the last loans; older copies are dropped. */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** localStorage: '1' while the signed-in patron chose 「この端末に保存する」. Holds nothing personal. */
export const KEEP_ON_DEVICE_KEY = 'yanagawa-library:keep-on-device';

const store = createStore(OFFLINE_DB_NAME, OFFLINE_STORE_NAME);

function keepsOnDevice(): boolean {
  try {
    return localStorage.getItem(KEEP_ON_DEVICE_KEY) === '1';
  } catch {
    return false;
  }
}

/** The login form's default: off, but on in the installed app (display-mode standalone). */
export function keepOnDeviceByDefault(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches;
}

async function removeFromIndexedDb(key: string): Promise<void> {
  try {
    await del(key, store);
  } catch {
    // No IndexedDB (private mode in some browsers): there is nothing stored to remove.
  }
}

function removeFromSession(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // No sessionStorage: nothing stored.
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

export const offlinePersister = createAsyncStoragePersister({
  storage: {
    getItem: async (key) => {
      if (keepsOnDevice()) return get<string>(key, store);
      // Not chosen: whatever IndexedDB still holds (an earlier patron's copy) goes unread.
      await removeFromIndexedDb(key);
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    setItem: async (key, value: string) => {
      if (keepsOnDevice()) return set(key, value, store);
      try {
        sessionStorage.setItem(key, value);
      } catch {
        // Over the quota, or no sessionStorage: no offline copy this time.
      }
    },
    removeItem: async (key) => {
      removeFromSession(key);
      await removeFromIndexedDb(key);
    },
  },
  key: OFFLINE_CACHE_KEY,
  throttleTime: 1000,
});

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister: offlinePersister,
  maxAge: OFFLINE_MAX_AGE_MS,
  // A new release may change the shape of the answers: its first start ignores older copies.
  buster: version,
  dehydrateOptions: {
    shouldDehydrateQuery: (query) => query.state.status === 'success',
    // A renewal must never be replayed later from disk.
    shouldDehydrateMutation: () => false,
  },
};

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
