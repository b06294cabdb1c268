import { z } from 'zod';
import type { PlainDate } from '../dates/plain-date.ts';
import { messageKeys } from '../i18n/message-keys.ts';
import type { NewPasswordOptions } from '../patron/password.ts';
import { patronNumberSchema } from '../patron/patron-number.ts';
import { newPasswordForm, registrationVerifySchema, stepTokenField } from './registration-schemas.ts';

/** docs/product.md §11: the mailed link is valid 30 minutes; the token of the identity check 15, as registration's. */
export const PASSWORD_RESET_MAIL_TTL_MINUTES = 30;
export const PASSWORD_RESET_IDENTITY_TTL_MINUTES = 15;

export const passwordResetMessages = {
  tokenMissing: '再設定の受付情報がありません。はじめからやり直してください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const passwordResetKeys = messageKeys('passwordReset', passwordResetMessages);

/** パスワードを忘れた方 by mail: only the number (docs/product.md §11). */
export const passwordResetRequestSchema = z.object({ patronNumber: patronNumberSchema });

export type PasswordResetRequestInput = z.input<typeof passwordResetRequestSchema>;

/** パスワードを忘れた方 by identity: the same proof as 新規パスワード登録 step 1 (I6). */
export function passwordResetVerifySchema(today: PlainDate) {
  return registrationVerifySchema(today);
}

export type PasswordResetVerifyInput = z.input<ReturnType<typeof passwordResetVerifySchema>>;

/** The new password under I8, checked with the patron's details as `context` by the BFF. */
export function passwordResetCompleteSchema(options: NewPasswordOptions = {}) {
  return newPasswordForm(options, { resetToken: stepTokenField(passwordResetKeys.tokenMissing) });
}

export type PasswordResetCompleteInput = z.input<ReturnType<typeof passwordResetCompleteSchema>>;
