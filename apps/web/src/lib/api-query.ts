import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client.ts';

/** The query of a GET of the BFF (`/api${path}`) under `queryKey`: for useQuery and the cache. */
export function getQuery<T, K extends readonly unknown[]>(queryKey: K, path: string) {
  return queryOptions<T, Error, T, K>({ queryKey, queryFn: () => api<T>(path) });
}

/**
 * A mutation that sends its variables as the body of PUT `/api${path}` (the BFF answers 204);
 * `onSaved`, when given, then brings the query cache up to date with what was saved.
 */
export function usePut<B>(path: string, onSaved?: (queryClient: QueryClient, saved: B) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<void>(path, { method: 'PUT', body }),
    onSuccess: onSaved && ((_, saved: B) => onSaved(queryClient, saved)),
  });
}
