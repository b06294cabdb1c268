import { formatDateJa, type PlainDate } from '../dates/plain-date.ts';
import { type Language, t } from '../i18n/translate.ts';

/** R4's reasons, in the order they are checked: the first that applies is the one reported. */
export const RENEWAL_REFUSAL_REASONS = [
  'interlibrary_loan',
  'already_renewed',
  'reserved',
  'not_extended',
] as const;
export type RenewalRefusalReason = (typeof RENEWAL_REFUSAL_REASONS)[number];

/**
 * Every reason a renewal can be refused for: R4's, R5's block, and (from the API) an unknown loan
 * (SIP2_REASON_PATTERNS keys are checked against it). The type is derived from this one list, so
 * a new reason is in the OpenAPI enum (api/common.ts) as soon as it exists.
 */
export const RENEWAL_REASONS = [
  ...RENEWAL_REFUSAL_REASONS,
  'patron_has_overdue',
  'not_found',
  /** CIRCULATION=sip2: the ILS denies the patron renewals (patron status position 2). */
  'renewal_denied',
  /** CIRCULATION=sip2: the ILS refused with a text no SIP2_REASON_PATTERNS entry matched (shown verbatim). */
  'ils_refused',
  /** CIRCULATION=sip2: the ILS's answer never came; the item was read again and not found renewed. */
  'ils_unavailable',
] as const;

export type RenewalReason = (typeof RENEWAL_REASONS)[number];

export { renewalNoteLabels, renewalReasonMessages } from './renewal-texts.ts';

export function renewalReasonMessage(
  reason: RenewalReason,
  availableFrom?: PlainDate,
  /** The ILS's own words (SIP2 AF), shown verbatim for `ils_refused`. */
  ilsMessage?: string,
  lang: Language = 'ja',
): string {
  if (reason === 'ils_refused' && ilsMessage) return ilsMessage;
  if (reason !== 'not_extended') return t(lang, `renewalReason.${reason}`);
  return availableFrom
    ? t(lang, 'renewalReason.not_extended', { date: formatDateJa(availableFrom) })
    : t(lang, 'renewalReason.not_extended_undated');
}

/**
 * The short text of the 注意 column for a row that cannot be renewed. A blocked patron's
 * rows say 延滞中 only where the loan itself is overdue; the page's banner explains the rest.
 */
export function renewalNote(
  renewal: { eligible?: boolean; reason?: RenewalReason; availableFrom?: PlainDate },
  overdue: boolean,
  lang: Language = 'ja',
): string {
  const { reason } = renewal;
  if (reason === undefined || reason === 'not_found' || reason === 'renewal_denied') return '';
  if (reason === 'ils_refused' || reason === 'ils_unavailable') return t(lang, 'renewalNote.notRenewable');
  if (reason === 'patron_has_overdue') return overdue ? t(lang, 'renewalNote.patron_has_overdue') : '';
  if (reason === 'not_extended') {
    return renewal.availableFrom
      ? t(lang, 'renewalNote.availableFrom', { date: formatDateJa(renewal.availableFrom) })
      : t(lang, 'renewalNote.notRenewable');
  }
  return t(lang, `renewalNote.${reason}`);
}
