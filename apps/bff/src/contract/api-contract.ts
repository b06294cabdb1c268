import {
  calendarQuerySchema,
  idempotencyKeySchema,
  loanPageQuerySchema,
  loginSchema,
  pushSubscriptionSchema,
  pushUnsubscribeSchema,
  renewalRequestSchema,
} from '@library/domain';
import {
  type ApiErrorCode,
  calendarFeedCreatedSchema,
  calendarResponseSchema,
  healthResponseSchema,
  loanPageSchema,
  loginResponseSchema,
  meSchema,
  passwordResetRequestResponseSchema,
  passwordResetVerifyResponseSchema,
  pushPublicKeyResponseSchema,
  registrationCompleteResponseSchema,
  registrationVerifyResponseSchema,
  renewalResponseSchema,
  sessionInfoSchema,
} from '@library/domain/api';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  languageChangeSchema,
  notificationPreferencesSchema,
  notificationPreferencesUpdateSchema,
} from '@library/domain/notifications';
import {
  emailChangeSchema,
  passwordChangeSchema,
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  passwordResetVerifySchema,
  registrationCompleteSchema,
  registrationVerifySchema,
} from '@library/domain/registration';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';

/**
 * The HTTP API's contract (docs/product.md §6), one row per operation: what each route takes
 * and every status and error code it can answer. `GET /api/openapi.json` is generated from it
 * (openapi-document.ts); a test holds it to the routes the app really registers, the tests'
 * client checks every answer against the document, and the fuzzer sends what it describes.
 * Schemas come from packages/domain, the same ones the routes validate with and answer in.
 */

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface SuccessResponse {
  description: string;
  /** The JSON body's schema; none: an empty body (201, 204). */
  body?: $ZodType;
  /** Another media type than JSON, with `body` its text's schema. */
  contentType?: string;
}

export interface Operation {
  method: Method;
  /** OpenAPI's template: `{name}` for a path parameter. */
  path: string;
  summary: string;
  tag: string;
  /** `required`: 401 without a live session; `optional`: answers either way, more with one. */
  session: 'required' | 'optional' | 'none';
  query?: $ZodType;
  params?: Record<string, { schema: $ZodType; description: string }>;
  headers?: Record<string, { schema: $ZodType; description: string }>;
  /** The JSON body's schema, as the route validates it (input side). */
  body?: $ZodType;
  /** Valid bodies against the demo data (docs and the fuzzer start from them). */
  examples?: Record<string, unknown>;
  /** Asks the circulation port (the ILS under CIRCULATION=sip2): 503 `ils_unavailable`. */
  circulation?: boolean;
  /** Under the per-address limit on guessing (lib/rate-limit.ts): 429 `rate_limited`. */
  rateLimited?: boolean;
  responses: Partial<Record<200 | 201 | 202 | 204 | 304, SuccessResponse>>;
  /** This route's own refusals; what every route shares is added by `errorsOf`. */
  errors?: Partial<Record<number, ApiErrorCode[]>>;
}

/** Placeholders a schema needs that the document cannot know (the rules don't change its shape). */
const SAMPLE_TODAY = '2021-01-20';

const DEMO_PATRON = { patronNumber: '100000001', password: 'tosho2021' };
const NEW_PASSWORD = 'Kawakudari-Funa-2031';
const PUSH_SUBSCRIPTION = {
  endpoint: 'https://push.example.net/send/demo-endpoint',
  keys: {
    p256dh: 'BF9E94T2Sr-Q-3WEiBjp30ROb8mqXgCbpv8KlRQ3Dwvsbqb-IIBhEbG8-sj89blQBY_-YqPFNGuPsh3CqcgegrY',
    auth: 'mx-PqT3Ixc27gxkiwR9NzA',
  },
};

/** The document itself: an OpenAPI 3.1 object (only what a reader checks first is pinned here). */
const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** Every step of 新規パスワード登録 / パスワードを忘れた方: no session, under the per-address limit. */
const registrationStep = { tag: 'registration', session: 'none', rateLimited: true } as const;
const passwordResetStep = { tag: 'password-reset', session: 'none', rateLimited: true } as const;

/** A 204: done, nothing to answer. */
const noContent = (description: string) => ({ 204: { description } });

export const apiContract: Operation[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This document (OpenAPI 3.1)',
    session: 'none',
    responses: {
      200: { description: 'The document (with an ETag)', body: openApiDocumentSchema },
      304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    },
  },
  {
    method: 'get',
    path: '/api/health',
    tag: 'meta',
    summary: 'Whether the database and the circulation system answer',
    session: 'none',
    responses: {
      200: { description: 'Up (`degraded` when the ILS does not answer)', body: healthResponseSchema },
    },
  },
  {
    method: 'get',
    path: '/api/session',
    tag: 'session',
    summary: 'Who is signed in (200 with or without a session)',
    session: 'optional',
    responses: { 200: { description: 'The patron, or null', body: sessionInfoSchema } },
  },
  {
    method: 'post',
    path: '/api/session',
    tag: 'session',
    summary: 'ログイン: sets the session cookie',
    session: 'none',
    body: loginSchema,
    examples: { demo: DEMO_PATRON },
    rateLimited: true,
    responses: { 200: { description: 'Signed in; `Set-Cookie: sid`', body: loginResponseSchema } },
    errors: { 401: ['invalid_credentials'], 423: ['locked'] },
    circulation: true,
  },
  {
    method: 'delete',
    path: '/api/session',
    tag: 'session',
    summary: 'ログアウト (204 with or without a session)',
    session: 'optional',
    responses: noContent('Signed out; the cookie is cleared'),
  },
  {
    method: 'get',
    path: '/api/me',
    tag: 'portal',
    summary: '利用者ポータル: the patron, the block banner and 貸出状況',
    session: 'required',
    responses: { 200: { description: 'The portal', body: meSchema } },
    circulation: true,
  },
  {
    method: 'put',
    path: '/api/me/password',
    tag: 'settings',
    summary: '利用者情報変更: a new password (other sessions end; a mail tells the patron)',
    session: 'required',
    body: passwordChangeSchema({}),
    examples: {
      change: {
        currentPassword: DEMO_PATRON.password,
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
      },
    },
    rateLimited: true,
    responses: noContent('Changed'),
    errors: { 403: ['registration_not_available'], 423: ['locked'] },
  },
  {
    method: 'put',
    path: '/api/me/email',
    tag: 'settings',
    summary: '利用者情報変更: the email for contact and/or reservations (each address is told)',
    session: 'required',
    body: emailChangeSchema,
    examples: { both: { email: 'taro.new@example.jp', useForContact: true, useForReservations: true } },
    responses: noContent('Changed'),
    errors: { 429: ['rate_limited'] },
  },
  {
    method: 'get',
    path: '/api/me/notifications',
    tag: 'settings',
    summary: 'お知らせの設定',
    session: 'required',
    responses: { 200: { description: 'The settings', body: notificationPreferencesSchema } },
  },
  {
    method: 'put',
    path: '/api/me/notifications',
    tag: 'settings',
    summary: 'お知らせの設定: the whole settings object; without `language` the stored one stays',
    session: 'required',
    body: notificationPreferencesUpdateSchema,
    examples: {
      defaults: DEFAULT_NOTIFICATION_PREFERENCES,
      withoutLanguage: { reminder: DEFAULT_NOTIFICATION_PREFERENCES.reminder, overdueNotice: true },
    },
    responses: noContent('Saved'),
  },
  {
    method: 'put',
    path: '/api/me/language',
    tag: 'settings',
    summary: 'The language of the signed-in patron (mails follow it); the other settings stay',
    session: 'required',
    body: languageChangeSchema,
    examples: { english: { language: 'en' } },
    responses: noContent('Saved'),
  },
  {
    method: 'post',
    path: '/api/me/calendar-feed',
    tag: 'settings',
    summary: 'A new secret iCalendar URL (the previous one stops working)',
    session: 'required',
    responses: { 201: { description: 'The URL', body: calendarFeedCreatedSchema } },
  },
  {
    method: 'delete',
    path: '/api/me/calendar-feed',
    tag: 'settings',
    summary: 'The iCalendar URL stops working',
    session: 'required',
    responses: noContent('Revoked (or there was none)'),
  },
  {
    method: 'get',
    path: '/api/calendar-feed/{file}',
    tag: 'calendar',
    summary: 'The patron’s due dates as iCalendar; the secret URL is the credential',
    session: 'none',
    params: { file: { schema: z.string().regex(/^.+\.ics$/), description: '`{token}.ics`' } },
    responses: {
      200: {
        description: 'The feed',
        contentType: 'text/calendar',
        body: z.string().regex(/^BEGIN:VCALENDAR\r?\n/),
      },
    },
    errors: { 404: ['not_found'] },
    circulation: true,
  },
  {
    method: 'get',
    path: '/api/push/public-key',
    tag: 'settings',
    summary: 'The VAPID key browsers subscribe with',
    session: 'none',
    responses: { 200: { description: 'The key', body: pushPublicKeyResponseSchema } },
  },
  {
    method: 'post',
    path: '/api/me/push-subscriptions',
    tag: 'settings',
    summary: 'Keeps this browser’s push subscription',
    session: 'required',
    body: pushSubscriptionSchema({}),
    examples: { browser: PUSH_SUBSCRIPTION },
    responses: { 201: { description: 'Kept' } },
  },
  {
    method: 'delete',
    path: '/api/me/push-subscriptions',
    tag: 'settings',
    summary: 'Forgets a push subscription (204 whether or not there was one)',
    session: 'required',
    body: pushUnsubscribeSchema({}),
    examples: { browser: { endpoint: PUSH_SUBSCRIPTION.endpoint } },
    responses: noContent('Forgotten'),
  },
  {
    method: 'post',
    path: '/api/registration/verify',
    ...registrationStep,
    summary: '新規パスワード登録 step 1: identity check (I6)',
    body: registrationVerifySchema(SAMPLE_TODAY),
    examples: {
      hanako: {
        patronNumber: '300000003',
        name: 'スズキハナコ',
        birthDate: '19901105',
        phone: ['0944', '12', '3456'],
      },
    },
    responses: { 200: { description: 'The token of step 2', body: registrationVerifyResponseSchema } },
    errors: {
      401: ['identity_not_verified'],
      403: ['registration_not_available'],
      409: ['already_registered'],
      423: ['locked'],
    },
    circulation: true,
  },
  {
    method: 'post',
    path: '/api/registration/complete',
    ...registrationStep,
    summary: '新規パスワード登録 step 2: password and email (I7, I10)',
    body: registrationCompleteSchema({}),
    examples: {
      hanako: {
        registrationToken: 'a-token-from-step-1',
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
        email: 'hanako.suzuki@example.jp',
        useForContact: true,
        useForReservations: false,
      },
    },
    responses: {
      201: { description: 'Registered; a mail confirms it', body: registrationCompleteResponseSchema },
    },
    errors: { 403: ['registration_not_available'], 409: ['already_registered'], 410: ['token_expired'] },
  },
  {
    method: 'post',
    path: '/api/password-reset/request',
    ...passwordResetStep,
    summary: 'パスワードを忘れた方: a mailed link (202 whatever the number)',
    body: passwordResetRequestSchema,
    examples: { taro: { patronNumber: DEMO_PATRON.patronNumber } },
    responses: { 202: { description: 'Accepted', body: passwordResetRequestResponseSchema } },
    errors: { 403: ['registration_not_available'] },
  },
  {
    method: 'post',
    path: '/api/password-reset/verify',
    ...passwordResetStep,
    summary: 'パスワードを忘れた方: identity check instead of the mail',
    body: passwordResetVerifySchema(SAMPLE_TODAY),
    examples: {
      taro: {
        patronNumber: '100000001',
        name: 'ヤナガワタロウ',
        birthDate: '19750408',
        phone: ['0944', '73', '0001'],
      },
    },
    responses: {
      200: { description: 'The token of the new password', body: passwordResetVerifyResponseSchema },
    },
    errors: {
      401: ['identity_not_verified'],
      403: ['registration_not_available'],
      409: ['not_registered'],
      423: ['locked'],
    },
    circulation: true,
  },
  {
    method: 'post',
    path: '/api/password-reset/complete',
    ...passwordResetStep,
    summary: 'パスワードを忘れた方: the new password (every session of the patron ends)',
    body: passwordResetCompleteSchema({}),
    examples: {
      taro: { resetToken: 'a-token-from-the-mail', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    },
    responses: noContent('Changed'),
    errors: { 403: ['registration_not_available'], 410: ['token_expired'] },
  },
  {
    method: 'get',
    path: '/api/calendar',
    tag: 'calendar',
    summary: '開館カレンダー: closed days, holidays, events (with a session, the patron’s due dates)',
    session: 'optional',
    query: calendarQuerySchema,
    responses: { 200: { description: 'The months', body: calendarResponseSchema } },
    errors: { 400: ['unknown_branch'] },
    circulation: true,
  },
  {
    method: 'get',
    path: '/api/loans',
    tag: 'loans',
    summary: '貸出一覧: one page, each loan with its renewal preview',
    session: 'required',
    query: loanPageQuerySchema,
    responses: { 200: { description: 'The page', body: loanPageSchema } },
    circulation: true,
  },
  {
    method: 'post',
    path: '/api/renewals',
    tag: 'loans',
    summary: '貸出延長: each loan on its own, exactly once (R6–R8)',
    session: 'required',
    body: renewalRequestSchema,
    examples: { one: { loanIds: [1] }, several: { loanIds: [1, 2, 3] } },
    headers: {
      'Idempotency-Key': {
        schema: idempotencyKeySchema,
        description: 'One per confirmation: a retry replays the first answer (`Idempotent-Replayed: true`)',
      },
    },
    responses: { 200: { description: 'One result per loan', body: renewalResponseSchema } },
    errors: {
      403: ['patron_has_overdue', 'renewal_denied'],
      409: ['idempotency_in_progress'],
      422: ['idempotency_key_mismatch'],
    },
    circulation: true,
  },
];

/**
 * What any request under /api may be answered with before a route is found: no such route, or
 * a refusal of the middleware every path shares (lib/create-app.ts; /api/me/* needs a session).
 */
export const unmatchedErrors: Partial<Record<number, ApiErrorCode[]>> = {
  400: ['invalid_json'],
  401: ['unauthenticated'],
  403: ['forbidden'],
  404: ['not_found'],
  413: ['payload_too_large'],
  429: ['rate_limited'],
  500: ['internal_error'],
  503: ['service_unavailable'],
};

/** Every status → codes one operation can answer: its own and what every route shares. */
export function errorsOf(op: Operation): Map<number, ApiErrorCode[]> {
  const errors = new Map<number, Set<ApiErrorCode>>();
  const add = (status: number, ...codes: ApiErrorCode[]) => {
    const set = errors.get(status) ?? new Set();
    for (const code of codes) set.add(code);
    errors.set(status, set);
  };
  if (op.body || op.query || op.params || op.headers) add(400, 'validation_failed');
  if (op.method !== 'get') {
    // Any body is measured (413) and scanned for depth (invalid_json), and the origin checked.
    add(400, 'invalid_json');
    add(403, 'forbidden');
    add(413, 'payload_too_large');
  }
  if (op.session === 'required') add(401, 'unauthenticated');
  if (op.rateLimited) add(429, 'rate_limited');
  if (op.circulation) add(503, 'ils_unavailable');
  for (const [status, codes] of Object.entries(op.errors ?? {})) add(Number(status), ...(codes ?? []));
  add(500, 'internal_error');
  add(503, 'service_unavailable');
  return new Map([...errors].sort(([a], [b]) => a - b).map(([status, set]) => [status, [...set]]));
}
