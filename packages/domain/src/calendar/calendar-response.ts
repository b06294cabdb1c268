import type { PlainDate } from '../dates/plain-date.ts';
import type { YearMonth } from './calendar-month.ts';

/** The shape of GET /api/calendar (docs/product.md §6), shared by the BFF that builds it and the SPA. */
export interface CalendarEvent {
  title: string;
  time?: string;
  description?: string;
}

export interface CalendarDay {
  date: PlainDate;
  closed: boolean;
  closedReason?: string;
  holiday?: string;
  events: CalendarEvent[];
  /** The patron's active loans due that day; only present for a logged-in patron. */
  dueCount?: number;
}

export interface CalendarMonth {
  month: YearMonth;
  days: CalendarDay[];
}
