import { z } from 'zod';
import { compareDates, isPlainDate, type PlainDate } from '../dates/plain-date.ts';
import { messageKeys } from '../i18n/message-keys.ts';

export const BIRTH_DATE_EARLIEST: PlainDate = '1900-01-01';

export const birthDateMessages = {
  required: '生年月日を入力してください。',
  format: '生年月日は西暦の8桁の数字で入力してください（例: 2009年3月1日→20090301）。',
  notADate: '生年月日に存在しない日付が入力されています。',
  future: '生年月日に未来の日付は入力できません。',
  tooEarly: '生年月日は1900年1月1日以降の日付を入力してください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const birthDateKeys = messageKeys('birthDate', birthDateMessages);

/** Full-width digits → half-width; spaces and the usual separators (/, -, .) dropped. */
export function normalizeBirthDateInput(input: string): string {
  return input.normalize('NFKC').replace(/[\s/\-.‐－ー―]/g, '');
}

/** `YYYYMMDD` → `YYYY-MM-DD` (the stored form), or undefined when it is not 8 digits. */
export function birthDateFromDigits(digits: string): string | undefined {
  return /^\d{8}$/.test(digits)
    ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`
    : undefined;
}

/**
 * I3: 8 digits `YYYYMMDD`, a real calendar date, not after `today`, not before 1900.
 * The output is the plain date `YYYY-MM-DD`. `today` is a parameter: the domain has no clock.
 */
export function birthDateSchema(today: PlainDate) {
  return z.string({ error: birthDateKeys.required }).transform((raw, ctx) => {
    const digits = normalizeBirthDateInput(raw);
    if (digits === '') {
      ctx.addIssue({ code: 'custom', message: birthDateKeys.required });
      return z.NEVER;
    }
    const date = birthDateFromDigits(digits);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: birthDateKeys.format });
      return z.NEVER;
    }
    if (!isPlainDate(date)) {
      ctx.addIssue({ code: 'custom', message: birthDateKeys.notADate });
      return z.NEVER;
    }
    if (compareDates(date, BIRTH_DATE_EARLIEST) < 0) {
      ctx.addIssue({ code: 'custom', message: birthDateKeys.tooEarly });
      return z.NEVER;
    }
    if (compareDates(date, today) > 0) {
      ctx.addIssue({ code: 'custom', message: birthDateKeys.future });
      return z.NEVER;
    }
    return date as PlainDate;
  });
}
