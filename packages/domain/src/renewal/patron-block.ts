import type { PlainDate } from '../dates/plain-date.ts';

/** R5: a loan is overdue when its due date is before today; renewing on the due date is allowed. */
export function isOverdue(dueDate: PlainDate, today: PlainDate): boolean {
  return dueDate < today;
}

/**
 * Why a patron can renew nothing: R5's overdue loans, or (CIRCULATION=sip2) the ILS denying
 * the patron renewals (SIP2 patron status position 2). The type and the API's schema
 * (api/common.ts) are derived from this one list.
 */
export const PATRON_BLOCKS = ['patron_has_overdue', 'renewal_denied'] as const;
/** One of PATRON_BLOCKS, or null when the patron may renew. */
export type PatronBlock = (typeof PATRON_BLOCKS)[number] | null;

/** R5: a patron with any overdue loan can renew nothing. */
export function patronBlock(dueDates: Iterable<PlainDate>, today: PlainDate): PatronBlock {
  for (const due of dueDates) if (isOverdue(due, today)) return 'patron_has_overdue';
  return null;
}
