import { DomainError, evaluateRenewal, type PlainDate } from '@library/domain';
import type { RenewalResult } from '@library/domain/api';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { items, loans, renewals, reservations, titles } from '../db/schema.ts';
import { audit } from './audit.ts';
import { loanIsOverdue } from './overdue.ts';
import { closedDaysWindow, loadClosedDays } from './renewal-context.ts';

/** One loan's outcome, as POST /api/renewals answers it (the domain's schema). */
export type { RenewalResult };

export interface RenewalRequestContext {
  patronId: number;
  today: PlainDate;
  requestId: string;
  /** Where the renewal was made (R7 records it): the patron's browser here, `counter` at the desk. */
  channel: string;
}

/** Someone else changed the loan between our read and our write; the attempt is rolled back. */
class LostRace extends Error {}

const MAX_ATTEMPTS = 3;

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

async function hasOverdue(tx: Tx, patronId: number, today: PlainDate): Promise<boolean> {
  const [row] = await tx
    .select({ id: loans.id })
    .from(loans)
    .where(and(eq(loans.patronId, patronId), isNull(loans.returnedOn), loanIsOverdue(today)))
    .limit(1);
  return row !== undefined;
}

/**
 * One loan in one short transaction: re-read everything the rules need (R6), decide with the
 * domain, then write with a conditional update — it matches only if nobody renewed or
 * returned the loan since we read it — and the audit row, whose UNIQUE (loan, number) makes
 * a second write of the same renewal impossible even for a writer that skips the condition (R7).
 */
async function renewOne(
  tx: Tx,
  loanId: number,
  ctx: RenewalRequestContext,
  refuseWhenBlocked: boolean,
): Promise<RenewalResult> {
  const { patronId, today } = ctx;
  // Statements that do not need each other's answers are sent together (postgres.js pipelines
  // them on the transaction's connection): four round trips to the database instead of seven.
  const loanQuery = tx
    .select({
      dueDate: loans.dueDate,
      renewalCount: loans.renewalCount,
      branchCode: loans.branchCode,
      titleId: titles.id,
      title: titles.title,
      materialType: items.materialType,
      illSource: items.illSource,
    })
    .from(loans)
    .innerJoin(items, eq(items.id, loans.itemId))
    .innerJoin(titles, eq(titles.id, items.titleId))
    .where(and(eq(loans.id, loanId), eq(loans.patronId, patronId), isNull(loans.returnedOn)));
  const [[loan], blocked] = await Promise.all([loanQuery, hasOverdue(tx, patronId, today)]);
  // R5: the whole procedure is refused, decided on the first loan's snapshot (rolled back).
  if (blocked && refuseWhenBlocked) throw new DomainError('patron_has_overdue');
  // Another patron's loan and a loan that does not exist answer alike: nothing leaks.
  if (!loan) return { loanId, ok: false, reason: 'not_found' };

  const reservationQuery = tx
    .select({ id: reservations.id })
    .from(reservations)
    .where(
      and(
        eq(reservations.titleId, loan.titleId),
        eq(reservations.status, 'active'),
        ne(reservations.patronId, patronId),
      ),
    )
    .limit(1);
  const [[reservation], closedFor] = await Promise.all([
    reservationQuery,
    loadClosedDays(tx, [loan.branchCode], closedDaysWindow(today, loan.dueDate)),
  ]);
  const isClosed = closedFor(loan.branchCode);

  const decision = evaluateRenewal(
    {
      materialType: loan.materialType,
      dueDate: loan.dueDate,
      renewalCount: loan.renewalCount,
      interlibrary: loan.illSource !== null,
      reservedByOthers: reservation !== undefined,
    },
    { today, isClosed, patronBlock: blocked ? 'patron_has_overdue' : null },
  );
  if (!decision.eligible) {
    return {
      loanId,
      title: loan.title,
      ok: false,
      reason: decision.reason,
      ...(decision.availableFrom ? { availableFrom: decision.availableFrom } : {}),
    };
  }

  const updated = await tx
    .update(loans)
    .set({ dueDate: decision.newDueDate, renewalCount: sql`${loans.renewalCount} + 1` })
    .where(
      and(
        eq(loans.id, loanId),
        eq(loans.patronId, patronId),
        eq(loans.renewalCount, loan.renewalCount),
        isNull(loans.returnedOn),
      ),
    )
    .returning({ renewalCount: loans.renewalCount });
  if (updated.length === 0) throw new LostRace();

  const renewalNumber = updated[0]!.renewalCount;
  // If the renewal row is refused (a duplicate, R7), the transaction fails and rolls back the
  // audit row with it; Promise.all rejects with the first failure, the one that says why.
  await Promise.all([
    tx.insert(renewals).values({
      loanId,
      renewalNumber,
      renewedOn: today,
      previousDueDate: loan.dueDate,
      newDueDate: decision.newDueDate,
      channel: ctx.channel,
      requestId: ctx.requestId,
    }),
    audit(tx, 'renewal', {
      patronId,
      requestId: ctx.requestId,
      detail: { loanId, renewalNumber, previousDueDate: loan.dueDate, newDueDate: decision.newDueDate },
    }),
  ]);
  return {
    loanId,
    title: loan.title,
    ok: true,
    previousDueDate: loan.dueDate,
    newDueDate: decision.newDueDate,
  };
}

/**
 * Renews each loan in its own transaction, so one refusal or failure never undoes the
 * others (R8). A patron with an overdue loan is refused as a whole (403) from the first
 * transaction's own check — no separate query before it; a loan falling overdue during the
 * request (only across midnight) refuses the loans after it one by one. A lost race is retried
 * from a fresh read, which then reports why (usually `already_renewed`). Results come back in
 * the order asked.
 */
export async function renewLoans(
  db: Db,
  loanIds: number[],
  ctx: RenewalRequestContext,
): Promise<RenewalResult[]> {
  const results: RenewalResult[] = [];
  for (const [index, loanId] of loanIds.entries()) {
    for (let attempt = 1; ; attempt++) {
      try {
        results.push(await db.transaction((tx) => renewOne(tx, loanId, ctx, index === 0)));
        break;
      } catch (error) {
        const raced = error instanceof LostRace || isUniqueViolation(error);
        if (!raced || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
  return results;
}
