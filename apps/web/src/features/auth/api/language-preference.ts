import type { Language } from '@library/domain';
import type { LanguageChange } from '@library/domain/notifications';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type SessionInfo, sessionQueryKey } from './get-session.ts';

/**
 * Saves the header's language for the signed-in patron (mails follow it, SPEC §12) with
 * PUT /api/me/language, which changes nothing else: お知らせの設定 saved meanwhile keeps its
 * fields, and this choice survives that form's save (which sends no language). The session's
 * cached answer then names it, and `onSaved` brings the caller's caches up to date (the page
 * that combines the features passes the settings' own). Best effort: the device remembers the
 * choice anyway.
 */
export function useSaveLanguage(onSaved?: (queryClient: QueryClient, language: Language) => unknown) {
  const queryClient = useQueryClient();
  return async (language: Language): Promise<void> => {
    try {
      await api<void>('/me/language', { method: 'PUT', body: { language } satisfies LanguageChange });
    } catch {
      // Not signed in any more, offline, or a server without the setting: nothing to save.
      return;
    }
    queryClient.setQueryData<SessionInfo>(sessionQueryKey, (old) =>
      old?.patron ? { ...old, patron: { ...old.patron, language } } : old,
    );
    await onSaved?.(queryClient, language);
  };
}
