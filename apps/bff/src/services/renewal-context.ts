import { addDays, type IsClosed, LOAN_PERIOD_DAYS, type PlainDate } from '@library/domain';
import { and, gte, is, lte, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import { preparedOn } from '../db/prepared.ts';
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

const closedDaysColumns = { branchCode: closedDays.branchCode, date: closedDays.date };
const closedDaysWhere = (branchCodes: unknown, from: unknown, to: unknown) =>
  and(
    sql`${closedDays.branchCode} = any(${branchCodes})`,
    gte(closedDays.date, from as PlainDate),
    lte(closedDays.date, to as PlainDate),
  );

/** Outside a transaction (the loans page) the statement is built once; see db/prepared.ts. */
const closedDaysOf = preparedOn((db) =>
  db
    .select(closedDaysColumns)
    .from(closedDays)
    .where(closedDaysWhere(sql.placeholder('branchCodes'), sql.placeholder('from'), sql.placeholder('to')))
    .prepare('closed_days_of'),
);

/** The closed days of the given branches in one query, as one `isClosed` per branch. */
export async function loadClosedDays(
  db: Db | Tx,
  branchCodes: string[],
  window: { from: PlainDate; to: PlainDate },
): Promise<(branchCode: string) => IsClosed> {
  const byBranch = new Map<string, Set<PlainDate>>();
  if (branchCodes.length > 0) {
    const rows = is(db, PgTransaction)
      ? await db
          .select(closedDaysColumns)
          .from(closedDays)
          .where(closedDaysWhere(sql.param(branchCodes), window.from, window.to))
      : await closedDaysOf(db as Db).execute({ branchCodes, ...window });
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
