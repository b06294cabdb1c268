import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { type ReactNode, useState } from 'react';
import { persistOptions } from '../lib/offline-cache.ts';
import { createQueryClient } from '../lib/query-client.ts';

/** The query cache, restored from and saved to IndexedDB so the last data shows offline. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => createQueryClient());
  return (
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={persistOptions}
      // The restored copy is shown at once, but is checked with the server straight away: a
      // session that ended meanwhile gets its 401 (which wipes the copy) even if the data is fresh.
      onSuccess={() => void queryClient.invalidateQueries()}
    >
      {children}
    </PersistQueryClientProvider>
  );
}
