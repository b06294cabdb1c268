import {
  type BranchRef,
  CALENDAR_DEFAULT_BRANCH,
  CALENDAR_MONTHS_DEFAULT,
  type CalendarDay,
  type CalendarEvent,
  type CalendarMonth,
  calendarKeys,
  DomainError,
  eachDate,
  lastOfMonth,
  monthRange,
  type PlainDate,
  type YearMonth,
  yearMonthOf,
} from '@library/domain';
import { and, asc, between, count, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { branches, closedDays, events, loans } from '../db/schema.ts';
import type { AppDeps } from '../lib/app-env.ts';
import { japaneseHolidayOf } from './holidays.ts';

export async function listBranches(db: Db | Tx): Promise<BranchRef[]> {
  return db
    .select({ code: branches.code, name: branches.name, shortName: branches.shortName })
    .from(branches)
    .orderBy(asc(branches.sortOrder), asc(branches.code));
}

/** How many of the patron's loans (our own tables) fall due on each date between from and to. */
export async function localDueCounts(
  db: Db,
  patronId: number,
  range: { from: PlainDate; to: PlainDate },
): Promise<Map<PlainDate, number>> {
  const rows = await db
    .select({ date: loans.dueDate, count: count() })
    .from(loans)
    .where(
      and(
        eq(loans.patronId, patronId),
        isNull(loans.returnedOn),
        between(loans.dueDate, range.from, range.to),
      ),
    )
    .groupBy(loans.dueDate);
  return new Map(rows.map((r) => [r.date, Number(r.count)]));
}

/**
 * The months of one branch's calendar in a fixed number of queries (closed days, events and,
 * for a patron, the due dates of their loans), whatever the number of months. The due dates
 * come from `dueCounts` (the circulation port) when given, else from our own loans.
 */
export async function buildCalendarMonths(
  db: Db,
  options: {
    branchCode: string;
    from: YearMonth;
    months: number;
    patronId?: number;
    dueCounts?: (range: { from: PlainDate; to: PlainDate }) => Promise<Map<PlainDate, number>>;
  },
): Promise<CalendarMonth[]> {
  const months = monthRange(options.from, options.months);
  const first = `${months[0]}-01`;
  const last = lastOfMonth(months.at(-1)!);
  const [closedRows, eventRows, due] = await Promise.all([
    db
      .select({ date: closedDays.date, reason: closedDays.reason })
      .from(closedDays)
      .where(and(eq(closedDays.branchCode, options.branchCode), between(closedDays.date, first, last))),
    db
      .select({ date: events.date, title: events.title, time: events.time, description: events.description })
      .from(events)
      .where(and(eq(events.branchCode, options.branchCode), between(events.date, first, last)))
      .orderBy(asc(events.date), asc(events.time), asc(events.title)),
    options.dueCounts
      ? options.dueCounts({ from: first, to: last })
      : options.patronId === undefined
        ? Promise.resolve(undefined)
        : localDueCounts(db, options.patronId, { from: first, to: last }),
  ]);

  const closed = new Map(closedRows.map((r) => [r.date, r.reason]));
  const eventsOn = new Map<PlainDate, CalendarEvent[]>();
  for (const row of eventRows) {
    const list = eventsOn.get(row.date) ?? [];
    list.push({
      title: row.title,
      ...(row.time ? { time: row.time } : {}),
      ...(row.description ? { description: row.description } : {}),
    });
    eventsOn.set(row.date, list);
  }

  return months.map((month) => ({
    month,
    days: eachDate(`${month}-01`, lastOfMonth(month)).map((date): CalendarDay => {
      const reason = closed.get(date);
      const holiday = japaneseHolidayOf(date);
      return {
        date,
        closed: reason !== undefined,
        ...(reason !== undefined ? { closedReason: reason } : {}),
        ...(holiday ? { holiday } : {}),
        events: eventsOn.get(date) ?? [],
        ...(due ? { dueCount: due.get(date) ?? 0 } : {}),
      };
    }),
  }));
}

/**
 * GET /api/calendar's answer (docs/product.md §6): the branch's closed days, holidays and events;
 * with a patron each day also carries their `dueCount`. `patronOf` is asked only once the branch
 * is known to exist.
 */
export async function calendarPage(
  deps: Pick<AppDeps, 'db' | 'clock' | 'circulation'>,
  query: { branch?: string; from?: YearMonth; months?: number },
  patronOf: () => Promise<number | undefined>,
) {
  const { db, clock, circulation } = deps;
  const branchCode = query.branch ?? CALENDAR_DEFAULT_BRANCH;
  const from = query.from ?? yearMonthOf(clock.today());
  const months = query.months ?? CALENDAR_MONTHS_DEFAULT;
  const branchList = await listBranches(db);
  if (!branchList.some((b) => b.code === branchCode)) {
    throw new DomainError('unknown_branch', {
      message: calendarKeys.unknownBranch,
      fields: { branch: calendarKeys.unknownBranch },
    });
  }
  const patronId = await patronOf();
  const calendar = await buildCalendarMonths(db, {
    branchCode,
    from,
    months,
    ...(patronId !== undefined ? { dueCounts: (range) => circulation.dueCounts(patronId, range) } : {}),
  });
  return { today: clock.today(), branch: branchCode, branches: branchList, months: calendar };
}
