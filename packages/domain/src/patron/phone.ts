import { z } from 'zod';
import { messageKeys } from '../i18n/message-keys.ts';

export const phoneMessages = {
  required: '電話番号を入力してください。',
  digits: '電話番号は半角数字で入力してください。',
  length: '電話番号は合わせて10桁または11桁の数字で入力してください（例: 0944-73-0000）。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const phoneKeys = messageKeys('phone', phoneMessages);

/** Full-width digits → half-width; spaces and hyphens dropped (people paste 0944-73-0000). */
export function normalizePhonePart(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐－ー―()（）]/g, '');
}

/**
 * I4: the guide's three fields (市外局番 - 市内局番 - 番号). A whole number pasted into the
 * first field is accepted too. The output is the digits only, as stored (0944730000).
 */
export const phoneSchema = z
  .array(z.string({ error: phoneKeys.digits }), { error: phoneKeys.required })
  .max(3, phoneKeys.length)
  .transform((parts, ctx) => {
    const joined = parts.map(normalizePhonePart).join('');
    if (joined === '') {
      ctx.addIssue({ code: 'custom', message: phoneKeys.required });
      return z.NEVER;
    }
    if (!/^\d+$/.test(joined)) {
      ctx.addIssue({ code: 'custom', message: phoneKeys.digits });
      return z.NEVER;
    }
    if (joined.length < 10 || joined.length > 11) {
      ctx.addIssue({ code: 'custom', message: phoneKeys.length });
      return z.NEVER;
    }
    return joined;
  });
