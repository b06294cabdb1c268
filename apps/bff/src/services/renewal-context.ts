import { addDays, type IsClosed, LOAN_PERIOD_DAYS, type PlainDate } from '@library/domain';
import { and, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { preparedOn } from '../db/prepared.ts';
import { closedDays } from '../db/schema.ts';

/**
 * How far past the later of today and a due date the closed days are read. Covers the
 * longest period (R1) plus any run of closed days the new due date may be moved across (R2),
 * e.g. 12/29–1/3 next to a weekly closing.
 */
export const CLOSED_DAYS_MARGIN = Math.max(...Object.values(LOAN_PERIOD_DAYS)) + 45;

export function closedDaysWindow(
  today: PlainDate,
  latestDueDate: PlainDate,
): { from: PlainDate; to: PlainDate } {
  const base = latestDueDate > today ? latestDueDate : today;
  return { from: today, to: addDays(base, CLOSED_DAYS_MARGIN) };
}

/** Built once per database; see db/prepared.ts. */
const closedDaysOf = preparedOn((db) =>
  db
    .select({ branchCode: closedDays.branchCode, date: closedDays.date })
    .from(closedDays)
    .where(
      and(
        sql`${closedDays.branchCode} = any(${sql.placeholder('branchCodes')})`,
        gte(closedDays.date, sql.placeholder('from')),
        lte(closedDays.date, sql.placeholder('to')),
      ),
    )
    .prepare('closed_days_of'),
);

/** The closed days of the given branches in one query, as one `isClosed` per branch. */
export async function loadClosedDays(
  db: Db,
  branchCodes: string[],
  window: { from: PlainDate; to: PlainDate },
): Promise<(branchCode: string) => IsClosed> {
  const byBranch = new Map<string, Set<PlainDate>>();
  if (branchCodes.length > 0) {
    const rows = await closedDaysOf(db).execute({ branchCodes, ...window });
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
