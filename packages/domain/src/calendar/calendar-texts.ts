/** The calendar query's messages, without zod: the Japanese catalog of every page includes them. */
import { messageKeys } from '../i18n/message-keys.ts';

export const CALENDAR_MONTHS_MAX = 12;

export const calendarMessages = {
  branchInvalid: '図書館の指定が正しくありません。',
  unknownBranch: '指定された図書館はありません。',
  fromInvalid: '表示する月は「2021-01」のように年と月で指定してください。',
  monthsInvalid: `表示する月数は1から${CALENDAR_MONTHS_MAX}までの数字で指定してください。`,
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const calendarKeys = messageKeys('calendar', calendarMessages);

/** How the calendar writes a month and a day; `monthName` and `weekday` come from Intl in the language. */
export const calendarDateFormats = {
  yearMonth: '{{year}}年{{monthName}}',
  monthDay: '{{monthName}}{{day}}日（{{weekday}}）',
} as const;

export const calendarDateKeys = messageKeys('calendarDate', calendarDateFormats);
