import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../lib/i18n.ts';
import { createQueryClient } from '../../lib/query-client.ts';
import { setOnline } from '../../test/online.ts';
import { OfflineNotice } from './offline-notice.tsx';

/** A screen showing the cached loans, as the portal does. */
function Loans() {
  useQuery({ queryKey: ['me'], queryFn: () => new Promise<never>(() => {}), staleTime: Infinity });
  return null;
}

function renderWithCache(updatedAt?: number) {
  const queryClient = createQueryClient({ onUnauthorized: () => {} });
  if (updatedAt) queryClient.setQueryData(['me'], { loans: [] }, { updatedAt });
  render(
    <QueryClientProvider client={queryClient}>
      <OfflineNotice />
      <Loans />
    </QueryClientProvider>,
  );
}

afterEach(async () => {
  vi.restoreAllMocks();
  await setLanguage('ja');
});

describe('OfflineNotice', () => {
  it('says nothing online, and 「オフラインです」 with the time of the data shown when offline', () => {
    setOnline(true);
    renderWithCache(Date.parse('2021-01-20T01:15:00Z'));
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();

    act(() => setOnline(false));
    expect(status).toHaveTextContent('オフラインです。表示している情報は 2021/01/20 10:15 時点のものです。');
    expect(status.querySelector('time')).toHaveAttribute('datetime', '2021-01-20T01:15:00.000Z');

    act(() => setOnline(true));
    expect(status).toBeEmptyDOMElement();
  });

  it('without any data it only asks to try again when connected', () => {
    setOnline(false);
    renderWithCache();
    expect(screen.getByRole('status')).toHaveTextContent(
      'オフラインです。通信できる環境で、もう一度お試しください。',
    );
    expect(screen.getByRole('status')).not.toHaveTextContent('時点');
  });

  it('on an English page says it in English, the time written as SPEC §12 writes dates (2021/01/20), in Tokyo', async () => {
    await setLanguage('en');
    setOnline(false);
    renderWithCache(Date.parse('2021-01-20T01:15:00Z'));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      'You are offline. The information shown is as of 2021/01/20 10:15. Please renew loans and do other procedures when you are online.',
    );
    expect(status.textContent).not.toMatch(/[\u3000-\u30ff\u4e00-\u9fff]/);
    // The text itself, as a screen reader reads it (toHaveTextContent folds white space).
    expect(status.textContent).toContain('You are offline. The information');
  });
});
