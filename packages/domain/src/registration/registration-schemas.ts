import { z } from 'zod';
import { LOGIN_PASSWORD_MAX } from '../auth/login-schema.ts';
import type { PlainDate } from '../dates/plain-date.ts';
import { messageKeys } from '../i18n/message-keys.ts';
import { birthDateSchema } from '../patron/birth-date.ts';
import { emailSchema } from '../patron/email.ts';
import { type NewPasswordOptions, PASSWORD_MAX, passwordError, passwordKeys } from '../patron/password.ts';
import { patronNameSchema } from '../patron/patron-name.ts';
import { patronNumberSchema } from '../patron/patron-number.ts';
import { phoneSchema } from '../patron/phone.ts';

/** The registration and reset tokens are 256 bits in base64url (43 characters); anything far longer is junk. */
const STEP_TOKEN_MAX = 128;

export const registrationMessages = {
  tokenMissing: '受付の情報がありません。はじめからやり直してください。',
  contactChoiceRequired:
    '「今後の連絡先はこのアドレスに変更する」か「登録済み予約の連絡先もこのアドレスに変更する」のどちらかを選んでください。',
  /** 429 of an email change: too many changes by this patron, or too many mails to that address. */
  contactChangeLimited:
    'メールアドレスの変更が続いたため、しばらくの間変更できません。時間をおいてからお試しください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const registrationKeys = messageKeys('registration', registrationMessages);

/** The guide's two checkboxes (I7): 今後の連絡先 (default on) and 登録済み予約の連絡先 (default off). */
export const CONTACT_CHOICE_LABELS = {
  useForContact: '今後の連絡先はこのアドレスに変更する',
  useForReservations: '登録済み予約の連絡先もこのアドレスに変更する',
} as const;

const contactChoiceShape = {
  useForContact: z.boolean().default(true),
  useForReservations: z.boolean().default(false),
};

/** A password field: I8 with what is known about the patron; the message of the first problem. */
export function newPasswordField(options: NewPasswordOptions) {
  return z.string({ error: passwordKeys.required }).superRefine((value, ctx) => {
    const message = passwordError(value, options.context, options.isCommon);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

/** The confirmation: reported even when other fields of the form are wrong. */
export function passwordConfirmField() {
  return z
    .string({ error: passwordKeys.confirmRequired })
    .max(PASSWORD_MAX * 4, passwordKeys.confirmMismatch)
    .min(1, passwordKeys.confirmRequired);
}

/**
 * A token handed out by an earlier step (a 256-bit base64url string, 43 characters): missing,
 * empty and far too long all get the one message that sends the patron back to the start.
 */
export function stepTokenField(message: string) {
  return z.string({ error: message }).min(1, message).max(STEP_TOKEN_MAX, message);
}

/**
 * A form that sets a new password (I8): `before`, the password and its confirmation, `after`,
 * with the confirmation compared even when another field has failed.
 */
export function newPasswordForm<
  Before extends z.ZodRawShape,
  After extends z.ZodRawShape = Record<never, never>,
>(options: NewPasswordOptions, before: Before, after?: After) {
  return z
    .object({
      ...before,
      password: newPasswordField(options),
      passwordConfirm: passwordConfirmField(),
      ...(after as After),
    })
    .superRefine(confirmMatches, whenAnObject);
}

export function confirmMatches(
  value: { password?: unknown; passwordConfirm?: unknown },
  ctx: z.RefinementCtx,
) {
  if (
    typeof value.password === 'string' &&
    typeof value.passwordConfirm === 'string' &&
    value.passwordConfirm !== '' &&
    value.passwordConfirm !== value.password
  ) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: passwordKeys.confirmMismatch });
  }
}

/**
 * Runs the cross-field check even when another field has failed, so every error shows at once —
 * but only on an object: a body of `null` or `[]` has no fields to compare (and reading them
 * would throw: issue 15's 500).
 */
export const whenAnObject = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
} as const;

/** I6: registration step 1 (本人確認). `today` bounds the birth date. */
export function registrationVerifySchema(today: PlainDate) {
  return z.object({
    patronNumber: patronNumberSchema,
    name: patronNameSchema,
    birthDate: birthDateSchema(today),
    phone: phoneSchema,
  });
}

export type RegistrationVerifyInput = z.input<ReturnType<typeof registrationVerifySchema>>;

/**
 * I7: registration step 2. The BFF builds it with the patron's details as `context`, the SPA
 * with what was typed in step 1, both with the common-password list.
 */
export function registrationCompleteSchema(options: NewPasswordOptions = {}) {
  return newPasswordForm(
    options,
    { registrationToken: stepTokenField(registrationKeys.tokenMissing) },
    { email: emailSchema, ...contactChoiceShape },
  );
}

export type RegistrationCompleteInput = z.input<ReturnType<typeof registrationCompleteSchema>>;

/** I11: change of password in 利用者情報変更; the current password is checked by the BFF. */
export function passwordChangeSchema(options: NewPasswordOptions = {}) {
  return newPasswordForm(options, {
    currentPassword: z
      .string({ error: passwordKeys.currentRequired })
      .min(1, passwordKeys.currentRequired)
      .max(LOGIN_PASSWORD_MAX, passwordKeys.currentWrong),
  }).superRefine((value, ctx) => {
    if (value.currentPassword !== '' && value.password === value.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: passwordKeys.sameAsCurrent });
    }
  });
}

export type PasswordChangeInput = z.input<ReturnType<typeof passwordChangeSchema>>;

/**
 * I11: change of email, with the same two checkboxes. With both unticked nothing would change,
 * so that is refused with its own message.
 */
export const emailChangeSchema = z
  .object({ email: emailSchema, ...contactChoiceShape })
  .superRefine((value, ctx) => {
    if (!value.useForContact && !value.useForReservations) {
      ctx.addIssue({
        code: 'custom',
        path: ['useForContact'],
        message: registrationKeys.contactChoiceRequired,
      });
    }
  });

export type EmailChangeInput = z.input<typeof emailChangeSchema>;
