import { eq } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import { loanPage } from '../../services/renewal-preview.ts';
import { expectError, expectInvalidFields } from '../../test/expect-error.ts';
import { client, signedIn } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const t = useTestApp();

// biome-ignore lint/suspicious/noExplicitAny: rows of a JSON answer
type Row = any;

describe('GET /api/loans', () => {
  it('is 401 without a session', async () => {
    const res = await client(t.app).get('/api/loans');
    expectError(res, 401, 'unauthenticated');
  });

  it("lists the guide's loans with the renewal preview of each (T = 2021-01-20)", async () => {
    const c = await signedIn(t.app, '100000001');
    const res = await c.get('/api/loans');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 10, totalPages: 1, total: 8, blocked: null });
    const rows: Row[] = res.body.items;
    expect(rows.map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[1]).toEqual({
      id: expect.any(Number),
      no: 2,
      loanedOn: '2021-01-11',
      dueDate: '2021-01-25',
      branch: { code: 'mitsuhashi', name: '三橋図書館' },
      title: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立',
      materialType: 'book',
      category: '一般',
      overdue: false,
      renewal: { eligible: true, newDueDate: '2021-02-03' },
    });
    const byTitle = (part: string) => rows.find((r) => r.title.includes(part))!;
    expect(byTitle('北原白秋').renewal).toEqual({ eligible: false, reason: 'reserved' });
    expect(byTitle('DVD').renewal).toEqual({ eligible: false, reason: 'already_renewed' });
    expect(byTitle('福岡県の歴史').renewal).toEqual({ eligible: false, reason: 'interlibrary_loan' });
    expect(byTitle('こどもの本')).toMatchObject({
      materialType: 'magazine',
      dueDate: '2021-01-24',
      renewal: { eligible: true, newDueDate: '2021-01-27' },
    });
    expect(byTitle('有明海').renewal).toEqual({
      eligible: false,
      reason: 'not_extended',
      availableFrom: '2021-01-21',
    });
  });

  it('marks the overdue patron as blocked and refuses every row for that reason', async () => {
    const c = await signedIn(t.app, '200000002');
    const res = await c.get('/api/loans');
    expect(res.body.blocked).toBe('patron_has_overdue');
    expect(res.body.items.map((r: Row) => [r.dueDate, r.overdue, r.renewal])).toEqual([
      ['2021-01-18', true, { eligible: false, reason: 'patron_has_overdue' }],
      ['2021-01-25', false, { eligible: false, reason: 'patron_has_overdue' }],
    ]);
  });

  it('pages: 23 loans in pages of 10 (default), numbered across pages', async () => {
    const c = await signedIn(t.app, '100000004');
    const first = await c.get('/api/loans');
    expect(first.body).toMatchObject({ page: 1, pageSize: 10, totalPages: 3, total: 23 });
    const last = await c.get('/api/loans?page=3');
    expect(last.body.items.map((r: Row) => r.no)).toEqual([21, 22, 23]);
    const all = await c.get('/api/loans?pageSize=100');
    expect(all.body).toMatchObject({ totalPages: 1, total: 23 });
    expect(all.body.items).toHaveLength(23);
    expect(new Set(all.body.items.map((r: Row) => r.id)).size).toBe(23);
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=4', 'page'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=1e2', 'pageSize'],
  ])('refuses ?%s with 400 naming the field', async (query, field) => {
    const c = await signedIn(t.app, '100000004');
    const res = await c.get(`/api/loans?${query}`);
    expectInvalidFields(res, [field]);
  });

  it('shows only the caller’s loans', async () => {
    const c = await signedIn(t.app, '100000004');
    const res = await c.get('/api/loans?pageSize=100');
    expect(res.body.items.every((r: Row) => r.title.startsWith('柳川ふるさと文庫'))).toBe(true);
  });
});

describe('query count', () => {
  /** The same database through a drizzle instance that counts the statements it sends. */
  function countingDb(): { db: Db; count: () => number } {
    let n = 0;
    const logger: Logger = {
      logQuery: () => {
        n++;
      },
    };
    // biome-ignore lint/suspicious/noExplicitAny: the driver client behind the test's drizzle instance
    const raw = (t.db as any).$client;
    const db = (t.deps.dbKind === 'pglite'
      ? drizzlePglite(raw, { schema, logger })
      : drizzlePostgres(raw, { schema, logger })) as unknown as Db;
    return { db, count: () => n };
  }

  it('is the same whatever the page size (no query per row)', async () => {
    const [patron] = await t.db
      .select({ id: schema.patrons.id })
      .from(schema.patrons)
      .where(eq(schema.patrons.number, '100000004'));
    const counts: number[] = [];
    for (const pageSize of [1, 10, 100]) {
      const { db, count } = countingDb();
      const page = await loanPage(db, { patronId: patron!.id, today: '2021-01-20', page: 1, pageSize });
      expect(page.items).toHaveLength(Math.min(pageSize, 23));
      counts.push(count());
    }
    expect(counts).toEqual([1, 1, 1]);
  });

  it('asks for the totals on their own only for a page past the last, which it refuses with the last', async () => {
    const [patron] = await t.db
      .select({ id: schema.patrons.id })
      .from(schema.patrons)
      .where(eq(schema.patrons.number, '100000004'));
    const { db, count } = countingDb();
    await expect(
      loanPage(db, { patronId: patron!.id, today: '2021-01-20', page: 4, pageSize: 10 }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: { page: { params: { last: 3 } } },
    });
    expect(count()).toBe(2);
  });
});
