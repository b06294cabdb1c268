import { z } from 'zod';
import { plainDateSchema, yearMonthSchema } from './common.ts';

export const calendarEventSchema = z.object({
  title: z.string(),
  time: z.string().optional(),
  description: z.string().optional(),
});
export type CalendarEvent = z.output<typeof calendarEventSchema>;

export const calendarDaySchema = z.object({
  date: plainDateSchema,
  closed: z.boolean(),
  closedReason: z.string().optional(),
  holiday: z.string().optional(),
  events: z.array(calendarEventSchema),
  /** The patron's active loans due that day; only present for a logged-in patron. */
  dueCount: z.number().int().min(0).optional(),
});
export type CalendarDay = z.output<typeof calendarDaySchema>;

export const calendarMonthSchema = z.object({ month: yearMonthSchema, days: z.array(calendarDaySchema) });
export type CalendarMonth = z.output<typeof calendarMonthSchema>;

export const branchRefSchema = z.object({ code: z.string(), name: z.string(), shortName: z.string() });

/** GET /api/calendar. */
export const calendarResponseSchema = z.object({
  /** The business date (LIBRARY_TODAY in demos), so "today" is the server's, not the device's. */
  today: plainDateSchema,
  branch: z.string(),
  branches: z.array(branchRefSchema),
  months: z.array(calendarMonthSchema),
});
export type CalendarResponse = z.output<typeof calendarResponseSchema>;
