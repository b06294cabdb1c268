import { z } from 'zod';
import { errorMessages } from '../errors/error-codes.ts';

/**
 * Every `error.code` the API answers (docs/product.md §6): the codes of errors/error-codes.ts and
 * the three whose message is a screen's own text (calendar, renewals' Idempotency-Key).
 */
export const API_ERROR_CODES = [
  ...(Object.keys(errorMessages) as (keyof typeof errorMessages)[]),
  'unknown_branch',
  'idempotency_key_mismatch',
  'idempotency_in_progress',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error shape of docs/product.md §6; `codes` narrows it to what one answer may carry. */
export function errorBodySchema(codes: readonly ApiErrorCode[] = API_ERROR_CODES) {
  return z.object({
    error: z.object({
      code: z.enum(codes as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string().min(1),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  });
}
