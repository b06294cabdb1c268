import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/use-test-app.ts';
import {
  branches,
  closedDays,
  events,
  items,
  loans,
  patrons,
  renewals,
  reservations,
  titles,
} from '../schema.ts';

const t = useTestApp({ today: '2021-01-20' });

async function loansOf(number: string) {
  return t.db
    .select({
      title: titles.title,
      materialType: items.materialType,
      category: items.category,
      illSource: items.illSource,
      branch: loans.branchCode,
      loanedOn: loans.loanedOn,
      dueDate: loans.dueDate,
      renewalCount: loans.renewalCount,
      titleId: titles.id,
      loanId: loans.id,
    })
    .from(loans)
    .innerJoin(patrons, eq(patrons.id, loans.patronId))
    .innerJoin(items, eq(items.id, loans.itemId))
    .innerJoin(titles, eq(titles.id, items.titleId))
    .where(eq(patrons.number, number))
    .orderBy(loans.loanedOn, loans.id);
}

describe('demo data (docs/product.md §7), T = 2021-01-20', () => {
  it('has the three branches', async () => {
    const rows = await t.db.select().from(branches).orderBy(branches.sortOrder);
    expect(rows.map((b) => [b.code, b.name])).toEqual([
      ['main', '柳川図書館'],
      ['mitsuhashi', '三橋図書館'],
      ['yamato', '大和図書館'],
    ]);
  });

  it('has the four patrons; 300000003 without a password; hashes are argon2id', async () => {
    const rows = await t.db.select().from(patrons).orderBy(patrons.number);
    const byNumber = Object.fromEntries(rows.map((p) => [p.number, p]));
    expect(byNumber['100000001']).toMatchObject({
      nameKana: 'ヤナガワタロウ',
      birthDate: '1975-04-08',
      phone: '0944730001',
    });
    expect(byNumber['200000002']).toMatchObject({
      nameKana: 'ミツハシハナコ',
      birthDate: '1982-03-15',
      phone: '0944730002',
    });
    expect(byNumber['300000003']).toMatchObject({
      nameKana: 'スズキハナコ',
      birthDate: '1990-11-05',
      phone: '0944123456',
      passwordHash: null,
    });
    expect(byNumber['100000004']).toMatchObject({
      nameKana: 'ヤマトジロウ',
      birthDate: '1960-07-01',
      phone: '0944730004',
    });
    for (const n of ['100000001', '200000002', '100000004']) {
      expect(byNumber[n]!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
  });

  it("gives 100000001 the guide's three books and the five other kinds of loan", async () => {
    const rows = await loansOf('100000001');
    expect(rows).toHaveLength(8);
    const manga = rows.filter((r) => r.title.startsWith('マンガ日本の歴史'));
    expect(manga).toHaveLength(3);
    for (const m of manga) {
      expect(m).toMatchObject({
        branch: 'mitsuhashi',
        loanedOn: '2021-01-11',
        dueDate: '2021-01-25',
        materialType: 'book',
        category: '一般',
      });
    }
    const magazine = rows.find((r) => r.materialType === 'magazine')!;
    expect(magazine).toMatchObject({ branch: 'main', loanedOn: '2021-01-17', dueDate: '2021-01-24' });
    const dvd = rows.find((r) => r.materialType === 'av')!;
    expect(dvd.renewalCount).toBe(1);
    const [audit] = await t.db.select().from(renewals).where(eq(renewals.loanId, dvd.loanId));
    expect(audit).toMatchObject({ newDueDate: dvd.dueDate, renewalNumber: 1 });
    const ill = rows.filter((r) => r.illSource !== null);
    expect(ill.map((r) => r.illSource)).toEqual(['福岡県立図書館']);
    const today = rows.find((r) => r.loanedOn === '2021-01-20')!;
    expect(today).toMatchObject({ materialType: 'book', branch: 'main', dueDate: '2021-02-03' });
    const reserved = await t.db
      .select({ titleId: reservations.titleId, by: patrons.number })
      .from(reservations)
      .innerJoin(patrons, eq(patrons.id, reservations.patronId))
      .where(eq(reservations.status, 'active'));
    expect(reserved).toHaveLength(1);
    expect(reserved[0]!.by).toBe('100000004');
    const reservedLoan = rows.find((r) => r.titleId === reserved[0]!.titleId)!;
    expect(reservedLoan).toMatchObject({
      materialType: 'book',
      branch: 'main',
      renewalCount: 0,
      illSource: null,
    });
  });

  it('gives 200000002 one overdue book (T−2) and one due T+5', async () => {
    const rows = await loansOf('200000002');
    expect(rows.map((r) => r.dueDate)).toEqual(['2021-01-18', '2021-01-25']);
  });

  it('gives 100000004 23 books at 本館 loaned T−3', async () => {
    const rows = await loansOf('100000004');
    expect(rows).toHaveLength(23);
    expect(new Set(rows.map((r) => `${r.branch} ${r.loanedOn} ${r.materialType}`))).toEqual(
      new Set(['main 2021-01-17 book']),
    );
  });

  it('generates the calendar for at least T−1 year … T+1 year', async () => {
    const [range] = await t.db
      .select({
        from: sql<string>`min(${closedDays.date})::text`,
        to: sql<string>`max(${closedDays.date})::text`,
      })
      .from(closedDays);
    expect(range!.from <= '2020-01-20').toBe(true);
    expect(range!.to >= '2022-01-20').toBe(true);
    const main = await t.db
      .select({ date: closedDays.date, reason: closedDays.reason })
      .from(closedDays)
      .where(
        and(eq(closedDays.branchCode, 'main'), sql`${closedDays.date} between '2021-01-01' and '2021-01-31'`),
      )
      .orderBy(closedDays.date);
    expect(main.map((d) => `${d.date.slice(8)} ${d.reason}`)).toEqual([
      '01 年末年始',
      '02 年末年始',
      '03 年末年始',
      '04 休館日',
      '12 休館日', // 1/11 成人の日 (Monday) → Tuesday
      '18 休館日',
      '25 休館日',
      '28 館内整理日',
    ]);
    const mitsuhashi = await t.db
      .select({ date: closedDays.date })
      .from(closedDays)
      .where(
        and(
          eq(closedDays.branchCode, 'mitsuhashi'),
          sql`${closedDays.date} between '2021-02-01' and '2021-02-28'`,
        ),
      )
      .orderBy(closedDays.date);
    expect(mitsuhashi.map((d) => d.date.slice(8))).toEqual(['02', '09', '16', '24', '25']);
    const story = await t.db
      .select({ date: events.date, time: events.time })
      .from(events)
      .where(and(eq(events.branchCode, 'main'), sql`${events.date} between '2021-01-01' and '2021-01-31'`))
      .orderBy(events.date);
    expect(story).toEqual([
      { date: '2021-01-09', time: '14:00' },
      { date: '2021-01-23', time: '14:00' },
    ]);
  });
});
