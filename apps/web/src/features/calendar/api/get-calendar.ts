import { CALENDAR_DEFAULT_BRANCH, CALENDAR_MONTHS_DEFAULT, type YearMonth } from '@library/domain';
import type { CalendarResponse } from '@library/domain/api';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type { CalendarDay, CalendarEvent } from '@library/domain';

/** GET /api/calendar's answer (the domain's schema). */
export type CalendarData = CalendarResponse;

export interface CalendarQueryInput {
  branch?: string;
  /** Undefined: the month of the business date, chosen by the server. */
  from?: YearMonth;
  months?: number;
}

export const calendarQueryKey = ['calendar'] as const;

export function getCalendar({ branch, from, months }: CalendarQueryInput): Promise<CalendarData> {
  const params = new URLSearchParams({
    branch: branch ?? CALENDAR_DEFAULT_BRANCH,
    months: String(months ?? CALENDAR_MONTHS_DEFAULT),
  });
  if (from) params.set('from', from);
  return api<CalendarData>(`/calendar?${params}`);
}

export const calendarQueryOptions = (input: CalendarQueryInput) =>
  queryOptions({
    queryKey: [
      ...calendarQueryKey,
      input.branch ?? CALENDAR_DEFAULT_BRANCH,
      input.from ?? 'current',
      input.months ?? CALENDAR_MONTHS_DEFAULT,
    ],
    queryFn: () => getCalendar(input),
    // Due dates change with every renewal: always revalidate, showing the last answer meanwhile.
    staleTime: 0,
    // Paging keeps the shown months until the next ones arrive: no flash, no layout shift.
    placeholderData: keepPreviousData,
  });

export function useCalendar(input: CalendarQueryInput) {
  return useQuery(calendarQueryOptions(input));
}
