import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { QueryClient } from '@tanstack/react-query';
import {
  type PersistQueryClientOptions,
  persistQueryClientRestore,
  persistQueryClientSave,
  persistQueryClientSubscribe,
} from '@tanstack/react-query-persist-client';
import { createStore, del, get, set } from 'idb-keyval';
import { version } from '../../package.json';
import {
  keepsOnDevice,
  OFFLINE_CACHE_KEY,
  OFFLINE_DB_NAME,
  OFFLINE_MAX_AGE_MS,
  OFFLINE_STORE_NAME,
  removeFromSession,
} from './offline-copy-keys.ts';

/**
 * The part of the offline copy (offline-cache.ts) that reads and writes it: IndexedDB, the
 * TanStack persister and its (de)hydration. A chunk of its own (ADR 0021), loaded when there is
 * a copy to restore or personal data to keep — not on a first visit to the login page.
 */
const store = createStore(OFFLINE_DB_NAME, OFFLINE_STORE_NAME);

export async function removeFromIndexedDb(key: string): Promise<void> {
  try {
    await del(key, store);
  } catch {
    // No IndexedDB (private mode in some browsers): there is nothing stored to remove.
  }
}

const offlinePersister = createAsyncStoragePersister({
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

const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
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

/** Restores the copy into `queryClient` (what PersistQueryClientProvider did before subscribing). */
export function restoreOfflineCopy(queryClient: QueryClient): Promise<void> {
  return persistQueryClientRestore({ ...persistOptions, queryClient });
}

/**
 * Saves the cache on every change from here on; returns the unsubscribe. Started without a
 * restore (at the first personal data), it saves at once too, and wipes an earlier patron's
 * IndexedDB copy as the restore would have. After a restore it does not: saving the restored
 * copy unchanged would renew its age.
 */
export function keepOfflineCopy(queryClient: QueryClient, { restored }: { restored: boolean }): () => void {
  const options = { ...persistOptions, queryClient };
  if (!restored) {
    if (!keepsOnDevice()) void removeFromIndexedDb(OFFLINE_CACHE_KEY);
    void persistQueryClientSave(options);
  }
  return persistQueryClientSubscribe(options);
}
