import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import { createStore, del, get, set } from 'idb-keyval';
import { version } from '../../package.json';

/**
 * The only place the patron's data is kept for offline use: the successful queries of the
 * TanStack Query cache, in IndexedDB. Never Cache Storage (the service worker caches the app
 * shell only). Logout and any 401 remove it (clearOfflineCache).
 */
export const OFFLINE_DB_NAME = 'yanagawa-library';
export const OFFLINE_STORE_NAME = 'offline-cache';
export const OFFLINE_CACHE_KEY = 'query-cache';
/** A week without the network still shows the last loans; older copies are dropped. */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const store = createStore(OFFLINE_DB_NAME, OFFLINE_STORE_NAME);

export const offlinePersister = createAsyncStoragePersister({
  storage: {
    getItem: (key) => get<string>(key, store),
    setItem: (key, value: string) => set(key, value, store),
    removeItem: (key) => del(key, store),
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

/** Removes the offline copy; resolves even where IndexedDB is unavailable. */
export async function clearOfflineCache(): Promise<void> {
  try {
    await offlinePersister.removeClient();
  } catch {
    // No IndexedDB (private mode in some browsers): there is nothing stored to remove.
  }
}
