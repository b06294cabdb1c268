import { type ErrorCode, errorMessages } from '@library/domain';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Handlers throw this; `onError` turns it into the one error shape of docs/product.md §6. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode | (string & {}),
    message?: string,
    readonly options: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message ?? errorMessages[code as ErrorCode] ?? code);
  }
}

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}
