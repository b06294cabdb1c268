import { z } from 'zod';

/** Most loans one request may renew (docs/product.md §6) and the largest page of 貸出一覧. */
export const MAX_RENEWAL_IDS = 100;
export const LOAN_PAGE_SIZE_DEFAULT = 10;
export const LOAN_PAGE_SIZE_MAX = 100;
/** Loan ids are PostgreSQL `serial`s: anything above would fail in the database, not here. */
const MAX_ID = 2_147_483_647;

export const renewalRequestMessages = {
  required: '延長する資料を選んでください。',
  tooMany: `一度に延長できる資料は${MAX_RENEWAL_IDS}点までです。`,
  invalidId: '資料の指定が正しくありません。',
} as const;

/** POST /api/renewals: 1–100 loan ids; duplicates collapse to one, in first-seen order. */
export const renewalRequestSchema = z.object({
  loanIds: z
    .array(
      z
        .number({ error: renewalRequestMessages.invalidId })
        .int(renewalRequestMessages.invalidId)
        .min(1, renewalRequestMessages.invalidId)
        .max(MAX_ID, renewalRequestMessages.invalidId),
      { error: renewalRequestMessages.required },
    )
    .min(1, renewalRequestMessages.required)
    .max(MAX_RENEWAL_IDS, renewalRequestMessages.tooMany)
    .transform((ids) => [...new Set(ids)]),
});

export type RenewalRequest = z.output<typeof renewalRequestSchema>;

export const loanPageMessages = {
  page: 'ページの指定が正しくありません。',
  pageSize: `1ページの件数は1から${LOAN_PAGE_SIZE_MAX}までで指定してください。`,
} as const;

const positiveInteger = (message: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/, message)
    .transform(Number);

/** GET /api/loans?page=&pageSize= (query strings: digits only, nothing else). */
export const loanPageQuerySchema = z.object({
  page: positiveInteger(loanPageMessages.page).default(1),
  pageSize: positiveInteger(loanPageMessages.pageSize)
    .pipe(z.number().max(LOAN_PAGE_SIZE_MAX, loanPageMessages.pageSize))
    .default(LOAN_PAGE_SIZE_DEFAULT),
});

/** `Idempotency-Key`: an opaque token from the client (a UUID in our SPA). */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{8,200}$/);

/** Answers of POST /api/renewals about the `Idempotency-Key` header. */
export const idempotencyMessages = {
  invalid: 'Idempotency-Key は8〜200文字の半角英数記号で指定してください。',
  idempotency_key_mismatch:
    '同じ受付番号で別の内容が送信されました。画面を読み込み直してからお試しください。',
  idempotency_in_progress:
    'この貸出延長の手続きは処理中です。しばらく待ってから画面を読み込み直してください。',
} as const;
