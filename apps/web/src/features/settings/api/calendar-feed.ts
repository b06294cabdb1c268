import type { CalendarFeedCreated } from '@library/domain/api';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/me/calendar-feed: a new secret URL (the previous one stops working). */
export function createCalendarFeed() {
  return api<CalendarFeedCreated>('/me/calendar-feed', { method: 'POST' });
}

/** DELETE /api/me/calendar-feed: the URL stops working. */
export function deleteCalendarFeed() {
  return api<void>('/me/calendar-feed', { method: 'DELETE' });
}

export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: createCalendarFeed });
}

export function useDeleteCalendarFeed() {
  return useMutation({ mutationFn: deleteCalendarFeed });
}
