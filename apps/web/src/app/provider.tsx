import { IsRestoringProvider, type Query, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { type SessionInfo, sessionQueryKey } from '../features/auth/api/get-session.ts';
import { connectOfflineCopy, mayHoldOfflineCopy } from '../lib/offline-cache.ts';
import { createQueryClient } from '../lib/query-client.ts';

/**
 * Personal data worth an offline copy: anything but the session probe of a visitor who is not
 * signed in (the login page's only query), so a first visit never loads the persister.
 */
function isPersonal(query: Query): boolean {
  if (query.queryKey[0] !== sessionQueryKey[0]) return true;
  return Boolean((query.state.data as SessionInfo | undefined)?.patron);
}

/**
 * The query cache, restored from and saved to IndexedDB (or sessionStorage) so the last data
 * shows offline. While a copy is being restored queries wait (IsRestoringProvider), as with
 * PersistQueryClientProvider; without one on the device they run at once.
 */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => createQueryClient());
  const [restore] = useState(mayHoldOfflineCopy);
  const [isRestoring, setIsRestoring] = useState(restore);
  useEffect(
    () =>
      connectOfflineCopy(queryClient, {
        restore,
        isPersonal,
        // The restored copy is shown at once, but is checked with the server straight away: a
        // session that ended meanwhile gets its 401 (which wipes the copy) even if the data is fresh.
        onRestored: () => {
          setIsRestoring(false);
          void queryClient.invalidateQueries();
        },
      }),
    [queryClient, restore],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <IsRestoringProvider value={isRestoring}>{children}</IsRestoringProvider>
    </QueryClientProvider>
  );
}
