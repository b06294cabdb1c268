import { toKatakana } from 'wanakana';
import { z } from 'zod';
import { messageKeys } from '../i18n/message-keys.ts';

export const PATRON_NAME_MAX = 40;

export const patronNameMessages = {
  required: '氏名を入力してください。',
  format: '氏名は全角カナで入力してください（例: ヤナガワタロウ）。',
  tooLong: `氏名は${PATRON_NAME_MAX}文字以内で入力してください。`,
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const patronNameKeys = messageKeys('patronName', patronNameMessages);

/**
 * I2: half-width kana → full width (NFKC, which also composes ｽﾞ into ズ), hiragana →
 * katakana (wanakana; romaji is left alone so it is reported, not silently converted),
 * and every space — also U+3000 — removed.
 */
export function normalizePatronName(input: string): string {
  return toKatakana(input.normalize('NFKC'), { passRomaji: true }).replace(/\s/g, '');
}

/** Full-width katakana (ァ…ヺ) and the prolonged sound mark ー, nothing else. */
export function isKatakanaName(value: string): boolean {
  return /^[\u30A1-\u30FA\u30FC]+$/.test(value);
}

export const patronNameSchema = z
  .string({ error: patronNameKeys.required })
  .transform(normalizePatronName)
  .pipe(
    z
      .string()
      .min(1, patronNameKeys.required)
      .max(PATRON_NAME_MAX, patronNameKeys.tooLong)
      .refine(isKatakanaName, patronNameKeys.format),
  );
