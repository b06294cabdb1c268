import { MutationCache, type Query, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiClientError } from './api-client.ts';
import { clearOfflineCache } from './offline-cache.ts';
import { OFFLINE_MAX_AGE_MS } from './offline-copy-keys.ts';

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiClientError && error.status === 401;
}

/**
 * A 401 means the session is gone (expired, logged out elsewhere) or was never there: no
 * personal data may stay, in memory or in IndexedDB. Only queries that hold data are
 * removed, and the failing query keeps its error (so RequireSession can send the patron to
 * 利用照会) but loses its data: a re-created query that fails again finds nothing to remove,
 * so this cannot loop.
 */
function forgetPersonalData(
  queryClient: QueryClient,
  failed: Query<unknown, unknown> | undefined,
  onUnauthorized: () => void,
) {
  queryClient.removeQueries({ predicate: (query) => query !== failed && query.state.data !== undefined });
  if (failed && failed.state.data !== undefined) {
    failed.setState({ ...failed.state, data: undefined, dataUpdatedAt: 0 });
  }
  onUnauthorized();
}

export function createQueryClient({
  onUnauthorized = () => void clearOfflineCache(),
}: {
  /** Called after a 401 has removed the data from memory; by default clears IndexedDB. */
  onUnauthorized?: () => void;
} = {}) {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error)) forgetPersonalData(queryClient, query, onUnauthorized);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthorized(error)) forgetPersonalData(queryClient, undefined, onUnauthorized);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // The persister saves what the cache holds: with the default 5 minutes a page left
        // behind (貸出一覧 after going back to the portal) would drop out of the offline copy.
        gcTime: OFFLINE_MAX_AGE_MS,
        // Run the query even when the browser says offline, and keep showing the cached (or
        // restored) data while it fails; retries wait for the network to come back.
        networkMode: 'offlineFirst',
        retry: (failures, error) =>
          !(error instanceof ApiClientError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: {
        // An action tried offline fails at once with サーバーに接続できません… instead of
        // waiting silently and firing later (a renewal must never happen by surprise).
        networkMode: 'always',
      },
    },
  });
  return queryClient;
}
