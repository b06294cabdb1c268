import { z } from 'zod';
import { patronNumberSchema } from '../patron/patron-number.ts';

export const loginMessages = {
  passwordRequired: 'パスワードを入力してください。',
  invalidCredentials: '利用者番号またはパスワードが正しくありません。',
  locked:
    'ログインに続けて失敗したため、しばらくの間ログインできません。15分ほど時間をおいてからお試しください。',
  rateLimited: 'アクセスが集中しています。しばらく待ってからお試しください。',
} as const;

/** Long enough for any password we accept (64) and short enough to bound hashing work. */
export const LOGIN_PASSWORD_MAX = 256;

export const loginSchema = z.object({
  patronNumber: patronNumberSchema,
  password: z
    .string({ error: loginMessages.passwordRequired })
    .min(1, loginMessages.passwordRequired)
    .max(LOGIN_PASSWORD_MAX, loginMessages.invalidCredentials),
});

export type LoginInput = z.input<typeof loginSchema>;
