import { DEMO_BRANCHES } from '@library/bff/db/demo-data';
import { japaneseHolidayOf } from '@library/bff/services/holidays';
import { addDays, generateClosedDays, type PlainDate } from '@library/domain';
import { sql } from 'drizzle-orm';
import type { Db } from './bff.ts';

/**
 * The benchmark dataset, laid out by arithmetic so that every run (and pgbench, which cannot
 * read a list) knows which loans are renewable without asking the database:
 *
 * - patron p = 1…P, title = item = loan g = 1…N (one copy per title);
 * - loan g belongs to patron ((g − 1) mod P) + 1, so every patron has N / P loans;
 * - the first 90 % of the loans are on loan, the rest were returned long ago (history that the
 *   partial indexes must skip);
 * - of the active loans, every tenth (g mod 10 = 0) cannot be renewed: already renewed, an
 *   interlibrary loan, or its title reserved by another patron; the other nine are renewable
 *   today (due within the next 0–13 days for books, 0–6 for magazines and AV, nobody overdue).
 */
export interface DatasetSize {
  patrons: number;
  loans: number;
}

export const ACTIVE_SHARE = 0.9;
/** Most patrons a 9-digit number with the prefixes 100/200/300 can name. */
export const MAX_PATRONS = 2_999_997;

export function activeLoanCount(size: DatasetSize): number {
  return Math.floor(size.loans * ACTIVE_SHARE);
}

export function patronOfLoan(loanId: number, size: DatasetSize): number {
  return ((loanId - 1) % size.patrons) + 1;
}

/** The k-th renewable loan (k ≥ 0): skips every tenth loan, the ones that cannot be renewed. */
export function renewableLoan(k: number): number {
  return 10 * Math.floor(k / 9) + (k % 9) + 1;
}

/** How many renewable loans the dataset has (k ranges over 0 … this − 1). */
export function renewableLoanCount(size: DatasetSize): number {
  const active = activeLoanCount(size);
  return active - Math.floor(active / 10);
}

/** The patron number of patron id p: 100000001 … 100999999, then 200…, 300…. */
export function patronNumberSql(g: string): string {
  return `(case when ${g} <= 999999 then '100' || lpad(${g}::text, 6, '0')
    when ${g} <= 1999998 then '200' || lpad((${g} - 999999)::text, 6, '0')
    else '300' || lpad((${g} - 1999998)::text, 6, '0') end)`;
}

const BATCH = 100_000;

export type Progress = (table: string, done: number, total: number) => void;

async function inBatches(
  total: number,
  table: string,
  progress: Progress,
  insert: (from: number, to: number) => Promise<unknown>,
) {
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    await insert(from, to);
    progress(table, to, total);
  }
}

const TABLES =
  'renewals, audit_log, idempotency_keys, sessions, reservations, loans, items, titles, auth_attempts, registration_tokens, mail_outbox, events, closed_days, patrons, branches';

/**
 * Empties the database and fills it with `size`, in batches of INSERT … SELECT generate_series
 * (the rows are made inside PostgreSQL: nothing crosses the wire but the statement).
 * Works on PostgreSQL and PGlite alike.
 */
export async function seedDataset(
  db: Db,
  size: DatasetSize,
  today: PlainDate,
  progress: Progress = () => {},
): Promise<void> {
  const P = size.patrons;
  const N = size.loans;
  if (!Number.isInteger(P) || P < 2 || P > MAX_PATRONS)
    throw new RangeError(`patrons must be 2…${MAX_PATRONS}`);
  if (!Number.isInteger(N) || N < P) throw new RangeError('loans must be at least the number of patrons');
  const active = activeLoanCount(size);
  await db.transaction(async (tx) => {
    // One transaction with the foreign-key triggers off (we make consistent rows by
    // construction): row-by-row RI checks would otherwise take most of the time.
    await tx.execute(sql.raw('set local session_replication_role = replica'));
    await tx.execute(sql.raw('set local synchronous_commit = off'));
    await fill(tx as unknown as Db, size, active, today, progress);
  });
  progress('analyze', 0, 1);
  await db.execute(sql.raw('analyze'));
  progress('analyze', 1, 1);
}

async function fill(db: Db, size: DatasetSize, active: number, today: PlainDate, progress: Progress) {
  const P = size.patrons;
  const N = size.loans;
  const run = (text: string) => db.execute(sql.raw(text));
  await run(`truncate ${TABLES} restart identity cascade`);
  await db.execute(sql`insert into branches (code, name, short_name, weekly_closing_day, sort_order)
    select * from jsonb_to_recordset(${JSON.stringify(
      DEMO_BRANCHES.map((b) => ({
        code: b.code,
        name: b.name,
        short_name: b.shortName,
        weekly_closing_day: b.weeklyClosingDay,
        sort_order: b.sortOrder,
      })),
    )}::jsonb) as x(code text, name text, short_name text, weekly_closing_day smallint, sort_order smallint)`);
  const closed = DEMO_BRANCHES.flatMap((b) =>
    generateClosedDays(b, addDays(today, -60), addDays(today, 400), japaneseHolidayOf).map((d) => ({
      branch_code: b.code,
      ...d,
    })),
  );
  await db.execute(sql`insert into closed_days (branch_code, date, reason)
    select * from jsonb_to_recordset(${JSON.stringify(closed)}::jsonb) as x(branch_code text, date date, reason text)`);

  await inBatches(P, 'patrons', progress, (a, b) =>
    run(`insert into patrons (id, number, name_kana, birth_date, phone, email)
      select g, ${patronNumberSql('g')}, 'ベンチマークリヨウシャ', date '1950-01-01' + (g % 20000),
        '0944' || lpad((g % 1000000)::text, 6, '0'),
        case when g % 2 = 0 then 'patron' || g || '@example.jp' end
      from generate_series(${a}, ${b}) g`),
  );
  await inBatches(N, 'titles', progress, (a, b) =>
    run(`insert into titles (id, title, author)
      select g, 'ベンチマーク資料 第' || g || '巻', '著者' || (g % 5000)
      from generate_series(${a}, ${b}) g`),
  );
  await inBatches(N, 'items', progress, (a, b) =>
    run(`insert into items (id, title_id, barcode, material_type, category, ill_source)
      select g, g, 'B' || lpad(g::text, 11, '0'),
        case g % 10 when 1 then 'magazine' when 2 then 'av' else 'book' end,
        case g % 3 when 0 then '児童' else '一般' end,
        case when g <= ${active} and g % 30 = 10 then '他館' end
      from generate_series(${a}, ${b}) g`),
  );
  // Renewable loans are due today … today+13 (books) or today+6 (magazines, AV): renewing
  // gives today+14 / today+7 or later, so every one of them extends (R4) and none is overdue.
  await inBatches(N, 'loans', progress, (a, b) =>
    run(`insert into loans (id, patron_id, item_id, branch_code, loaned_on, due_date, renewal_count, returned_on)
      select g, ((g - 1) % ${P}) + 1, g,
        case g % 3 when 0 then 'main' when 1 then 'mitsuhashi' else 'yamato' end,
        d.due - (case when g % 10 in (1, 2) then 7 else 14 end),
        d.due,
        case when g <= ${active} and g % 30 = 0 then 1 else 0 end,
        case when g > ${active} then d.due - 1 end
      from generate_series(${a}, ${b}) g,
        lateral (select case when g > ${active} then date '${today}' - 30 - (g % 300)
          else date '${today}' + (g % (case when g % 10 in (1, 2) then 7 else 14 end)) end as due) d`),
  );
  await run(`insert into reservations (title_id, patron_id, status, reserved_at)
    select g, (g % ${P}) + 1, 'active', now() from generate_series(20, ${active}, 30) g`);
  for (const table of ['patrons', 'titles', 'items', 'loans']) {
    await run(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
  }
}
