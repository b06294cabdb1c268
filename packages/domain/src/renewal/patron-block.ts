import type { PlainDate } from '../dates/plain-date.ts';

/** R5: a loan is overdue when its due date is before today; renewing on the due date is allowed. */
export function isOverdue(dueDate: PlainDate, today: PlainDate): boolean {
  return dueDate < today;
}

export type PatronBlock = 'patron_has_overdue' | null;

/** R5: a patron with any overdue loan can renew nothing. */
export function patronBlock(dueDates: Iterable<PlainDate>, today: PlainDate): PatronBlock {
  for (const due of dueDates) if (isOverdue(due, today)) return 'patron_has_overdue';
  return null;
}
