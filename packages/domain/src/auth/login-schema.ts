import { z } from 'zod/mini';
import { messageKeys } from '../i18n/message-keys.ts';
import { patronNumberSchema } from '../patron/patron-number.ts';

export const loginMessages = {
  passwordRequired: 'パスワードを入力してください。',
  invalidCredentials: '利用者番号またはパスワードが正しくありません。',
  locked:
    'ログインに続けて失敗したため、しばらくの間ログインできません。15分ほど時間をおいてからお試しください。',
  rateLimited: 'アクセスが集中しています。しばらく待ってからお試しください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const loginKeys = messageKeys('login', loginMessages);

/** Long enough for any password we accept (64) and short enough to bound hashing work. */
export const LOGIN_PASSWORD_MAX = 256;

/** zod/mini (see patron-number.ts): the login page loads this and nothing else of zod. */
export const loginSchema = z.object({
  patronNumber: patronNumberSchema,
  password: z
    .string({ error: loginKeys.passwordRequired })
    .check(
      z.minLength(1, loginKeys.passwordRequired),
      z.maxLength(LOGIN_PASSWORD_MAX, loginKeys.invalidCredentials),
    ),
});

export type LoginInput = z.input<typeof loginSchema>;
