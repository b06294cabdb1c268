import { type IsClosed, LOAN_PERIOD_DAYS } from '@library/domain';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { closedDays, loans, reservations } from '../db/schema.ts';
import { loanIsOverdue } from './overdue.ts';

/**
 * How far past the later of today and a due date the closed days are read. Covers the
 * longest period (R1) plus any run of closed days the new due date may be moved across (R2),
 * e.g. 12/29–1/3 next to a weekly closing.
 */
export const CLOSED_DAYS_MARGIN = Math.max(...Object.values(LOAN_PERIOD_DAYS)) + 45;

/**
 * What the renewal rules need to know besides the loan itself, as SQL both readers share: the
 * loans page (renewal-preview.ts, the preview of every row) and the renewal (renewal.ts, the
 * decision and its re-check at write). Values are the placeholders `patronId` and `today`.
 */
export const placeholders = {
  patronId: sql.placeholder('patronId'),
  today: sql.placeholder('today'),
};
const p = placeholders;

/** Another loan of the same patron (the overdue check, R5). */
const other = alias(loans, 'other');

/** R5: the patron has a loan not returned whose due date has passed. */
export const patronHasOverdue = sql`exists (select 1 from ${loans} as ${sql.identifier('other')}
  where ${other.patronId} = ${p.patronId}::int and ${other.returnedOn} is null and ${loanIsOverdue(sql`${p.today}::date`, other.dueDate)})`;

/** R4: another patron holds an active reservation for the title. */
export const reservedByOthers = (titleId: unknown) => sql`exists (select 1 from ${reservations}
  where ${reservations.titleId} = ${titleId} and ${reservations.status} = 'active'
    and ${reservations.patronId} <> ${p.patronId}::int)`;

/**
 * R2: the lending branch's closed days from today to the later of today and the due date plus
 * CLOSED_DAYS_MARGIN (placeholder `margin`), as one text of comma-separated YYYY-MM-DD
 * (`isClosedIn` reads it; a string is searched far cheaper than the driver parses a text[]).
 * Enough for the new due date and for `availableFrom`'s search, which never looks past the due date.
 */
export function closedDatesOf(branchCode: AnyColumn | SQL, dueDate: AnyColumn | SQL): SQL<string> {
  return sql<string>`(select coalesce(string_agg(${closedDays.date}::text, ','), '') from ${closedDays}
    where ${closedDays.branchCode} = ${branchCode}
      and ${closedDays.date} between ${p.today}::date
        and greatest(${dueDate}, ${p.today}::date) + ${sql.placeholder('margin')}::int)`;
}

/**
 * The `isClosed` of R2 over what `closedDatesOf` answered, searched as it is: every entry is a
 * 10-character YYYY-MM-DD and the separators are commas, so a date can only match a whole entry
 * (no split, no Set per loan of a page).
 */
export function isClosedIn(closedDates: string): IsClosed {
  return (date) => closedDates.includes(date);
}
