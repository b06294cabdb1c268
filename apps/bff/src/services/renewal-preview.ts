import {
  evaluateRenewal,
  isOverdue,
  type MaterialType,
  type PatronBlock,
  type PlainDate,
  type RenewalEvaluation,
} from '@library/domain';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { branches, items, loans, reservations, titles } from '../db/schema.ts';
import { ApiError } from '../lib/api-error.ts';
import { closedDaysWindow, loadClosedDays } from './renewal-context.ts';

export interface LoanListItem {
  id: number;
  no: number;
  loanedOn: PlainDate;
  dueDate: PlainDate;
  branch: { code: string; name: string };
  title: string;
  materialType: MaterialType;
  category: string;
  overdue: boolean;
  renewal: RenewalEvaluation;
}

export interface LoanPage {
  page: number;
  pageSize: number;
  totalPages: number;
  total: number;
  blocked: PatronBlock;
  items: LoanListItem[];
}

/**
 * 貸出一覧: one page of the patron's loans with the renewal preview of each. Four queries
 * whatever the page size (totals, the page, others' reservations of its titles, its
 * branches' closed days), never one per row.
 */
export async function loanPage(
  db: Db,
  input: { patronId: number; today: PlainDate; page: number; pageSize: number },
): Promise<LoanPage> {
  const { patronId, today, page, pageSize } = input;
  const active = and(eq(loans.patronId, patronId), isNull(loans.returnedOn));

  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      overdue: sql<boolean>`coalesce(bool_or(${loans.dueDate} < ${today}), false)`,
    })
    .from(loans)
    .where(active);
  const total = totals?.total ?? 0;
  const blocked: PatronBlock = totals?.overdue ? 'patron_has_overdue' : null;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (page > totalPages) {
    throw new ApiError(400, 'validation_failed', undefined, {
      fields: { page: `ページは1から${totalPages}までで指定してください。` },
    });
  }

  const rows = await db
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
    .innerJoin(items, eq(items.id, loans.itemId))
    .innerJoin(titles, eq(titles.id, items.titleId))
    .innerJoin(branches, eq(branches.code, loans.branchCode))
    .where(active)
    .orderBy(asc(loans.loanedOn), asc(loans.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  if (rows.length === 0) return { page, pageSize, totalPages, total, blocked, items: [] };

  const titleIds = [...new Set(rows.map((r) => r.titleId))];
  const reserved = new Set(
    (
      await db
        .selectDistinct({ titleId: reservations.titleId })
        .from(reservations)
        .where(
          and(
            inArray(reservations.titleId, titleIds),
            eq(reservations.status, 'active'),
            ne(reservations.patronId, patronId),
          ),
        )
    ).map((r) => r.titleId),
  );

  const latestDue =
    rows
      .map((r) => r.dueDate)
      .sort()
      .at(-1) ?? today;
  const closedFor = await loadClosedDays(
    db,
    [...new Set(rows.map((r) => r.branchCode))],
    closedDaysWindow(today, latestDue),
  );

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
