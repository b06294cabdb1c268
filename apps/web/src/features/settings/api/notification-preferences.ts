import type { NotificationPreferences } from '@library/domain/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const notificationPreferencesQueryKey = ['me', 'notifications'] as const;

/** お知らせの設定: GET /api/me/notifications. */
export function getNotificationPreferences() {
  return api<NotificationPreferences>('/me/notifications');
}

export const notificationPreferencesQueryOptions = () =>
  queryOptions({ queryKey: notificationPreferencesQueryKey, queryFn: getNotificationPreferences });

/** Asked again on every visit of the form (`isFetchedAfterMount` tells when that answer is in). */
export function useNotificationPreferences() {
  return useQuery({ ...notificationPreferencesQueryOptions(), refetchOnMount: 'always' });
}

/** PUT /api/me/notifications: the whole settings object. */
export function updateNotificationPreferences(body: NotificationPreferences) {
  return api<void>('/me/notifications', { method: 'PUT', body });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (_, saved) => queryClient.setQueryData(notificationPreferencesQueryKey, saved),
  });
}
