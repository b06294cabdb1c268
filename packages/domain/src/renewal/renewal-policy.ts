import { LOAN_PERIOD_DAYS, type MaterialType } from '../loans/material.ts';

/** What a library can tune about renewals; the defaults are docs/product.md §3's. */
export interface RenewalPolicy {
  /** R3: renewals allowed per loan. */
  maxRenewals: number;
  /** R2: move a due date that falls on a closed day to the branch's next open day. */
  moveOffClosedDays: boolean;
  /** R1: days of a renewal, counting the renewal day. */
  periodDays: Record<MaterialType, number>;
}

export const defaultRenewalPolicy: RenewalPolicy = {
  maxRenewals: 1,
  moveOffClosedDays: true,
  periodDays: LOAN_PERIOD_DAYS,
};
