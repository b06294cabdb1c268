import {
  DomainError,
  evaluateRenewal,
  isOverdue,
  loanPageKeys,
  type MaterialType,
  type PatronBlock,
  type PlainDate,
} from '@library/domain';
import type { Loan, LoanPage } from '@library/domain/api';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { preparedOn, statement } from '../db/prepared.ts';
import { branches, items, loans, titles } from '../db/schema.ts';
import { anyLoanOverdue } from './overdue.ts';
import {
  CLOSED_DAYS_MARGIN,
  closedDatesOf,
  isClosedIn,
  placeholders,
  reservedByOthers,
} from './renewal-context.ts';

/** GET /api/loans's page and rows (the domain's schemas). */
export type { LoanPage };
export type LoanListItem = Loan;

const activeOfPatron = and(eq(loans.patronId, sql.placeholder('patronId')), isNull(loans.returnedOn));

const loanTotals = preparedOn((db) =>
  db
    .select({
      total: sql<number>`count(*)::int`,
      overdue: anyLoanOverdue(sql.placeholder('today')),
    })
    .from(loans)
    .where(activeOfPatron)
    .prepare('loan_totals'),
);

/**
 * The patrons' loans with their item and title: the join under the loans page and under the
 * local system's due-loan lists (the calendar, the reminders).
 */
export function loansWithTitles<Query extends PgSelect>(query: Query) {
  return query.innerJoin(items, eq(items.id, loans.itemId)).innerJoin(titles, eq(titles.id, items.titleId));
}

type PageRow = [
  id: number,
  loanedOn: PlainDate,
  dueDate: PlainDate,
  renewalCount: number,
  branchCode: string,
  branchName: string,
  title: string,
  materialType: MaterialType,
  category: string,
  interlibrary: boolean,
  total: number,
  blocked: boolean,
  titleId: number,
  reserved: boolean,
  /** Comma-separated (closedDatesOf). */
  closedDates: string,
];

/**
 * One page of the patron's loans with everything the preview of each needs, in one statement
 * (one round trip): the loan with its item, title and branch; the count and R5's overdue check
 * over all the patron's loans (window aggregates, taken before the page is cut); whether
 * another patron reserves the title (R4); and the branch's closed days (R2), in the same window
 * the renewal itself reads (renewal-context.ts). The reservations and closed days are asked only
 * for the page's rows.
 */
const pageRows = statement<PageRow>(
  'loan_page',
  sql`select page.*, ${reservedByOthers(sql`page.title_id`)} as reserved,
      ${closedDatesOf(sql`page.branch_code`, sql`page.due_date`)} as closed
    from (
      select ${loans.id}, ${loans.loanedOn}, ${loans.dueDate}, ${loans.renewalCount},
        ${loans.branchCode}, ${branches.name} as branch_name, ${titles.title}, ${items.materialType},
        ${items.category}, ${items.illSource} is not null as interlibrary,
        count(*) over ()::int as total,
        ${anyLoanOverdue(sql`${placeholders.today}::date`, { overAllRows: true })} as blocked,
        ${titles.id} as title_id
      from ${loans}
        join ${items} on ${items.id} = ${loans.itemId}
        join ${titles} on ${titles.id} = ${items.titleId}
        join ${branches} on ${branches.code} = ${loans.branchCode}
      where ${loans.patronId} = ${placeholders.patronId}::int and ${loans.returnedOn} is null
      order by ${loans.loanedOn}, ${loans.id}
      limit ${sql.placeholder('limit')}::int offset ${sql.placeholder('offset')}::int
    ) as page
    order by page.loaned_on, page.id`,
);

/**
 * 貸出一覧: one page of the patron's loans with the renewal preview of each: one statement
 * whatever the page size (pageRows), never one per row. Only a page past the last, which has no
 * rows to carry the count, asks for the totals on their own.
 */
export async function loanPage(
  db: Db,
  input: { patronId: number; today: PlainDate; page: number; pageSize: number },
): Promise<LoanPage> {
  const { patronId, today, page, pageSize } = input;
  const offset = (page - 1) * pageSize;
  const rows = await pageRows(db).execute({
    patronId,
    today,
    limit: pageSize,
    offset,
    margin: CLOSED_DAYS_MARGIN,
  });
  // The count and R5 ride on every row; no row: no loans at all (page 1), or a page past the
  // last, which is refused with the last.
  const [, , , , , , , , , , counted, countedOverdue] = rows[0] ?? [];
  const [total, overdue] =
    counted !== undefined
      ? [counted, countedOverdue ?? false]
      : page === 1
        ? [0, false]
        : await loanTotals(db)
            .execute({ patronId, today })
            .then(([totals]) => [totals?.total ?? 0, totals?.overdue ?? false] as const);
  const blocked: PatronBlock = overdue ? 'patron_has_overdue' : null;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (page > totalPages) {
    throw new DomainError('validation_failed', {
      fields: { page: { key: loanPageKeys.pageOutOfRange, params: { last: totalPages } } },
    });
  }
  return {
    page,
    pageSize,
    totalPages,
    total,
    blocked,
    items: rows.map((row, index) => {
      const [
        id,
        loanedOn,
        dueDate,
        renewalCount,
        branchCode,
        branchName,
        title,
        materialType,
        category,
        interlibrary,
        ,
        ,
        ,
        reserved,
        closed,
      ] = row;
      const isClosed = isClosedIn(closed);
      return {
        id,
        no: offset + index + 1,
        loanedOn,
        dueDate,
        branch: { code: branchCode, name: branchName },
        title,
        materialType,
        category,
        overdue: isOverdue(dueDate, today),
        renewal: evaluateRenewal(
          { materialType, dueDate, renewalCount, interlibrary, reservedByOthers: reserved },
          { today, isClosed, patronBlock: blocked },
        ),
      };
    }),
  };
}
