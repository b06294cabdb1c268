import { DomainError, evaluateRenewal, type MaterialType, type PlainDate } from '@library/domain';
import type { RenewalResult } from '@library/domain/api';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { statement } from '../db/prepared.ts';
import { auditLog, items, loans, renewals, titles } from '../db/schema.ts';
import type { AuditEvent } from './audit.ts';
import {
  CLOSED_DAYS_MARGIN,
  closedDatesOf,
  isClosedIn,
  patronHasOverdue,
  placeholders,
  reservedByOthers,
} from './renewal-context.ts';

/** One loan's outcome, as POST /api/renewals answers it (the domain's schema). */
export type { RenewalResult };

export interface RenewalRequestContext {
  patronId: number;
  today: PlainDate;
  requestId: string;
  /** Where the renewal was made (R7 records it): the patron's browser here, `counter` at the desk. */
  channel: string;
}

/** Someone else changed the loan (or placed a reservation) between our read and our write; tried again. */
class LostRace extends Error {}

const MAX_ATTEMPTS = 3;

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

const p = { ...placeholders, loanId: sql.placeholder('loanId') };

type ReadRow = [
  blocked: boolean,
  dueDate: PlainDate | null,
  renewalCount: number,
  titleId: number,
  title: string,
  materialType: MaterialType,
  interlibrary: boolean,
  reserved: boolean,
  /** Comma-separated (closedDatesOf). */
  closedDates: string,
];

/**
 * Everything the rules need about one loan, in one statement (one round trip): whether the
 * patron has an overdue loan (R5; answered even when the loan is not theirs), the loan with its
 * item and title, whether another patron reserves the title (R4), and the lending branch's
 * closed days from today to the later of today and the due date plus CLOSED_DAYS_MARGIN (R2):
 * the same fragments the loans page previews with (renewal-context.ts).
 */
const readLoan = statement<ReadRow>(
  'renewal_read',
  sql`select ${patronHasOverdue} as blocked, loan.*
    from (select 1) as one left join lateral (
      select ${loans.dueDate}, ${loans.renewalCount}, ${titles.id} as title_id,
        ${titles.title}, ${items.materialType}, ${items.illSource} is not null as interlibrary,
        ${reservedByOthers(titles.id)} as reserved,
        ${closedDatesOf(loans.branchCode, loans.dueDate)} as closed
      from ${loans}
        join ${items} on ${items.id} = ${loans.itemId}
        join ${titles} on ${titles.id} = ${items.titleId}
      where ${loans.id} = ${p.loanId}::int and ${loans.patronId} = ${p.patronId}::int
        and ${loans.returnedOn} is null
    ) as loan on true`,
);

const newDue = sql`${sql.placeholder('newDueDate')}::date`;
const previousDue = sql`${sql.placeholder('previousDueDate')}::date`;
const requestId = sql`${sql.placeholder('requestId')}::text`;
const renewalEvent: AuditEvent = 'renewal';

/**
 * The renewal written in one statement, which is its own transaction: the conditional update
 * of the loan, its `renewals` row and its audit row, all or nothing. The update matches only if
 * what the decision was made on still holds when it runs (R6): nobody renewed or returned the
 * loan since the read (the renewal count), no other patron has reserved the title since, and the
 * patron has no overdue loan. If it matches nothing, nothing is written and the caller reads
 * again; the UNIQUE (loan, number) of `renewals` refuses a second record of the same renewal
 * even from a writer that skips the condition (R7). Exported for renewal-write.test.ts: the
 * re-check can only be reached between a read and this write.
 */
export const writeRenewal = statement<[renewalNumber: number][]>(
  'renewal_write',
  sql`with renewed as (
      update ${loans} set ${sql.identifier(loans.dueDate.name)} = ${newDue},
        ${sql.identifier(loans.renewalCount.name)} = ${loans.renewalCount} + 1
      where ${loans.id} = ${p.loanId}::int and ${loans.patronId} = ${p.patronId}::int
        and ${loans.renewalCount} = ${sql.placeholder('renewalCount')}::int and ${loans.returnedOn} is null
        and not ${reservedByOthers(sql`${sql.placeholder('titleId')}::int`)}
        and not ${patronHasOverdue}
      returning ${loans.id}, ${loans.renewalCount}
    ), recorded as (
      insert into ${renewals} (${sql.identifier(renewals.loanId.name)}, ${sql.identifier(renewals.renewalNumber.name)},
        ${sql.identifier(renewals.renewedOn.name)}, ${sql.identifier(renewals.previousDueDate.name)},
        ${sql.identifier(renewals.newDueDate.name)}, ${sql.identifier(renewals.channel.name)},
        ${sql.identifier(renewals.requestId.name)})
      select id, renewal_count, ${p.today}::date, ${previousDue}, ${newDue},
        ${sql.placeholder('channel')}::text, ${requestId} from renewed
    ), audited as (
      insert into ${auditLog} (${sql.identifier(auditLog.event.name)}, ${sql.identifier(auditLog.patronId.name)},
        ${sql.identifier(auditLog.requestId.name)}, ${sql.identifier(auditLog.detail.name)})
      select ${renewalEvent}, ${p.patronId}::int, ${requestId}, jsonb_build_object('loanId', id,
        'renewalNumber', renewal_count, 'previousDueDate', ${previousDue}::text, 'newDueDate', ${newDue}::text)
      from renewed
    )
    select renewal_count from renewed`,
);

/**
 * One loan: read everything the rules need (one statement), decide with the domain, write
 * (one statement, whose condition re-checks at commit what another request could have changed;
 * see writeRenewal). Two round trips; nothing is held open between them.
 */
async function renewOne(
  db: Db,
  loanId: number,
  ctx: RenewalRequestContext,
  refuseWhenBlocked: boolean,
): Promise<RenewalResult> {
  const { patronId, today } = ctx;
  const [row] = await readLoan(db).execute({ loanId, patronId, today, margin: CLOSED_DAYS_MARGIN });
  const [blocked, dueDate, renewalCount, titleId, title, materialType, interlibrary, reserved, closed] = row!;
  // R5: the whole procedure is refused, decided on the first loan's read.
  if (blocked && refuseWhenBlocked) throw new DomainError('patron_has_overdue');
  // Another patron's loan and a loan that does not exist answer alike: nothing leaks.
  if (dueDate === null) return { loanId, ok: false, reason: 'not_found' };

  const isClosed = isClosedIn(closed);
  const decision = evaluateRenewal(
    { materialType, dueDate, renewalCount, interlibrary, reservedByOthers: reserved },
    { today, isClosed, patronBlock: blocked ? 'patron_has_overdue' : null },
  );
  if (!decision.eligible) {
    return {
      loanId,
      title,
      ok: false,
      reason: decision.reason,
      ...(decision.availableFrom ? { availableFrom: decision.availableFrom } : {}),
    };
  }

  const written = await writeRenewal(db).execute({
    loanId,
    patronId,
    today,
    renewalCount,
    titleId,
    previousDueDate: dueDate,
    newDueDate: decision.newDueDate,
    channel: ctx.channel,
    requestId: ctx.requestId,
  });
  if (written.length === 0) throw new LostRace();
  return { loanId, title, ok: true, previousDueDate: dueDate, newDueDate: decision.newDueDate };
}

/**
 * Renews each loan on its own, so one refusal or failure never undoes the others (R8). A
 * patron with an overdue loan is refused as a whole (403) from the first loan's own read — no
 * separate query before it; a loan falling overdue during the request (only across midnight)
 * refuses the loans after it one by one. A lost race is retried from a fresh read, which then
 * reports why (usually `already_renewed`). Results come back in the order asked.
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
        results.push(await renewOne(db, loanId, ctx, index === 0));
        break;
      } catch (error) {
        const raced = error instanceof LostRace || isUniqueViolation(error);
        if (!raced || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
  return results;
}
