import { type ErrorCode, errorKey } from './error-codes.ts';

/**
 * Codes whose messages live with their feature's texts rather than in `errorMessages` (the
 * calendar's branch, the renewal's Idempotency-Key).
 */
export const FEATURE_ERROR_CODES = [
  'unknown_branch',
  'idempotency_key_mismatch',
  'idempotency_in_progress',
] as const;

/**
 * Every code an answer of the API can carry (docs/product.md §6): those of `errorMessages` and the
 * feature codes above. The OpenAPI document lists the same (`API_ERROR_CODES` in api/error-body.ts).
 */
export type DomainErrorCode = ErrorCode | (typeof FEATURE_ERROR_CODES)[number];

/** A catalog key (`area.key`), with its placeholders' values when it has any. */
export type Message = string | { key: string; params?: Record<string, string | number> };

export interface DomainErrorOptions {
  /** The message's catalog key; `errors.<code>` when omitted. */
  message?: Message;
  /** Field → message (catalog keys), for `validation_failed`. */
  fields?: Record<string, Message>;
  /** When trying again can succeed (a lock or a limit running out), in seconds. */
  retryAfterSeconds?: number;
}

/**
 * Why a workflow refused: a code of the API and the catalog keys that word it. Services throw
 * it and know nothing of HTTP; the BFF's error handler gives each code its one status
 * (apps/bff/src/lib/api-error.ts) and translates the keys into the request's language.
 */
export class DomainError extends Error {
  /** The message's catalog key (with its placeholders' values). */
  readonly messageKey: Message;
  readonly fields: Record<string, Message> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: DomainErrorCode,
    options: DomainErrorOptions = {},
  ) {
    const key = options.message ?? errorKey(code);
    super(typeof key === 'string' ? key : key.key);
    this.name = 'DomainError';
    this.messageKey = key;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
