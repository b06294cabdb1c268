import { type QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiClientError } from './api-client.ts';
import { createQueryClient } from './query-client.ts';

const unauthenticated = () => new ApiClientError(401, 'unauthenticated', 'ログインしてください。');
const offline = () => new ApiClientError(0, 'network_error', 'サーバーに接続できません。');
const me = { patron: { number: '100000001', name: 'ヤナガワタロウ' } };

/** A fetch of `queryKey` that fails with `error`, at once (no retry, nothing cached counts). */
function failing(queryClient: QueryClient, queryKey: string[], error: Error) {
  return queryClient.fetchQuery({
    queryKey,
    queryFn: () => Promise.reject(error),
    retry: false,
    staleTime: 0,
  });
}

function setup() {
  const onUnauthorized = vi.fn();
  const queryClient = createQueryClient({ onUnauthorized });
  queryClient.setQueryData(['me'], me);
  queryClient.setQueryData(['calendar'], { months: [] });
  return { queryClient, onUnauthorized };
}

describe('createQueryClient: a 401 removes every personal datum', () => {
  it('from a query: the other queries go, the failing one keeps its error but not its data', async () => {
    const { queryClient, onUnauthorized } = setup();
    await expect(failing(queryClient, ['me'], unauthenticated())).rejects.toThrow('ログインしてください。');

    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    expect(queryClient.getQueryState(['me'])?.error).toMatchObject({ status: 401 });
    expect(queryClient.getQueryData(['calendar'])).toBeUndefined();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('from a mutation (e.g. a renewal after the session expired)', async () => {
    const { queryClient, onUnauthorized } = setup();
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: () => Promise.reject(unauthenticated()),
    });
    await expect(mutation.execute(undefined)).rejects.toThrow();

    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    expect(queryClient.getQueryData(['calendar'])).toBeUndefined();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('keeps the data when the network is down (offline) or the error is another one', async () => {
    const { queryClient, onUnauthorized } = setup();
    await expect(failing(queryClient, ['me'], offline())).rejects.toThrow();
    await expect(
      failing(queryClient, ['calendar'], new ApiClientError(403, 'forbidden', '…')),
    ).rejects.toThrow();

    expect(queryClient.getQueryData(['me'])).toEqual(me);
    expect(queryClient.getQueryData(['calendar'])).toEqual({ months: [] });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('createQueryClient: the offline copy', () => {
  it('keeps a query nobody watches any more (貸出一覧 left for the portal) for as long as the copy lives', async () => {
    vi.useFakeTimers();
    try {
      const queryClient = createQueryClient();
      const observer = new QueryObserver(queryClient, {
        queryKey: ['loans', 1],
        queryFn: () => Promise.resolve({ items: ['マンガ日本の歴史'] }),
      });
      const unsubscribe = observer.subscribe(() => {});
      await vi.waitFor(() => expect(queryClient.getQueryData(['loans', 1])).toBeDefined());
      unsubscribe();
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      expect(queryClient.getQueryData(['loans', 1])).toEqual({ items: ['マンガ日本の歴史'] });
    } finally {
      vi.useRealTimers();
    }
  });
});
