import {
  DomainError,
  evaluateRenewal,
  isOverdue,
  loanPageKeys,
  type PatronBlock,
  type PlainDate,
} from '@library/domain';
import type { Loan, LoanPage } from '@library/domain/api';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { preparedOn } from '../db/prepared.ts';
import { branches, items, loans, reservations, titles } from '../db/schema.ts';
import { anyLoanOverdue } from './overdue.ts';
import { closedDaysWindow, loadClosedDays } from './renewal-context.ts';

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

const loanRows = preparedOn((db) =>
  loansWithTitles(
    db
      .select({
        id: loans.id,
        loanedOn: loans.loanedOn,
        dueDate: loans.dueDate,
        renewalCount: loans.renewalCount,
        branchCode: loans.branchCode,
        branchName: branches.name,
        titleId: titles.id,
        title: titles.title,
        materialType: items.materialType,
        category: items.category,
        illSource: items.illSource,
      })
      .from(loans)
      .$dynamic(),
  )
    .innerJoin(branches, eq(branches.code, loans.branchCode))
    .where(activeOfPatron)
    .orderBy(asc(loans.loanedOn), asc(loans.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('loan_rows'),
);

/** Which of these titles others hold an active reservation for (one array parameter, any length). */
const reservedByOthers = preparedOn((db) =>
  db
    .selectDistinct({ titleId: reservations.titleId })
    .from(reservations)
    .where(
      and(
        sql`${reservations.titleId} = any(${sql.placeholder('titleIds')})`,
        eq(reservations.status, 'active'),
        ne(reservations.patronId, sql.placeholder('patronId')),
      ),
    )
    .prepare('reserved_by_others'),
);

/**
 * 貸出一覧: one page of the patron's loans with the renewal preview of each. Four queries in
 * two rounds whatever the page size (totals and the page, then others' reservations of its
 * titles and its branches' closed days), never one per row.
 */
export async function loanPage(
  db: Db,
  input: { patronId: number; today: PlainDate; page: number; pageSize: number },
): Promise<LoanPage> {
  const { patronId, today, page, pageSize } = input;
  // The totals and the page do not need each other: both are asked at once, and so are the
  // reservations and the closed days below.
  const [[totals], rows] = await Promise.all([
    loanTotals(db).execute({ patronId, today }),
    loanRows(db).execute({ patronId, limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  const total = totals?.total ?? 0;
  const blocked: PatronBlock = totals?.overdue ? 'patron_has_overdue' : null;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (page > totalPages) {
    throw new DomainError('validation_failed', {
      fields: { page: { key: loanPageKeys.pageOutOfRange, params: { last: totalPages } } },
    });
  }
  if (rows.length === 0) return { page, pageSize, totalPages, total, blocked, items: [] };

  const titleIds = [...new Set(rows.map((r) => r.titleId))];
  const latestDue =
    rows
      .map((r) => r.dueDate)
      .sort()
      .at(-1) ?? today;
  const [reservedRows, closedFor] = await Promise.all([
    reservedByOthers(db).execute({ titleIds, patronId }),
    loadClosedDays(db, [...new Set(rows.map((r) => r.branchCode))], closedDaysWindow(today, latestDue)),
  ]);
  const reserved = new Set(reservedRows.map((r) => r.titleId));

  const offset = (page - 1) * pageSize;
  return {
    page,
    pageSize,
    totalPages,
    total,
    blocked,
    items: rows.map((row, index) => ({
      id: row.id,
      no: offset + index + 1,
      loanedOn: row.loanedOn,
      dueDate: row.dueDate,
      branch: { code: row.branchCode, name: row.branchName },
      title: row.title,
      materialType: row.materialType,
      category: row.category,
      overdue: isOverdue(row.dueDate, today),
      renewal: evaluateRenewal(
        {
          materialType: row.materialType,
          dueDate: row.dueDate,
          renewalCount: row.renewalCount,
          interlibrary: row.illSource !== null,
          reservedByOthers: reserved.has(row.titleId),
        },
        { today, isClosed: closedFor(row.branchCode), patronBlock: blocked },
      ),
    })),
  };
}
