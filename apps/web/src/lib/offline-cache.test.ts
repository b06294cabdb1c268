import type { Query } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectOfflineCopy, mayHoldOfflineCopy } from './offline-cache.ts';
import { OFFLINE_CACHE_KEY } from './offline-copy-keys.ts';
import { createQueryClient } from './query-client.ts';

// As app/provider.tsx: the anonymous session probe is not personal, everything else is.
const isPersonal = (query: Query) =>
  query.queryKey[0] !== 'session' || Boolean((query.state.data as { patron: unknown }).patron);
const me = { patron: { number: '100000001', name: 'ヤナガワタロウ' } };

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('connectOfflineCopy: the persister only when it has work', () => {
  it('saves nothing while the cache holds only the anonymous session probe', async () => {
    const queryClient = createQueryClient({ onUnauthorized: () => {} });
    const disconnect = connectOfflineCopy(queryClient, { restore: false, isPersonal, onRestored: vi.fn() });
    queryClient.setQueryData(['session'], { patron: null, passwordMode: 'portal' });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(sessionStorage.getItem(OFFLINE_CACHE_KEY)).toBeNull();
    expect(mayHoldOfflineCopy()).toBe(false);
    disconnect();
  });

  it('saves at the first personal answer, and a later start restores it before queries run', async () => {
    const first = createQueryClient({ onUnauthorized: () => {} });
    const disconnect = connectOfflineCopy(first, { restore: false, isPersonal, onRestored: vi.fn() });
    first.setQueryData(['me'], me);
    await vi.waitFor(() => expect(sessionStorage.getItem(OFFLINE_CACHE_KEY)).toContain('ヤナガワタロウ'), {
      timeout: 3000,
    });
    disconnect();
    expect(mayHoldOfflineCopy()).toBe(true);

    const second = createQueryClient({ onUnauthorized: () => {} });
    const onRestored = vi.fn(() => expect(second.getQueryData(['me'])).toEqual(me));
    const stop = connectOfflineCopy(second, { restore: mayHoldOfflineCopy(), isPersonal, onRestored });
    await vi.waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    stop();
  });

  it('a connection dropped before its restore ends (StrictMode: the first effect) calls nothing back', async () => {
    const first = createQueryClient({ onUnauthorized: () => {} });
    first.setQueryData(['me'], me);
    const disconnect = connectOfflineCopy(first, { restore: false, isPersonal, onRestored: vi.fn() });
    first.setQueryData(['me'], { ...me });
    await vi.waitFor(() => expect(sessionStorage.getItem(OFFLINE_CACHE_KEY)).not.toBeNull(), {
      timeout: 3000,
    });
    disconnect();

    const second = createQueryClient({ onUnauthorized: () => {} });
    const onRestored = vi.fn();
    connectOfflineCopy(second, { restore: true, isPersonal, onRestored })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onRestored).not.toHaveBeenCalled();
  });
});
