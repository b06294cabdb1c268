import type { NotificationPreferences } from '@library/domain/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../features/auth/api/get-me.ts';
import { notificationPreferencesQueryKey } from '../features/settings/api/notification-preferences.ts';
import { setLanguage } from '../lib/i18n.ts';
import { apiError } from '../test/api-error.ts';
import { MemoryRouter } from '../test/memory-router.tsx';
import { AppLayout } from './app-layout.tsx';
import { Component as SettingsPage } from './routes/settings.tsx';

const me: Me = {
  patron: { number: '100000001', name: 'ヤナガワタロウ', email: 'taro@example.jp' },
  blocked: null,
  loans: [],
};

/**
 * The BFF's side as docs/product.md §6 says it: PUT /api/me/notifications keeps the stored
 * language when the body has none; PUT /api/me/language changes the language alone.
 */
let stored: NotificationPreferences;
let requests: string[];
beforeEach(() => {
  stored = {
    reminder: { email: false, daysBefore: 3, includeTitles: false, push: false },
    overdueNotice: true,
    language: 'ja',
  };
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      const method = init?.method ?? 'GET';
      requests.push(`${method} ${path}`);
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      if (method === 'GET' && path === '/api/session') {
        return Response.json({
          patron: { number: me.patron.number, name: me.patron.name, language: stored.language },
          passwordMode: 'portal',
        });
      }
      if (method === 'GET' && path === '/api/me') return Response.json(me);
      if (method === 'GET' && path === '/api/me/notifications') return Response.json(stored);
      if (method === 'PUT' && path === '/api/me/notifications') {
        stored = { ...stored, ...body };
        return new Response(null, { status: 204 });
      }
      if (method === 'PUT' && path === '/api/me/language') {
        stored = { ...stored, language: body.language };
        return new Response(null, { status: 204 });
      }
      return apiError(404, 'not_found', '');
    }),
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await setLanguage('ja');
  localStorage.clear();
});

describe('the header’s 日本語 / English and お知らせの設定', () => {
  it('switching to English with the form open, then saving the form, leaves English stored', async () => {
    const user = userEvent.setup();
    const client = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <AppLayout>
            <SettingsPage />
          </AppLayout>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const reminder = await screen.findByLabelText('返却期限日お知らせメールを受け取る', undefined, {
      timeout: 5000,
    });
    await screen.findByRole('button', { name: 'ログアウト' });

    await user.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(stored.language).toBe('en'));
    // The cached settings say English too (the form's page reads them).
    await waitFor(() =>
      expect(client.getQueryData<NotificationPreferences>(notificationPreferencesQueryKey)?.language).toBe(
        'en',
      ),
    );

    await user.click(reminder);
    await user.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    expect(await screen.findByText('Your reminder settings have been saved.')).toBeInTheDocument();
    expect(stored).toEqual({
      reminder: { email: true, daysBefore: 3, includeTitles: false, push: false },
      overdueNotice: true,
      language: 'en',
    });
    expect(requests).toContain('PUT /api/me/language');
  });
});
