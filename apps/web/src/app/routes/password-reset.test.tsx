import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Switch } from 'wouter';
import { paths } from '../../config/paths.ts';
import { apiError } from '../../test/api-error.ts';
import { fillIn, IDENTITY } from '../../test/fill-in.ts';
import { MemoryRouter } from '../../test/memory-router.tsx';
import { Component } from './password-reset.tsx';

/** The pages as the router mounts them, at `url`; `pinManagedByIls` as the app would pass it. */
function renderAt(url: string, pinManagedByIls?: boolean) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter url={url}>
        <Switch>
          <Route path={paths.login}>
            <p>login page</p>
          </Route>
          <Route>
            <Component pinManagedByIls={pinManagedByIls} />
          </Route>
        </Switch>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('パスワードを忘れた方', () => {
  it.each([
    paths.passwordReset,
    `${paths.passwordReset}?token=${'t'.repeat(43)}`,
    paths.passwordResetIdentity,
    paths.passwordResetSent,
  ])('%s: in SIP2 ils mode says the PIN is managed at the counter, and offers no form', (url) => {
    renderAt(url, true);
    expect(screen.getByRole('heading', { level: 1, name: 'パスワードを忘れた方' })).toBeInTheDocument();
    expect(screen.getByText(/図書館カウンターでお手続きください/)).toBeInTheDocument();
    expect(document.querySelector('form, input')).toBeNull();
    expect(screen.getByRole('link', { name: 'ログイン画面へ' })).toHaveAttribute('href', paths.login);
  });

  it('without ils mode offers both ways: the mail form and the identity check', () => {
    renderAt(paths.passwordReset);
    expect(screen.queryByText(/図書館カウンターでお手続きください/)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'メールで再設定' })).toBeInTheDocument();
    expect(screen.getByLabelText('利用者番号')).toHaveAccessibleDescription(/半角数字 9桁/);
    expect(screen.getByRole('link', { name: '本人確認で再設定する' })).toHaveAttribute(
      'href',
      paths.passwordResetIdentity,
    );
  });

  it('a path below the flow that is none of its pages is the not-found page', () => {
    renderAt(`${paths.passwordReset}/no-such-step`);
    expect(screen.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'メールで再設定' })).not.toBeInTheDocument();
  });

  it('by mail: a malformed number is shown on its field, without calling the server; a good one leads to 「メールを送信しました」', async () => {
    const fetch = vi.fn(async () => Response.json({ accepted: true }, { status: 202 }));
    vi.stubGlobal('fetch', fetch);
    renderAt(paths.passwordReset);
    await userEvent.type(screen.getByLabelText('利用者番号'), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'メールを送信する' }));
    expect(screen.getByLabelText('利用者番号')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('利用者番号')).toHaveAccessibleDescription(
      /「100」「200」「300」から始まる9桁/,
    );
    await waitFor(() => expect(document.activeElement).toHaveClass('error-summary'));
    expect(fetch).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('利用者番号'));
    await userEvent.type(screen.getByLabelText('利用者番号'), '100000001');
    await userEvent.click(screen.getByRole('button', { name: 'メールを送信する' }));
    expect(await screen.findByRole('heading', { name: 'メールを送信しました' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('メールアドレスが登録されている場合は');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/password-reset/request');
    expect(JSON.parse(String(init.body))).toEqual({ patronNumber: '100000001' });
  });

  it('the link: a guessable password and a mismatch are shown on their fields; an expired link offers to start again', async () => {
    const fetch = vi.fn(async () =>
      apiError(410, 'token_expired', '受付の有効期限が切れました。はじめからやり直してください。'),
    );
    vi.stubGlobal('fetch', fetch);
    renderAt(`${paths.passwordReset}?token=${'t'.repeat(43)}`);
    await fillIn({ 新しいパスワード: 'aaaaaaaa', 再入力: 'aaaaaaab' });
    await userEvent.click(screen.getByRole('button', { name: '再設定する' }));
    // The form checks with the domain's schema, which loads with its own chunk: wait for it.
    await waitFor(
      () =>
        expect(screen.getByLabelText('新しいパスワード')).toHaveAccessibleDescription(/同じ文字の繰り返し/),
      { timeout: 10_000 },
    );
    expect(screen.getByLabelText('再入力')).toHaveAccessibleDescription(/一致しません/);
    expect(fetch).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('新しいパスワード'));
    await userEvent.clear(screen.getByLabelText('再入力'));
    await fillIn({ 新しいパスワード: 'Wasureta-kagi-31', 再入力: 'Wasureta-kagi-31' });
    await userEvent.click(screen.getByRole('button', { name: '再設定する' }));
    expect(
      await screen.findByText('受付の有効期限が切れました。はじめからやり直してください。'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'はじめからやり直す' })).toHaveAttribute(
      'href',
      paths.passwordReset,
    );
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({
      resetToken: 't'.repeat(43),
      password: 'Wasureta-kagi-31',
      passwordConfirm: 'Wasureta-kagi-31',
    });
  });

  it('by identity: a patron without a password is sent to 新規パスワード登録', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => apiError(409, 'not_registered', 'パスワードはまだ登録されていません。')),
    );
    renderAt(paths.passwordResetIdentity);
    await fillIn(IDENTITY);
    await userEvent.click(screen.getByRole('button', { name: '本人確認する' }));
    expect(await screen.findByText('パスワードはまだ登録されていません。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '新規パスワード登録へ' })).toHaveAttribute(
      'href',
      paths.registration,
    );
  });

  it('the completion page is not shown without a completed reset', () => {
    renderAt(paths.passwordResetComplete);
    expect(screen.getByRole('heading', { name: 'メールで再設定' })).toBeInTheDocument();
  });
});
