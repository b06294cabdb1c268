import { z } from 'zod';
import { type DomainErrorCode, FEATURE_ERROR_CODES } from '../errors/domain-error.ts';
import { errorMessages } from '../errors/error-codes.ts';

/**
 * Every `error.code` the API answers (docs/product.md §6): the codes of errors/error-codes.ts and
 * the three whose message is a screen's own text (calendar, renewals' Idempotency-Key).
 */
export const API_ERROR_CODES: readonly DomainErrorCode[] = [
  ...(Object.keys(errorMessages) as (keyof typeof errorMessages)[]),
  ...FEATURE_ERROR_CODES,
];

/** The same codes as the services throw (`DomainError`): one list, two names. */
export type ApiErrorCode = DomainErrorCode;

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
