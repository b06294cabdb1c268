import { formatDateJa, type PlainDate } from '../dates/plain-date.ts';

/** R4's reasons, in the order they are checked: the first that applies is the one reported. */
export const RENEWAL_REFUSAL_REASONS = [
  'interlibrary_loan',
  'already_renewed',
  'reserved',
  'not_extended',
] as const;
export type RenewalRefusalReason = (typeof RENEWAL_REFUSAL_REASONS)[number];

/** Every reason a renewal can be refused for: R4's, R5's block, and (from the API) an unknown loan. */
export type RenewalReason =
  | RenewalRefusalReason
  | 'patron_has_overdue'
  | 'not_found'
  /** CIRCULATION=sip2: the ILS denies the patron renewals (patron status position 2). */
  | 'renewal_denied'
  /** CIRCULATION=sip2: the ILS refused with a text no SIP2_REASON_PATTERNS entry matched (shown verbatim). */
  | 'ils_refused'
  /** CIRCULATION=sip2: the ILS's answer never came; the item was read again and not found renewed. */
  | 'ils_unavailable';

/** Every code of RenewalReason (SIP2_REASON_PATTERNS keys are checked against it). */
export const RENEWAL_REASONS = [
  ...RENEWAL_REFUSAL_REASONS,
  'patron_has_overdue',
  'not_found',
  'renewal_denied',
  'ils_refused',
  'ils_unavailable',
] as const satisfies readonly RenewalReason[];

/** The 注意 column of 貸出一覧 (docs/product.md §3). */
export const renewalNoteLabels = {
  patron_has_overdue: '延滞中',
  interlibrary_loan: '他館資料',
  already_renewed: '延長済',
  reserved: '予約あり',
} as const;

/** What patrons read (docs/product.md §3); `not_extended` names the date from which renewing helps. */
export const renewalReasonMessages = {
  patron_has_overdue: '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。',
  interlibrary_loan: '他館から取り寄せた資料のため、延長できません。',
  already_renewed: 'この資料はすでに一度延長しています。',
  reserved: '予約が入っているため、延長できません。',
  not_extended: '今延長しても返却期限日が延びません。{date}以降に延長できます。',
  not_found: 'この資料は現在の貸出中一覧にありません。',
  renewal_denied:
    '現在、この利用者カードでは貸出延長の手続きができません。図書館カウンターにお問い合わせください。',
  ils_refused: '図書館システムが貸出延長を受け付けませんでした。',
  ils_unavailable:
    '図書館システムから延長の結果を受け取れなかったため、延長されていません。しばらくしてから貸出一覧でご確認ください。',
} as const satisfies Record<RenewalReason, string>;

export function renewalReasonMessage(
  reason: RenewalReason,
  availableFrom?: PlainDate,
  /** The ILS's own words (SIP2 AF), shown verbatim for `ils_refused`. */
  ilsMessage?: string,
): string {
  if (reason === 'ils_refused' && ilsMessage) return ilsMessage;
  const message: string = renewalReasonMessages[reason];
  if (reason !== 'not_extended') return message;
  // Without the date the sentence would promise one it cannot name; keep only the first part.
  return availableFrom
    ? message.replace('{date}', formatDateJa(availableFrom))
    : message.slice(0, message.indexOf('。') + 1);
}

/**
 * The short text of the 注意 column for a row that cannot be renewed. A blocked patron's
 * rows say 延滞中 only where the loan itself is overdue; the page's banner explains the rest.
 */
export function renewalNote(
  renewal: { reason?: RenewalReason; availableFrom?: PlainDate },
  overdue: boolean,
): string {
  const { reason } = renewal;
  if (reason === undefined || reason === 'not_found' || reason === 'renewal_denied') return '';
  if (reason === 'ils_refused' || reason === 'ils_unavailable') return '延長不可';
  if (reason === 'patron_has_overdue') return overdue ? renewalNoteLabels.patron_has_overdue : '';
  if (reason === 'not_extended') {
    return renewal.availableFrom ? `${formatDateJa(renewal.availableFrom)}以降に延長できます` : '延長不可';
  }
  return renewalNoteLabels[reason];
}
