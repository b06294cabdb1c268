import { errorKey, type Language, t } from '@library/domain';
import type { ApiErrorCode } from '@library/domain/api';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A catalog key (`area.key`), with its placeholders' values when it has any. */
export type Message = string | { key: string; params?: Record<string, string | number> };

export function translate(lang: Language, message: Message): string {
  return typeof message === 'string' ? t(lang, message) : t(lang, message.key, message.params);
}

/**
 * Handlers throw this; `onError` turns it into the one error shape of docs/product.md §6, in the request's
 * language. The message and the fields' messages are catalog keys (the code's own
 * `errors.<code>` by default), translated only when the answer is written.
 */
export class ApiError extends Error {
  readonly messageKey: Message;
  constructor(
    readonly status: ContentfulStatusCode,
    /** One of the codes the OpenAPI document knows (a new one goes into `API_ERROR_CODES`). */
    readonly code: ApiErrorCode,
    message?: Message,
    readonly options: { fields?: Record<string, Message>; headers?: Record<string, string> } = {},
  ) {
    const key = message ?? errorKey(code);
    super(typeof key === 'string' ? key : key.key);
    this.messageKey = key;
  }

  /** The answer's body in `lang`. */
  body(lang: Language) {
    const fields = this.options.fields
      ? Object.fromEntries(Object.entries(this.options.fields).map(([k, v]) => [k, translate(lang, v)]))
      : undefined;
    return errorBody(this.code, translate(lang, this.messageKey), fields);
  }
}

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}
