import type {
  Language,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from '@library/domain/notifications';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { getQuery, usePut } from '../../../lib/api-query.ts';

export const notificationPreferencesQueryKey = ['me', 'notifications'] as const;

/** お知らせの設定: GET /api/me/notifications. */
export const notificationPreferencesQueryOptions = () =>
  getQuery<NotificationPreferences, typeof notificationPreferencesQueryKey>(
    notificationPreferencesQueryKey,
    '/me/notifications',
  );

/** Asked again on every visit of the form (`isFetchedAfterMount` tells when that answer is in). */
export function useNotificationPreferences() {
  return useQuery({ ...notificationPreferencesQueryOptions(), refetchOnMount: 'always' });
}

/**
 * PUT /api/me/notifications: the settings without `language` (the server keeps its own, which
 * the header's switch saves), merged into the cached answer.
 */
export function useUpdateNotificationPreferences() {
  return usePut<NotificationPreferencesUpdate>('/me/notifications', (queryClient, saved) =>
    queryClient.setQueryData<NotificationPreferences>(notificationPreferencesQueryKey, (old) =>
      old ? { ...old, ...saved } : undefined,
    ),
  );
}

/**
 * After the header's switch saved `language` on the server (PUT /api/me/language): the cached
 * settings say it at once, and are asked again (a GET already under way may predate the save).
 */
export function languageSaved(queryClient: QueryClient, language: Language): Promise<void> {
  queryClient.setQueryData<NotificationPreferences>(notificationPreferencesQueryKey, (old) =>
    old ? { ...old, language } : undefined,
  );
  return queryClient.invalidateQueries({ queryKey: notificationPreferencesQueryKey });
}
