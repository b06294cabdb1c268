import { z } from 'zod';
import { languageSchema, patronNumberAnswerSchema } from './common.ts';

/** Who is signed in; `language` only when the patron saved one (SPEC §12). */
export const signedInPatronSchema = z.object({
  number: patronNumberAnswerSchema,
  name: z.string(),
  language: languageSchema.optional(),
});

/** GET /api/session: 200 with or without a session. */
export const sessionInfoSchema = z.object({
  patron: signedInPatronSchema.nullable(),
  /**
   * How patrons get a password: `portal` (新規パスワード登録, パスワードを忘れた方) or `ils`
   * (CIRCULATION=sip2 with SIP2_PASSWORDS=ils: the ILS's PIN, managed at the library counter).
   */
  passwordMode: z.enum(['portal', 'ils']),
});
export type SessionInfo = z.output<typeof sessionInfoSchema>;

/** POST /api/session. */
export const loginResponseSchema = z.object({ patron: signedInPatronSchema.nullable() });
export type LoginResponse = z.output<typeof loginResponseSchema>;
