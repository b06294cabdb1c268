import { z } from 'zod';
import { patronNumberAnswerSchema } from './common.ts';

/** POST /api/registration/verify: the token of step 2; 旧メールアドレス masked (t***@example.jp). */
export const registrationVerifyResponseSchema = z.object({
  registrationToken: z.string().min(1),
  currentEmail: z.string().nullable(),
});
export type RegistrationVerifyResponse = z.output<typeof registrationVerifyResponseSchema>;

/** POST /api/registration/complete (201). */
export const registrationCompleteResponseSchema = z.object({
  patron: z.object({ number: patronNumberAnswerSchema, name: z.string() }),
  mailTo: z.string(),
});
export type RegistrationCompleteResponse = z.output<typeof registrationCompleteResponseSchema>;

/** POST /api/password-reset/request (202, whatever the number). */
export const passwordResetRequestResponseSchema = z.object({ accepted: z.literal(true) });
export type PasswordResetRequestResponse = z.output<typeof passwordResetRequestResponseSchema>;

/** POST /api/password-reset/verify. */
export const passwordResetVerifyResponseSchema = z.object({ resetToken: z.string().min(1) });
export type PasswordResetVerifyResponse = z.output<typeof passwordResetVerifyResponseSchema>;

/** POST /api/me/calendar-feed (201): the new secret iCalendar URL. */
export const calendarFeedCreatedSchema = z.object({ url: z.url() });
export type CalendarFeedCreated = z.output<typeof calendarFeedCreatedSchema>;

/** GET /api/push/public-key. */
export const pushPublicKeyResponseSchema = z.object({
  /** The VAPID public key: an uncompressed P-256 point, base64url (the applicationServerKey). */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
});
export type PushPublicKeyResponse = z.output<typeof pushPublicKeyResponseSchema>;

/** GET /api/health: 200 while the database answers; `degraded` when the ILS does not. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  circulation: z.object({ backend: z.enum(['local', 'sip2']), status: z.enum(['ok', 'unavailable']) }),
});
export type HealthResponse = z.output<typeof healthResponseSchema>;
