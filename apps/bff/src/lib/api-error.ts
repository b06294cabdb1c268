import { DomainError, type DomainErrorCode, type Language, type Message, t } from '@library/domain';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export { DomainError, type Message };

/**
 * The one place an error code gets its HTTP status (docs/product.md §6). Services, middleware
 * and routes throw a `DomainError` with a code; `createApp`'s error handler answers with the
 * status written here, so no throw site names a status.
 */
export const HTTP_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  unknown_branch: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  identity_not_verified: 401,
  forbidden: 403,
  forbidden_origin: 403,
  patron_has_overdue: 403,
  renewal_denied: 403,
  registration_not_available: 403,
  not_found: 404,
  already_registered: 409,
  not_registered: 409,
  idempotency_in_progress: 409,
  token_expired: 410,
  payload_too_large: 413,
  idempotency_key_mismatch: 422,
  locked: 423,
  rate_limited: 429,
  internal_error: 500,
  ils_unavailable: 503,
  service_unavailable: 503,
} as const satisfies Record<DomainErrorCode, ContentfulStatusCode>;

export function translate(lang: Language, message: Message): string {
  return typeof message === 'string' ? t(lang, message) : t(lang, message.key, message.params);
}

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/**
 * A domain error as the API answers it: the code's status, its headers, and the one error
 * shape of docs/product.md §6 in `lang` (the catalog keys are translated only here).
 */
export function errorAnswer(error: DomainError, lang: Language) {
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, translate(lang, v)]))
    : undefined;
  return {
    status: HTTP_STATUS[error.code] as ContentfulStatusCode,
    headers: error.retryAfterSeconds !== undefined ? { 'Retry-After': String(error.retryAfterSeconds) } : {},
    body: errorBody(error.code, translate(lang, error.messageKey), fields),
  };
}
