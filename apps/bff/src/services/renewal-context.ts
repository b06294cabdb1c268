import { addDays, type IsClosed, LOAN_PERIOD_DAYS, type PlainDate } from '@library/domain';
import { and, gte, inArray, lte } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { closedDays } from '../db/schema.ts';

/**
 * How far past the later of today and a due date the closed days are read. Covers the
 * longest period (R1) plus any run of closed days the new due date may be moved across (R2),
 * e.g. 12/29–1/3 next to a weekly closing.
 */
const CLOSED_DAYS_MARGIN = Math.max(...Object.values(LOAN_PERIOD_DAYS)) + 45;

export function closedDaysWindow(
  today: PlainDate,
  latestDueDate: PlainDate,
): { from: PlainDate; to: PlainDate } {
  const base = latestDueDate > today ? latestDueDate : today;
  return { from: today, to: addDays(base, CLOSED_DAYS_MARGIN) };
}

/** The closed days of the given branches in one query, as one `isClosed` per branch. */
export async function loadClosedDays(
  db: Db | Tx,
  branchCodes: string[],
  window: { from: PlainDate; to: PlainDate },
): Promise<(branchCode: string) => IsClosed> {
  const byBranch = new Map<string, Set<PlainDate>>();
  if (branchCodes.length > 0) {
    const rows = await db
      .select({ branchCode: closedDays.branchCode, date: closedDays.date })
      .from(closedDays)
      .where(
        and(
          inArray(closedDays.branchCode, branchCodes),
          gte(closedDays.date, window.from),
          lte(closedDays.date, window.to),
        ),
      );
    for (const row of rows) {
      const set = byBranch.get(row.branchCode) ?? new Set<PlainDate>();
      set.add(row.date);
      byBranch.set(row.branchCode, set);
    }
  }
  return (branchCode) => {
    const set = byBranch.get(branchCode);
    return (date) => set?.has(date) ?? false;
  };
}
