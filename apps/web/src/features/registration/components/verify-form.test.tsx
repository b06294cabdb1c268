import { plainDateInTokyo } from '@library/domain';
import { registrationVerifySchema } from '@library/domain/registration';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../../test/api-error.ts';
import { fillIn, IDENTITY } from '../../../test/fill-in.ts';
import { MemoryRouter } from '../../../test/memory-router.tsx';
import { VerifyForm } from './verify-form.tsx';

function renderForm(onVerified = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <VerifyForm loginPath="/login" passwordResetPath="/password-reset" onVerified={onVerified} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return onVerified;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('利用者の認証 (step 1)', () => {
  it('shows each error on its field and in a focused summary, without calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderForm();
    await userEvent.type(screen.getByLabelText('氏名'), '鈴木');
    await userEvent.click(screen.getByRole('button', { name: 'ログインする' }));
    const name = screen.getByLabelText('氏名');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(expect.stringContaining('氏名は全角カナで入力してください'));
    expect(screen.getByLabelText('電話番号 市外局番')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(document.activeElement).toHaveClass('error-summary'));
    expect(screen.getByRole('alert')).toHaveTextContent('利用者番号を入力してください。');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends what the schema parsed and hands step 2 the normalised details', async () => {
    const fetch = vi.fn(async () =>
      Response.json({ registrationToken: 't'.repeat(43), currentEmail: 'h***@example.jp' }),
    );
    vi.stubGlobal('fetch', fetch);
    const onVerified = renderForm();
    await fillIn({
      ...IDENTITY,
      利用者番号: 'A300000003A',
      氏名: 'すずき　はなこ',
      生年月日: '１９９０１１０５',
    });
    await userEvent.click(screen.getByRole('button', { name: 'ログインする' }));
    await waitFor(() => expect(onVerified).toHaveBeenCalledOnce());
    expect(onVerified).toHaveBeenCalledWith({
      registrationToken: 't'.repeat(43),
      currentEmail: 'h***@example.jp',
      patronNumber: '300000003',
      birthDate: '1990-11-05',
      phone: '0944123456',
    });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    // What the shared schema made of it, the whole phone number in the first of its three fields.
    const body = JSON.parse(String(init.body));
    expect(body).toEqual({
      patronNumber: '300000003',
      name: 'スズキハナコ',
      birthDate: '1990-11-05',
      phone: ['0944123456'],
    });
    // …which the BFF's schema takes as it is.
    expect(registrationVerifySchema(plainDateInTokyo(new Date())).parse(body)).toEqual({
      ...body,
      phone: '0944123456',
    });
  });

  it('shows the one generic message when the server cannot verify the identity', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        apiError(
          401,
          'identity_not_verified',
          '入力された利用者情報を確認できませんでした。内容をお確かめください。',
        ),
      ),
    );
    renderForm();
    await fillIn({ ...IDENTITY, 生年月日: '19900101' });
    await userEvent.click(screen.getByRole('button', { name: 'ログインする' }));
    expect(
      await screen.findByText('入力された利用者情報を確認できませんでした。内容をお確かめください。'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('生年月日')).not.toHaveAttribute('aria-invalid');
  });
});
