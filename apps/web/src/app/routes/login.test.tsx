import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../config/paths.ts';
import { MemoryRouter } from '../../test/memory-router.tsx';
import { Component as LoginPage } from './login.tsx';

afterEach(() => vi.unstubAllGlobals());

/** 利用照会 with GET /api/session answering `passwordMode` as the BFF would. */
function renderLogin(passwordMode: 'portal' | 'ils') {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    expect(String(input)).toMatch(/\/api\/session$/);
    return Response.json({ patron: null, passwordMode });
  });
  vi.stubGlobal('fetch', fetch);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter url={paths.login}>
        <LoginPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return fetch;
}

const COUNTER = /パスワード（暗証番号）は図書館カウンターで管理しているため/;

describe('利用照会: the password links by password mode', () => {
  it('portal passwords: offers 新規パスワード登録 and パスワードを忘れた方, no counter sentence', async () => {
    const fetch = renderLogin('portal');
    expect(await screen.findByRole('link', { name: '新規パスワード登録' })).toHaveAttribute(
      'href',
      paths.registration,
    );
    expect(screen.getByRole('link', { name: 'パスワードを忘れた方' })).toHaveAttribute(
      'href',
      paths.passwordReset,
    );
    expect(fetch).toHaveBeenCalled();
    expect(screen.queryByText(COUNTER)).not.toBeInTheDocument();
  });

  it('SIP2 ils mode: one sentence that the PIN is managed at the counter, and neither link', async () => {
    renderLogin('ils');
    expect(await screen.findByText(COUNTER)).toHaveTextContent(/カウンターでお手続きください。$/);
    expect(screen.queryByRole('link', { name: '新規パスワード登録' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'パスワードを忘れた方' })).not.toBeInTheDocument();
    // The login form itself is still there.
    expect(screen.getByRole('button', { name: 'ログインする' })).toBeInTheDocument();
  });
});
