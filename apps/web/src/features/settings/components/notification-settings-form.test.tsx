import { DEFAULT_NOTIFICATION_PREFERENCES } from '@library/domain/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationSettingsForm, type PushSubscriptionControl } from './notification-settings-form.tsx';

let puts: unknown[];
beforeEach(() => {
  puts = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init: RequestInit) => {
      puts.push(JSON.parse(String(init.body)));
      return new Response(null, { status: 204 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderForm(push?: PushSubscriptionControl, hasEmail = true) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <NotificationSettingsForm initial={DEFAULT_NOTIFICATION_PREFERENCES} hasEmail={hasEmail} push={push} />
    </QueryClientProvider>,
  );
}

describe('お知らせの設定', () => {
  it('saves its settings, without the language (the header’s switch owns it), and says so', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByLabelText('返却期限日お知らせメールを受け取る'));
    await user.click(screen.getByLabelText('1日前'));
    await user.click(screen.getByRole('button', { name: 'お知らせの設定を保存する' }));
    expect(await screen.findByText('お知らせの設定を保存しました。')).toBeInTheDocument();
    expect(puts).toEqual([
      {
        reminder: { email: true, daysBefore: 1, includeTitles: false, push: false },
        overdueNotice: true,
      },
    ]);
  });

  it('switching push on subscribes this browser first; a refusal shows on the push field and nothing is saved', async () => {
    const user = userEvent.setup();
    const push = {
      enable: vi.fn<() => Promise<void>>(async () => {
        throw new Error('通知が許可されませんでした。');
      }),
      disable: vi.fn<() => Promise<void>>(async () => {}),
    };
    renderForm(push);
    const box = screen.getByLabelText('この端末にもプッシュ通知で知らせる');
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'お知らせの設定を保存する' }));
    expect(await screen.findByRole('link', { name: '通知が許可されませんでした。' })).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(/通知が許可されませんでした。/);
    expect(push.enable).toHaveBeenCalledTimes(1);
    expect(puts).toEqual([]);

    push.enable.mockResolvedValueOnce(undefined);
    await user.click(screen.getByRole('button', { name: 'お知らせの設定を保存する' }));
    expect(await screen.findByText('お知らせの設定を保存しました。')).toBeInTheDocument();
    expect(puts).toHaveLength(1);
    expect((puts[0] as { reminder: { push: boolean } }).reminder.push).toBe(true);
  });

  it('warns when mail is chosen but no address is registered', async () => {
    const user = userEvent.setup();
    renderForm(undefined, false);
    await user.click(screen.getByLabelText('返却期限日お知らせメールを受け取る'));
    expect(screen.getByLabelText('返却期限日お知らせメールを受け取る')).toHaveAccessibleDescription(
      /メールアドレスが登録されていないため/,
    );
  });
});
