import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Switch } from 'wouter';
import { apiError } from '../../../test/api-error.ts';
import { MemoryRouter } from '../../../test/memory-router.tsx';
import type { Me } from '../api/get-me.ts';
import { RequireSession } from './require-session.tsx';

const me: Me = {
  patron: { number: '100000001', name: 'ヤナガワタロウ', email: null },
  blocked: null,
  loans: [],
};

afterEach(() => vi.unstubAllGlobals());

/** The session guard around a page, with the `me` query answering `answer`. */
function renderGuard(answer: () => Promise<Response>, cached?: Me) {
  vi.stubGlobal('fetch', vi.fn(answer));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (cached) client.setQueryData(['me'], cached, { updatedAt: 1 });
  void client.invalidateQueries();
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter url="/portal/loans">
        <Switch>
          <Route path="/portal/loans">
            <RequireSession>
              <p>貸出一覧の中身</p>
            </RequireSession>
          </Route>
          <Route path="/login">
            <p>利用照会の画面</p>
          </Route>
        </Switch>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return client;
}

describe('RequireSession', () => {
  it('keeps the last data on screen when a refresh cannot reach the server', async () => {
    const client = renderGuard(() => Promise.reject(new TypeError('Failed to fetch')), me);
    await vi.waitFor(() => expect(client.getQueryState(['me'])?.status).toBe('error'));
    expect(screen.getByText('貸出一覧の中身')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what went wrong when there is nothing to show', async () => {
    renderGuard(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await screen.findByRole('alert')).toHaveTextContent('サーバーに接続できません。');
    expect(screen.queryByText('貸出一覧の中身')).toBeNull();
  });

  it('sends a patron whose session ended to 利用照会', async () => {
    renderGuard(async () => apiError(401, 'unauthenticated', 'ログインしてください。'));
    expect(await screen.findByText('利用照会の画面')).toBeInTheDocument();
  });
});
