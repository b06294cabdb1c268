import { nextOpenDay } from '../calendar/closing-rules.ts';
import { addDays, type PlainDate } from '../dates/plain-date.ts';
import type { MaterialType } from '../loans/material.ts';
import type { PatronBlock } from './patron-block.ts';
import { defaultRenewalPolicy, type RenewalPolicy } from './renewal-policy.ts';
import type { RenewalReason, RenewalRefusalReason } from './renewal-reasons.ts';

/** Whether the lending branch is closed on a date (R2). */
export type IsClosed = (date: PlainDate) => boolean;

/** What the rules need to know about one loan. */
export interface RenewableLoan {
  materialType: MaterialType;
  dueDate: PlainDate;
  renewalCount: number;
  /** 他館資料: borrowed from another library system. */
  interlibrary: boolean;
  /** Another patron holds an active reservation on the item's title. */
  reservedByOthers: boolean;
}

export interface RenewalContext {
  /** The business date (Asia/Tokyo, or LIBRARY_TODAY). */
  today: PlainDate;
  /** The lending branch's closed days. */
  isClosed: IsClosed;
  policy?: RenewalPolicy;
}

export type RenewalEvaluation =
  | { eligible: true; newDueDate: PlainDate }
  | { eligible: false; reason: RenewalReason; availableFrom?: PlainDate };

/** R1 + R2: the due date a renewal done on `day` gives. */
export function newDueDate(
  day: PlainDate,
  materialType: MaterialType,
  isClosed: IsClosed,
  policy: RenewalPolicy = defaultRenewalPolicy,
): PlainDate {
  const due = addDays(day, policy.periodDays[materialType] - 1);
  return policy.moveOffClosedDays ? nextOpenDay(due, isClosed) : due;
}

/** R4 (docs/product.md §3): the first reason, in R4's order, why the loan cannot be renewed today; or null. */
export function renewalRefusal(loan: RenewableLoan, context: RenewalContext): RenewalRefusalReason | null {
  const policy = context.policy ?? defaultRenewalPolicy;
  if (loan.interlibrary) return 'interlibrary_loan';
  if (loan.renewalCount >= policy.maxRenewals) return 'already_renewed';
  if (loan.reservedByOthers) return 'reserved';
  if (newDueDate(context.today, loan.materialType, context.isClosed, policy) <= loan.dueDate) {
    return 'not_extended';
  }
  return null;
}

/**
 * For `not_extended`: the first day after today on which renewing would move the due date
 * later, closed days (R2) included. The new due date never decreases as the renewal day
 * moves on, and renewing the day after `due − P + 1` always extends, so the search is short.
 */
export function availableFrom(loan: RenewableLoan, context: RenewalContext): PlainDate {
  const policy = context.policy ?? defaultRenewalPolicy;
  const latest = addDays(loan.dueDate, 2 - policy.periodDays[loan.materialType]);
  let day = addDays(context.today, 1);
  while (day < latest && newDueDate(day, loan.materialType, context.isClosed, policy) <= loan.dueDate) {
    day = addDays(day, 1);
  }
  return day;
}

/**
 * The one decision both sides share: the BFF decides with it inside the renewal's
 * transaction (R6), the SPA previews and labels with the same answer. R5's block wins
 * over every item reason.
 */
export function evaluateRenewal(
  loan: RenewableLoan,
  context: RenewalContext & { patronBlock?: PatronBlock },
): RenewalEvaluation {
  if (context.patronBlock) return { eligible: false, reason: context.patronBlock };
  const reason = renewalRefusal(loan, context);
  if (reason === 'not_extended') {
    return { eligible: false, reason, availableFrom: availableFrom(loan, context) };
  }
  if (reason) return { eligible: false, reason };
  return {
    eligible: true,
    newDueDate: newDueDate(context.today, loan.materialType, context.isClosed, context.policy),
  };
}
