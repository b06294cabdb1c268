import { z } from 'zod';
import {
  LOAN_PAGE_SIZE_MAX,
  loanPageKeys,
  MAX_RENEWAL_IDS,
  renewalRequestKeys,
} from './renewal-request-texts.ts';

export * from './renewal-request-texts.ts';

export const LOAN_PAGE_SIZE_DEFAULT = 10;
/** Loan ids are PostgreSQL `serial`s: anything above would fail in the database, not here. */
const MAX_ID = 2_147_483_647;

/** POST /api/renewals: 1–100 loan ids; duplicates collapse to one, in first-seen order. */
export const renewalRequestSchema = z.object({
  loanIds: z
    .array(
      z
        .number({ error: renewalRequestKeys.invalidId })
        .int(renewalRequestKeys.invalidId)
        .min(1, renewalRequestKeys.invalidId)
        .max(MAX_ID, renewalRequestKeys.invalidId),
      { error: renewalRequestKeys.required },
    )
    .min(1, renewalRequestKeys.required)
    .max(MAX_RENEWAL_IDS, renewalRequestKeys.tooMany)
    .transform((ids) => [...new Set(ids)]),
});

export type RenewalRequest = z.output<typeof renewalRequestSchema>;

const positiveInteger = (message: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/, message)
    .transform(Number);

/** GET /api/loans?page=&pageSize= (query strings: digits only, nothing else). */
export const loanPageQuerySchema = z.object({
  page: positiveInteger(loanPageKeys.page).default(1),
  pageSize: positiveInteger(loanPageKeys.pageSize)
    .pipe(z.number().max(LOAN_PAGE_SIZE_MAX, loanPageKeys.pageSize))
    .default(LOAN_PAGE_SIZE_DEFAULT),
});

/** `Idempotency-Key`: an opaque token from the client (a UUID in our SPA). */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{8,200}$/);
