import { isOverdue, type PlainDate, patronBlock } from '@library/domain';
import { and, asc, between, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { items, loans, titles } from '../../db/schema.ts';
import { localDueCounts } from '../../services/calendar.ts';
import { verifyPassword } from '../../services/passwords.ts';
import { renewLoans } from '../../services/renewal.ts';
import { loanPage, loansWithTitles } from '../../services/renewal-preview.ts';
import type { CirculationPort, DueLoan, PatronSummary } from '../circulation-port.ts';

/** Our tables: the patrons' loans not returned, due between `from` and `to` inclusive. */
async function localDueLoans(
  db: Db,
  patronIds: readonly number[],
  range: { from: PlainDate; to: PlainDate },
): Promise<DueLoan[]> {
  if (patronIds.length === 0) return [];
  return loansWithTitles(
    db
      .select({
        patronId: loans.patronId,
        loanId: loans.id,
        title: titles.title,
        dueDate: loans.dueDate,
        renewalCount: loans.renewalCount,
      })
      .from(loans)
      .$dynamic(),
  )
    .where(
      and(
        inArray(loans.patronId, [...patronIds]),
        isNull(loans.returnedOn),
        between(loans.dueDate, range.from, range.to),
      ),
    )
    .orderBy(asc(loans.patronId), asc(loans.dueDate), asc(loans.loanedOn), asc(loans.id));
}

/**
 * CIRCULATION=local (the default): loans, holds and rules R1–R8 in our own tables — the
 * services the portal always had, behind the port unchanged.
 */
export function localCirculation(db: Db): CirculationPort {
  return {
    backend: 'local',
    portalPasswords: true,

    async checkLogin({ password, patron }) {
      // Always hash (a dummy when there is no patron or no password) so timing reveals nothing.
      const ok = await verifyPassword(patron?.passwordHash, password);
      return { ok: ok && patron !== undefined, patronId: patron?.id };
    },

    async identityRecord(_patronNumber, patron) {
      return patron;
    },

    async summary(patronId: number, today: PlainDate): Promise<PatronSummary> {
      const rows = await db
        .select({ title: titles.title, dueDate: loans.dueDate })
        .from(loans)
        .innerJoin(items, eq(items.id, loans.itemId))
        .innerJoin(titles, eq(titles.id, items.titleId))
        .where(and(eq(loans.patronId, patronId), isNull(loans.returnedOn)))
        .orderBy(asc(loans.loanedOn), asc(loans.id));
      return {
        blocked: patronBlock(
          rows.map((r) => r.dueDate),
          today,
        ),
        loans: rows.map((row, index) => ({
          no: index + 1,
          title: row.title,
          dueDate: row.dueDate,
          overdue: isOverdue(row.dueDate, today),
        })),
      };
    },

    loanPage: (patronId, input) => loanPage(db, { patronId, ...input }),
    renew: (loanIds, ctx) => renewLoans(db, loanIds, ctx),
    dueCounts: (patronId, range) => localDueCounts(db, patronId, range),
    dueLoans: (patronIds, range) => localDueLoans(db, patronIds, range),
    health: async () => 'ok',
    close: async () => {},
  };
}
