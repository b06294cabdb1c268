import type { PlainDate } from '@library/domain';
import { and, asc, between, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { items, loans, titles } from '../../db/schema.ts';

export interface DueLoan {
  patronId: number;
  loanId: number;
  title: string;
  dueDate: PlainDate;
  renewalCount: number;
}

/**
 * The only place notifications read loans: the patrons' items on loan (not returned) due
 * between `from` and `to` inclusive. Asked per batch of patrons, so a circulation back end that
 * answers per patron (SIP2 Patron Information) can stand behind it.
 * lead-merge: route through the circulation port.
 */
export async function loansDueBetween(
  db: Db,
  query: { patronIds: readonly number[]; from: PlainDate; to: PlainDate },
): Promise<DueLoan[]> {
  if (query.patronIds.length === 0) return [];
  return db
    .select({
      patronId: loans.patronId,
      loanId: loans.id,
      title: titles.title,
      dueDate: loans.dueDate,
      renewalCount: loans.renewalCount,
    })
    .from(loans)
    .innerJoin(items, eq(items.id, loans.itemId))
    .innerJoin(titles, eq(titles.id, items.titleId))
    .where(
      and(
        inArray(loans.patronId, [...query.patronIds]),
        isNull(loans.returnedOn),
        between(loans.dueDate, query.from, query.to),
      ),
    )
    .orderBy(asc(loans.patronId), asc(loans.dueDate), asc(loans.loanedOn), asc(loans.id));
}
