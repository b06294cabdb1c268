/** Messages of the loans and renewals API, without zod (the Japanese catalog of every page includes them). */
import { messageKeys } from '../i18n/message-keys.ts';

/** Most loans one request may renew (SPEC §6) and the largest page of 貸出一覧. */
export const MAX_RENEWAL_IDS = 100;

export const LOAN_PAGE_SIZE_MAX = 100;

export const renewalRequestMessages = {
  required: '延長する資料を選んでください。',
  tooMany: `一度に延長できる資料は${MAX_RENEWAL_IDS}点までです。`,
  invalidId: '資料の指定が正しくありません。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const renewalRequestKeys = messageKeys('renewalRequest', renewalRequestMessages);

export const loanPageMessages = {
  page: 'ページの指定が正しくありません。',
  pageSize: `1ページの件数は1から${LOAN_PAGE_SIZE_MAX}までで指定してください。`,
  pageOutOfRange: 'ページは1から{{last}}までで指定してください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const loanPageKeys = messageKeys('loanPage', loanPageMessages);

/** Answers of POST /api/renewals about the `Idempotency-Key` header. */
export const idempotencyMessages = {
  invalid: 'Idempotency-Key は8〜200文字の半角英数記号で指定してください。',
  idempotency_key_mismatch:
    '同じ受付番号で別の内容が送信されました。画面を読み込み直してからお試しください。',
  idempotency_in_progress:
    'この貸出延長の手続きは処理中です。しばらく待ってから画面を読み込み直してください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const idempotencyKeys = messageKeys('idempotency', idempotencyMessages);
