import type { NotificationPreferences } from '@library/domain/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../features/auth/api/get-me.ts';
import { notificationPreferencesQueryKey } from '../../features/settings/api/notification-preferences.ts';
import { apiError } from '../../test/api-error.ts';
import { MemoryRouter } from '../../test/memory-router.tsx';
import { Component as SettingsPage } from './settings.tsx';

afterEach(() => vi.unstubAllGlobals());

const me: Me = {
  patron: { number: '100000001', name: 'ヤナガワタロウ', email: 'taro@example.jp' },
  blocked: null,
  loans: [],
};
const prefs = (push: boolean): NotificationPreferences => ({
  reminder: { email: true, daysBefore: 3, includeTitles: false, push },
  overdueNotice: true,
  language: 'ja',
});

describe('利用者情報変更: お知らせの設定', () => {
  it('has one push control, and it starts from the server’s answer, not the copy restored at start-up', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.endsWith('/api/me/notifications')) return Response.json(prefs(false));
        if (url.endsWith('/api/me')) return Response.json(me);
        return apiError(404, 'not_found', '');
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['me'], me);
    // As the offline copy restores it: fresh-looking, but from before the last save (push on).
    client.setQueryData(notificationPreferencesQueryKey, prefs(true));
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <SettingsPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const push = await screen.findByRole(
      'checkbox',
      { name: 'この端末にもプッシュ通知で知らせる' },
      { timeout: 5000 },
    );
    expect(push).not.toBeChecked();
    expect(screen.getAllByRole('checkbox', { name: /プッシュ通知/ })).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'プッシュ通知' })).not.toBeInTheDocument();
  });
});
