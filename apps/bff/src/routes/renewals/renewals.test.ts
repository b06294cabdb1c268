import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, branches, closedDays, loans, patrons, renewals, reservations } from '../../db/schema.ts';
import { loadDemoData } from '../../db/seed/demo-data.ts';
import { parseEnv } from '../../env.ts';
import { createLogger } from '../../lib/logger.ts';
import { expectError, expectInvalidFields } from '../../test/expect-error.ts';
import { renewOne } from '../../test/renew-one.ts';
import { client, GUIDE_TODAY, signedIn, testClock } from '../../test/test-app.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { useTestApp } from '../../test/use-test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: rows of a JSON answer
type Row = any;
type Client = ReturnType<typeof client>;

/** Title fragment → loan id, read through the API as the patron sees it. */
async function loanIds(c: Client): Promise<(titlePart: string) => number> {
  const res = await c.get('/api/loans?pageSize=100');
  return (part) => res.body.items.find((r: Row) => r.title.includes(part)).id;
}

async function loanRow(db: Db, id: number) {
  const [row] = await db.select().from(loans).where(eq(loans.id, id));
  return row!;
}

async function renewalRows(db: Db, loanId: number) {
  return db.select().from(renewals).where(eq(renewals.loanId, loanId));
}

describe('POST /api/renewals', () => {
  const t = useTestApp();

  it('is 401 without a session', async () => {
    const res = await client(t.app).post('/api/renewals', { loanIds: [1] });
    expect(res.status).toBe(401);
  });

  it("renews the guide's マンガ日本の歴史 現代篇 2 to 2021-02-03, recorded once with an audit row", async () => {
    const c = await signedIn(t.app, '100000001');
    const id = (await loanIds(c))('現代篇 2');
    const res = await c.post('/api/renewals', { loanIds: [id] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      results: [
        {
          loanId: id,
          title: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立',
          ok: true,
          previousDueDate: '2021-01-25',
          newDueDate: '2021-02-03',
        },
      ],
    });
    expect(await loanRow(t.db, id)).toMatchObject({ dueDate: '2021-02-03', renewalCount: 1 });
    const recorded = await renewalRows(t.db, id);
    expect(recorded).toEqual([
      expect.objectContaining({
        renewalNumber: 1,
        renewedOn: '2021-01-20',
        previousDueDate: '2021-01-25',
        newDueDate: '2021-02-03',
        channel: 'web',
        requestId: res.headers.get('x-request-id'),
      }),
    ]);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'renewal'), eq(auditLog.requestId, res.headers.get('x-request-id')!)));
    expect(audits.map((a) => a.detail)).toEqual([
      { loanId: id, renewalNumber: 1, previousDueDate: '2021-01-25', newDueDate: '2021-02-03' },
    ]);

    // The list now says 延長済, and renewing again is refused.
    expect(await renewOne(c, id)).toEqual({
      loanId: id,
      title: 'マンガ日本の歴史 現代篇 2 大日本帝国の成立',
      ok: false,
      reason: 'already_renewed',
    });
    expect(await renewalRows(t.db, id)).toHaveLength(1);
  });

  it('renews in bulk item by item: every reason reported, the others renewed (R4, R8)', async () => {
    const c = await signedIn(t.app, '100000001');
    const id = await loanIds(c);
    const other = await signedIn(t.app, '100000004');
    const someoneElses = (await loanIds(other))('第1巻');
    const ask = [
      id('現代篇 3'),
      id('北原白秋'),
      id('DVD'),
      id('福岡県の歴史'),
      id('有明海'),
      id('こどもの本'),
      someoneElses,
      999_999,
      id('現代篇 1'),
    ];
    const res = await c.post('/api/renewals', { loanIds: ask });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: Row) => r.loanId)).toEqual(ask);
    expect(res.body.results.map((r: Row) => (r.ok ? r.newDueDate : r.reason))).toEqual([
      '2021-02-03',
      'reserved',
      'already_renewed',
      'interlibrary_loan',
      'not_extended',
      '2021-01-27',
      'not_found',
      'not_found',
      '2021-02-03',
    ]);
    expect(res.body.results[4]).toMatchObject({ title: '有明海の生きものたち', availableFrom: '2021-01-21' });
    // A loan that is not the caller's says nothing about itself and stays untouched.
    expect(res.body.results[6]).toEqual({ loanId: someoneElses, ok: false, reason: 'not_found' });
    expect(await loanRow(t.db, someoneElses)).toMatchObject({ renewalCount: 0, dueDate: '2021-01-31' });
    expect(await loanRow(t.db, id('北原白秋'))).toMatchObject({ renewalCount: 0 });
  });

  it('collapses duplicate ids into one renewal', async () => {
    const c = await signedIn(t.app, '100000004');
    const id = (await loanIds(c))('第2巻');
    const res = await c.post('/api/renewals', { loanIds: [id, id, id] });
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0]).toMatchObject({
      ok: true,
      previousDueDate: '2021-01-31',
      newDueDate: '2021-02-03',
    });
    expect(await renewalRows(t.db, id)).toHaveLength(1);
  });

  it('refuses the whole procedure for a patron with an overdue loan (R5): 403, nothing renewed', async () => {
    const c = await signedIn(t.app, '200000002');
    const res0 = await c.get('/api/loans');
    const notOverdue = res0.body.items.find((r: Row) => !r.overdue).id;
    const res = await c.post('/api/renewals', { loanIds: [notOverdue] });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: {
        code: 'patron_has_overdue',
        message: '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。',
      },
    });
    expect(await loanRow(t.db, notOverdue)).toMatchObject({ renewalCount: 0, dueDate: '2021-01-25' });
  });

  it('refuses a blocked patron with 403 whatever the first loan asked is (unknown id first, own loan after)', async () => {
    const c = await signedIn(t.app, '200000002');
    const res0 = await c.get('/api/loans');
    const notOverdue = res0.body.items.find((r: Row) => !r.overdue).id;
    const res = await c.post('/api/renewals', { loanIds: [2 ** 31 - 1, notOverdue] });
    expectError(res, 403, 'patron_has_overdue');
    expect(await loanRow(t.db, notOverdue)).toMatchObject({ renewalCount: 0, dueDate: '2021-01-25' });
    expect(await renewalRows(t.db, notOverdue)).toEqual([]);
  });

  it('re-checks the rules at commit: a reservation placed after the list was shown wins (R6)', async () => {
    const c = await signedIn(t.app, '100000004');
    const list = await c.get('/api/loans?pageSize=100');
    const row = list.body.items.find((r: Row) => r.title.endsWith('第3巻'));
    expect(row.renewal.eligible).toBe(true);
    const [loan] = await t.db.select().from(loans).where(eq(loans.id, row.id));
    const [me] = await t.db.select().from(patrons).where(eq(patrons.number, '100000001'));
    const { items } = await import('../../db/schema.ts');
    const [item] = await t.db.select().from(items).where(eq(items.id, loan!.itemId));
    await t.db.insert(reservations).values({ titleId: item!.titleId, patronId: me!.id });
    const res = await c.post('/api/renewals', { loanIds: [row.id] });
    expect(res.body.results[0]).toMatchObject({ ok: false, reason: 'reserved' });
  });

  it('refuses a loan returned in the meantime as not_found', async () => {
    const c = await signedIn(t.app, '100000004');
    const id = (await loanIds(c))('第4巻');
    await t.db.update(loans).set({ returnedOn: '2021-01-20' }).where(eq(loans.id, id));
    const res = await c.post('/api/renewals', { loanIds: [id] });
    expect(res.body.results[0]).toEqual({ loanId: id, ok: false, reason: 'not_found' });
  });

  it.each([
    ['an empty list', { loanIds: [] }, 'loanIds'],
    ['no list', {}, 'loanIds'],
    ['101 ids', { loanIds: Array.from({ length: 101 }, (_, i) => i + 1) }, 'loanIds'],
    ['a string id', { loanIds: ['1'] }, 'loanIds.0'],
    ['a fractional id', { loanIds: [1, 2.5] }, 'loanIds.1'],
    ['an id beyond the serial range', { loanIds: [2 ** 31] }, 'loanIds.0'],
  ])('answers %s with 400 and the field', async (_, body, field) => {
    const c = await signedIn(t.app, '100000004');
    const res = await c.post('/api/renewals', body);
    expectInvalidFields(res, [field]);
  });

  it('answers malformed JSON with 400', async () => {
    const c = await signedIn(t.app, '100000004');
    const res = await c.post('/api/renewals', '{"loanIds": [1,');
    expectError(res, 400, 'invalid_json');
  });

  it('refuses a cross-origin request', async () => {
    const c = await signedIn(t.app, '100000004');
    const res = await c.post('/api/renewals', { loanIds: [1] }, { origin: 'https://evil.example' });
    expectError(res, 403, 'forbidden');
  });
});

describe('closed days (R2)', () => {
  const t = useTestApp();

  it("moves the new due date off its branch's closed days (R2), in the preview and in the renewal alike", async () => {
    const c = await signedIn(t.app, '100000001');
    const id = (await loanIds(c))('現代篇 2');
    const { branchCode } = await loanRow(t.db, id);
    const [elsewhere] = await t.db
      .select({ code: branches.code })
      .from(branches)
      .where(sql`${branches.code} <> ${branchCode}`);
    // 2021-02-03 (the due date without closures) and the day after closed at the loan's branch;
    // 02-05 closed only at another branch, which must not count.
    await t.db.insert(closedDays).values([
      { branchCode, date: '2021-02-03', reason: 'テスト' },
      { branchCode, date: '2021-02-04', reason: 'テスト' },
      { branchCode: elsewhere!.code, date: '2021-02-05', reason: 'テスト' },
    ]);
    try {
      const list = await c.get('/api/loans?pageSize=100');
      expect(list.body.items.find((r: Row) => r.id === id).renewal).toEqual({
        eligible: true,
        newDueDate: '2021-02-05',
      });
      expect(await renewOne(c, id)).toMatchObject({ ok: true, newDueDate: '2021-02-05' });
      expect(await loanRow(t.db, id)).toMatchObject({ dueDate: '2021-02-05' });
    } finally {
      await t.db.delete(closedDays).where(eq(closedDays.reason, 'テスト'));
    }
  });
});

describe('Idempotency-Key', () => {
  const t = useTestApp();

  it('replays the first answer for the same key and body, without renewing again', async () => {
    const c = await signedIn(t.app, '100000001');
    const id = (await loanIds(c))('現代篇 2');
    const key = { 'idempotency-key': 'renew-0001-aaaa' };
    const first = await c.post('/api/renewals', { loanIds: [id] }, key);
    expect(first.body.results[0]).toMatchObject({ ok: true, newDueDate: '2021-02-03' });
    const replay = await c.post('/api/renewals', { loanIds: [id, id] }, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await renewalRows(t.db, id)).toHaveLength(1);
  });

  it('refuses the same key with a different body (422)', async () => {
    const c = await signedIn(t.app, '100000001');
    const id = await loanIds(c);
    const key = { 'idempotency-key': 'renew-0002-bbbb' };
    await c.post('/api/renewals', { loanIds: [id('現代篇 1')] }, key);
    const other = await c.post('/api/renewals', { loanIds: [id('現代篇 3')] }, key);
    expectError(other, 422, 'idempotency_key_mismatch');
    expect(await loanRow(t.db, id('現代篇 3'))).toMatchObject({ renewalCount: 0 });
  });

  it('keeps keys per patron: the same key from another patron is a new request', async () => {
    const a = await signedIn(t.app, '100000004');
    const b = await signedIn(t.app, '100000001');
    const key = { 'idempotency-key': 'shared-key-cccc' };
    const ra = await a.post('/api/renewals', { loanIds: [(await loanIds(a))('第5巻')] }, key);
    const rb = await b.post('/api/renewals', { loanIds: [(await loanIds(b))('こどもの本')] }, key);
    expect(ra.body.results[0].ok).toBe(true);
    expect(rb.body.results[0]).toMatchObject({ ok: true, newDueDate: '2021-01-27' });
  });

  it('replays a 403 for a blocked patron as well', async () => {
    const c = await signedIn(t.app, '200000002');
    const key = { 'idempotency-key': 'blocked-key-dddd' };
    const first = await c.post('/api/renewals', { loanIds: [1] }, key);
    const replay = await c.post('/api/renewals', { loanIds: [1] }, key);
    expect([first.status, replay.status]).toEqual([403, 403]);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('forgets a key after 24 hours', async () => {
    const c = await signedIn(t.app, '100000004');
    const id = (await loanIds(c))('第6巻');
    const key = { 'idempotency-key': 'old-key-eeee' };
    const first = await c.post('/api/renewals', { loanIds: [id] }, key);
    expect(first.body.results[0].ok).toBe(true);
    t.clock.advance(24 * 60 * 60 * 1000 + 1000);
    await c.login('100000004'); // the session's absolute lifetime is shorter than a day
    const later = await c.post('/api/renewals', { loanIds: [id] }, key);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.results[0]).toMatchObject({ ok: false, reason: 'already_renewed' });
  });

  it('refuses a malformed key with 400', async () => {
    const c = await signedIn(t.app, '100000004');
    const res = await c.post('/api/renewals', { loanIds: [1] }, { 'idempotency-key': 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('Idempotency-Key');
  });
});

describe('exactly once under concurrency (R7)', () => {
  const CONCURRENT = 60;
  let t: Awaited<ReturnType<typeof raceApp>>;

  /** The real app on its own database with a pool as wide as the race (PostgreSQL). */
  async function raceApp() {
    const database = await openTestDatabase({ poolSize: 40 });
    const clock = testClock(GUIDE_TODAY);
    await loadDemoData(database.db, clock.today());
    const deps = {
      db: database.db,
      dbKind: database.kind,
      env: parseEnv({ LOG_LEVEL: 'silent', STATIC_DIR: '/nonexistent' }),
      clock,
      logger: createLogger('silent'),
    };
    return { app: buildApp(deps), db: database.db, close: database.close };
  }

  beforeAll(async () => {
    t = await raceApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it(`${CONCURRENT} concurrent requests from two tabs renew the loan once`, async () => {
    const tabs = [client(t.app), client(t.app)];
    for (const tab of tabs) await tab.login('100000001');
    const id = (await loanIds(tabs[0]!))('現代篇 3');
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => tabs[i % 2]!.post('/api/renewals', { loanIds: [id] })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(CONCURRENT).fill(200));
    const results = answers.map((a) => a.body.results[0]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.reason)).toEqual(
      Array(CONCURRENT - 1).fill('already_renewed'),
    );
    expect(await renewalRows(t.db, id)).toHaveLength(1);
    expect(await loanRow(t.db, id)).toMatchObject({ renewalCount: 1, dueDate: '2021-02-03' });
  });

  it(`${CONCURRENT} concurrent bulk requests over overlapping loans renew each loan once`, async () => {
    const c = await signedIn(t.app, '100000004');
    const list = await c.get('/api/loans?pageSize=100');
    const ids: number[] = list.body.items.map((r: Row) => r.id).slice(0, 10);
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        // Each request asks for the ten loans in a different order.
        c.post('/api/renewals', { loanIds: [...ids.slice(i % 10), ...ids.slice(0, i % 10)] }),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    for (const id of ids) {
      const oks = answers.filter((a) => a.body.results.some((r: Row) => r.loanId === id && r.ok));
      expect(oks).toHaveLength(1);
      expect(await renewalRows(t.db, id)).toHaveLength(1);
    }
  });

  it(`${CONCURRENT} concurrent requests with one Idempotency-Key: one renewal, the rest replay or wait`, async () => {
    const c = await signedIn(t.app, '100000001');
    const id = (await loanIds(c))('現代篇 1');
    const key = { 'idempotency-key': 'race-key-ffff-0001' };
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () => c.post('/api/renewals', { loanIds: [id] }, key)),
    );
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const ok = answers.filter((a) => a.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // Every 200 is the first answer (the renewal itself), never an already_renewed.
    for (const a of ok) expect(a.body.results[0]).toMatchObject({ ok: true, newDueDate: '2021-02-03' });
    expect(await renewalRows(t.db, id)).toHaveLength(1);
  });

  it('the database itself refuses a second record of the same renewal', async () => {
    const [loan] = await t.db.select().from(renewals).limit(1);
    await expect(
      t.db.insert(renewals).values({
        loanId: loan!.loanId,
        renewalNumber: loan!.renewalNumber,
        renewedOn: GUIDE_TODAY,
        previousDueDate: GUIDE_TODAY,
        newDueDate: GUIDE_TODAY,
        channel: 'web',
      }),
    ).rejects.toThrow();
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(renewals)
      .where(eq(renewals.loanId, loan!.loanId))) as [{ n: number }];
    expect(n).toBe(1);
  });
});
