import { z } from 'zod/mini';
import { patronNumberSchema } from '../patron/patron-number.ts';
import { loginKeys } from './login-texts.ts';

export * from './login-texts.ts';

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
