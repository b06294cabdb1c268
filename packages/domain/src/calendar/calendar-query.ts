import { z } from 'zod';
import { messageKeys } from '../i18n/message-keys.ts';
import { isYearMonth } from './calendar-month.ts';

export const CALENDAR_MONTHS_DEFAULT = 2;
export const CALENDAR_MONTHS_MAX = 12;
export const CALENDAR_DEFAULT_BRANCH = 'main';

export const calendarMessages = {
  branchInvalid: '図書館の指定が正しくありません。',
  unknownBranch: '指定された図書館はありません。',
  fromInvalid: '表示する月は「2021-01」のように年と月で指定してください。',
  monthsInvalid: `表示する月数は1から${CALENDAR_MONTHS_MAX}までの数字で指定してください。`,
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const calendarKeys = messageKeys('calendar', calendarMessages);

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
