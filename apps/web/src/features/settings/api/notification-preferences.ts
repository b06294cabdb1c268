import type { NotificationPreferences } from '@library/domain/notifications';
import { useQuery } from '@tanstack/react-query';
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

/** PUT /api/me/notifications: the whole settings object, which then is the cached answer. */
export function useUpdateNotificationPreferences() {
  return usePut<NotificationPreferences>('/me/notifications', (queryClient, saved) =>
    queryClient.setQueryData(notificationPreferencesQueryKey, saved),
  );
}
