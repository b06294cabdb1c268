import {
  type BranchRef,
  CALENDAR_DEFAULT_BRANCH,
  CALENDAR_MONTHS_DEFAULT,
  type CalendarMonth,
  type PlainDate,
  type YearMonth,
} from '@library/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type { CalendarDay, CalendarEvent } from '@library/domain';

export interface CalendarData {
  /** The business date (LIBRARY_TODAY in demos), so "today" is the server's, not the device's. */
  today: PlainDate;
  branch: string;
  branches: BranchRef[];
  months: CalendarMonth[];
}

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
