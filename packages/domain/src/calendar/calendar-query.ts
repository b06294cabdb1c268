import { z } from 'zod';
import { isYearMonth } from './calendar-month.ts';
import { CALENDAR_MONTHS_MAX, calendarKeys } from './calendar-texts.ts';

export * from './calendar-texts.ts';

export const CALENDAR_MONTHS_DEFAULT = 2;
export const CALENDAR_DEFAULT_BRANCH = 'main';

/** Branch codes are short lowercase identifiers (`main`, `mitsuhashi`). */
export const BRANCH_CODE = /^[a-z][a-z0-9_-]{0,31}$/;

/** Query of `GET /api/calendar`; defaults (this month, 本館) are the server's, which knows today. */
export const calendarQuerySchema = z.object({
  branch: z.string().regex(BRANCH_CODE, calendarKeys.branchInvalid).optional(),
  from: z.string().refine(isYearMonth, calendarKeys.fromInvalid).optional(),
  months: z
    .string()
    .regex(/^\d{1,2}$/, calendarKeys.monthsInvalid)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, calendarKeys.monthsInvalid)
        .max(CALENDAR_MONTHS_MAX, calendarKeys.monthsInvalid),
    )
    .optional(),
});

export type CalendarQuery = z.output<typeof calendarQuerySchema>;
