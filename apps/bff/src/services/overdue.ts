import type { PlainDate } from '@library/domain';
import { type AnyColumn, lt, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { loans } from '../db/schema.ts';

/**
 * R5 (docs/product.md §3) asked of the database: the loan's due date is before `today` — the
 * domain's `isOverdue(loan.dueDate, today)` (packages/domain/src/renewal/patron-block.ts), which
 * every other place decides R5 with. `dueDate` names the column when the loans table is aliased
 * (the renewal's read and write ask it of the patron's other loans). The SQL exists only so one row answers for all of a
 * patron's loans; `overdue.test.ts` proves on generated loans that the two never disagree.
 */
export function loanIsOverdue(today: PlainDate | Placeholder | SQL, dueDate: AnyColumn = loans.dueDate): SQL {
  return lt(dueDate, today) as SQL;
}

/**
 * Whether any of the rows' loans is overdue (R5's block), as an aggregate of `loanIsOverdue`;
 * `overAllRows`: as a window aggregate over every row the query found, before its LIMIT (the
 * loans page reads it beside the page's rows).
 */
export function anyLoanOverdue(
  today: PlainDate | Placeholder | SQL,
  { overAllRows = false }: { overAllRows?: boolean } = {},
): SQL<boolean> {
  return sql<boolean>`coalesce(bool_or(${loanIsOverdue(today)})${overAllRows ? sql` over ()` : sql``}, false)`;
}
