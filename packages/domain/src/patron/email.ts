import { z } from 'zod';
import { messageKeys } from '../i18n/message-keys.ts';

export const EMAIL_MAX = 254;

export const emailMessages = {
  required: 'メールアドレスを入力してください。',
  format: 'メールアドレスの形式が正しくありません（例: yanagawa@example.jp）。',
  tooLong: `メールアドレスは${EMAIL_MAX}文字以内で入力してください。`,
  consecutiveDots:
    'ドット（.）が連続しているメールアドレスには、図書館からのメールが届かない場合があるため登録できません。',
  dotAtEdge:
    '「@」の直前や先頭にドット（.）があるメールアドレスには、図書館からのメールが届かない場合があるため登録できません。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const emailKeys = messageKeys('email', emailMessages);

export type EmailProblem = 'required' | 'format' | 'tooLong' | 'consecutiveDots' | 'dotAtEdge';

/** Full-width characters typed with an IME (＠, ｅｘａｍｐｌｅ) → half-width; surrounding spaces dropped. */
export function normalizeEmail(input: string): string {
  return input.normalize('NFKC').trim();
}

const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * I9: a practical check — one @, a domain with a dot, at most 254 characters — plus the
 * guide's warning: consecutive dots, or a dot at the start or end of the local part
 * (old Japanese mobile addresses) may not receive the library's mail.
 */
export function emailProblem(email: string): EmailProblem | undefined {
  if (email === '') return 'required';
  if (email.length > EMAIL_MAX) return 'tooLong';
  const parts = email.split('@');
  if (parts.length !== 2) return 'format';
  const [local, domain] = parts as [string, string];
  if (local === '' || domain === '') return 'format';
  if (email.includes('..')) return 'consecutiveDots';
  if (local.startsWith('.') || local.endsWith('.')) return 'dotAtEdge';
  if (!LOCAL.test(local)) return 'format';
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return 'format';
  if (!/[A-Za-z]/.test(labels.at(-1)!)) return 'format';
  return undefined;
}

export const emailSchema = z
  .string({ error: emailKeys.required })
  .transform(normalizeEmail)
  .superRefine((value, ctx) => {
    const problem = emailProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: emailKeys[problem] });
  });
