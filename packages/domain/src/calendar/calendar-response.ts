/** The shape of GET /api/calendar (docs/product.md §6): the schemas live in api/calendar.ts. */
export type { CalendarDay, CalendarEvent, CalendarMonth, CalendarResponse } from '../api/calendar.ts';
