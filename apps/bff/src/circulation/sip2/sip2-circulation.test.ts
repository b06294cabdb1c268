import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { addDays, errorMessages } from '@library/domain';
import { FakeIls, type FakeItem, type FakePatron } from '@library/sip2/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, authLockouts, ilsLoans, patrons } from '../../db/schema.ts';
import { loadDemoLibrary } from '../../db/seed/demo-data.ts';
import { createLogger } from '../../lib/logger.ts';
import { TARO_IDENTITY } from '../../test/demo-identities.ts';
import { expectError } from '../../test/expect-error.ts';
import { renewOne } from '../../test/renew-one.ts';
import { fakeIlsEnv } from '../../test/sip2-env.ts';
import { client, createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * CIRCULATION=sip2 through the real routes, in front of the project's own SIP2 server
 * (`@library/sip2/testing`) on a real database (PGlite, or PostgreSQL with DATABASE_URL).
 */

const TODAY = '2026-12-01';
/** The fake ILS's clock: 10:00 in Tokyo on TODAY; a renewal there gives now + 14 days. */
const NOW = new Date(`${TODAY}T10:00:00+09:00`);
const RENEWED_DUE = addDays(TODAY, 14);
const ymd = (date: string) => date.replaceAll('-', '');

const A = '100000001'; // PIN 4321: a held item, a magazine, a DVD
const BLOCKED = '200000002'; // PIN 8765: renewal privileges denied, with the ILS's message
const PAGING = '100000004'; // PIN 1111: 23 loans
const LATE = '200000005'; // PIN 2222: one item overdue
const BLOCK_TEXT = '延滞中の資料があるため、貸出延長はカウンターでお申し出ください';

function library(): { patrons: FakePatron[]; items: FakeItem[] } {
  const due = (days: number) => ymd(addDays(TODAY, days));
  return {
    patrons: [
      {
        id: A,
        pin: '4321',
        name: 'ヤナガワ タロウ',
        phone: '0944-73-0001',
        birthDate: '19750408',
        email: 'taro@example.jp',
      },
      {
        id: BLOCKED,
        pin: '8765',
        name: 'ミツハシ ハナコ',
        status: { renewalPrivilegesDenied: true },
        screenMessage: BLOCK_TEXT,
      },
      { id: PAGING, pin: '1111', name: 'ヤマト ジロウ' },
      { id: LATE, pin: '2222', name: 'オオカワ サブロウ' },
    ],
    items: [
      {
        id: '3100000001',
        title: 'マンガ日本の歴史 現代篇 3 大戦とデモクラシー',
        patronId: A,
        dueDate: due(5),
      },
      { id: '3100000002', title: '北原白秋詩集', patronId: A, dueDate: due(7), holds: [PAGING] },
      { id: '3100000003', title: '月刊 こどもの本 1月号', mediaType: '002', patronId: A, dueDate: due(4) },
      {
        id: '3100000004',
        title: '水郷柳川 川下りの四季（DVD）',
        mediaType: '005',
        patronId: A,
        dueDate: due(6),
      },
      { id: '3100000005', title: '有明海の生きものたち', patronId: A, dueDate: due(5) },
      { id: '3100000006', title: '福岡県の歴史', patronId: A, dueDate: due(3) },
      { id: '3200000001', title: 'やさしい家庭料理', patronId: BLOCKED, dueDate: due(5) },
      ...Array.from({ length: 23 }, (_, i) => ({
        id: `33000000${String(i + 1).padStart(2, '0')}`,
        title: `柳川ふるさと文庫 第${i + 1}巻`,
        patronId: PAGING,
        dueDate: due(10),
      })),
      { id: '3400000001', title: 'はじめての家庭菜園', patronId: LATE, dueDate: due(-2) },
      { id: '3400000002', title: '筑後川の四季', patronId: LATE, dueDate: due(5) },
    ],
  };
}

const patternsDir = mkdtempSync(join(tmpdir(), 'sip2-patterns-'));
const patternsFile = join(patternsDir, 'patterns.json');
writeFileSync(patternsFile, JSON.stringify({ reserved: 'outstanding holds|予約' }));

let ils: FakeIls;
let t: TestApp;

async function sip2App(env: Record<string, string> = {}, logger?: ReturnType<typeof createLogger>) {
  const app = await createTestApp({
    ...(logger ? { logger } : {}),
    demo: false,
    today: TODAY,
    env: {
      ...fakeIlsEnv(ils.port, { timeoutMs: 400, pool: 3 }),
      SIP2_REASON_PATTERNS: patternsFile,
      ...env,
    },
  });
  await loadDemoLibrary(app.db, TODAY);
  return app;
}

async function loggedIn(number: string, pin: string, app = t) {
  const c = client(app.app);
  const res = await c.login(number, pin);
  expect(res.status).toBe(200);
  return c;
}

async function loanIdOf(c: ReturnType<typeof client>, title: string): Promise<number> {
  const res = await c.get('/api/loans?pageSize=100');
  const loan = res.body.items.find((l: { title: string }) => l.title === title);
  expect(loan, title).toBeDefined();
  return loan.id;
}

beforeAll(async () => {
  ils = new FakeIls({ ...library(), now: () => NOW });
  await ils.start();
  t = await sip2App();
});
afterAll(async () => {
  await t?.close();
  await ils?.stop();
  rmSync(patternsDir, { recursive: true, force: true });
});

describe('login with the ILS PIN (SIP2_PASSWORDS=ils)', () => {
  it('logs in with the PIN the ILS checks (63 CQ) and keeps a portal row for the patron', async () => {
    const c = client(t.app);
    const res = await c.login(A, '4321');
    expect(res.status).toBe(200);
    expect(res.body.patron).toEqual({ number: A, name: 'ヤナガワ タロウ' });
    const [row] = await t.db.select().from(patrons).where(eq(patrons.number, A));
    expect(row).toMatchObject({ nameKana: 'ヤナガワ タロウ', phone: '0944730001', birthDate: '1975-04-08' });
    expect(row!.passwordHash).toBeNull();
    const me = await c.get('/api/me');
    expect(me.body.patron).toEqual({ number: A, name: 'ヤナガワ タロウ', email: 'taro@example.jp' });
  });

  it('answers a wrong PIN and a number the ILS does not know (BL N) alike', async () => {
    const wrong = await client(t.app).login(A, '0000');
    const unknown = await client(t.app).login('100099999', '0000');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    // A PIN SIP2 cannot carry (its field separator) is a wrong PIN, not a 5xx.
    const unsendable = await client(t.app).login(A, '43|21');
    expect(unsendable.status).toBe(401);
    expect(unsendable.body).toEqual(wrong.body);
  });

  it("keeps the portal's own lockout: five wrong PINs lock the number (423)", async () => {
    const c = client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.login(LATE, '9999')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    // Even the right PIN now waits out the lock, and the ILS is not asked.
    const asked = ils.stats().received['63'] ?? 0;
    expect((await c.login(LATE, '2222')).status).toBe(423);
    expect(ils.stats().received['63'] ?? 0).toBe(asked);
    await t.db.delete(authLockouts).where(eq(authLockouts.patronNumber, LATE));
  });

  it('has no 新規パスワード登録 in this mode: the PIN is the password', async () => {
    const res = await client(t.app).post('/api/registration/verify', {
      patronNumber: A,
      ...TARO_IDENTITY,
    });
    expectError(res, 403, 'registration_not_available');
  });

  it('has no password change in 利用者情報変更 either: 403, and no lockout counted', async () => {
    const c = client(t.app);
    expect((await c.login(PAGING, '1111')).status).toBe(200);
    const lockoutsBefore = await t.db
      .select()
      .from(authLockouts)
      .where(eq(authLockouts.patronNumber, PAGING));
    for (let i = 0; i < 6; i++) {
      const res = await c.put('/api/me/password', {
        currentPassword: '1111',
        password: 'kawakudari-2026',
        passwordConfirm: 'kawakudari-2026',
      });
      expectError(res, 403, 'registration_not_available');
    }
    expect(await t.db.select().from(authLockouts).where(eq(authLockouts.patronNumber, PAGING))).toEqual(
      lockoutsBefore,
    );
    expect((await client(t.app).login(PAGING, '1111')).status).toBe(200);
  });

  it('has no パスワードを忘れた方 either: all three steps answer 403 registration_not_available', async () => {
    const c = client(t.app);
    const lockoutsBefore = await t.db.select().from(authLockouts).where(eq(authLockouts.patronNumber, A));
    const answers = [
      await c.post('/api/password-reset/request', { patronNumber: A }),
      await c.post('/api/password-reset/verify', {
        patronNumber: A,
        ...TARO_IDENTITY,
      }),
      await c.post('/api/password-reset/complete', {
        resetToken: 't'.repeat(43),
        password: 'kawakudari-2026',
        passwordConfirm: 'kawakudari-2026',
      }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        error: { code: 'registration_not_available', message: errorMessages.registration_not_available },
      });
    }
    // Refused before anything happened: no lockout counted, no audit row of a reset.
    expect(await t.db.select().from(authLockouts).where(eq(authLockouts.patronNumber, A))).toEqual(
      lockoutsBefore,
    );
    const events = (await t.db.select({ event: auditLog.event }).from(auditLog)).map((r) => r.event);
    expect(events.filter((e) => e.startsWith('password_reset'))).toEqual([]);
  });

  it('tells the SPA the password mode (GET /api/session: passwordMode ils), with or without a session', async () => {
    const c = client(t.app);
    const visitor = await c.get('/api/session');
    expect(visitor.status).toBe(200);
    expect(visitor.body).toEqual({ patron: null, passwordMode: 'ils' });
    expect((await c.login(A, '4321')).status).toBe(200);
    const signedIn = await c.get('/api/session');
    expect(signedIn.body).toEqual({ patron: { number: A, name: 'ヤナガワ タロウ' }, passwordMode: 'ils' });
  });
});

describe('貸出一覧 and 利用者ポータル from the ILS', () => {
  it('pages the ILS’s charged items (64 AU) with 該当件数 and titles from 17', async () => {
    const c = await loggedIn(PAGING, '1111');
    const first = await c.get('/api/loans?page=1&pageSize=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 10, totalPages: 3, total: 23, blocked: null });
    expect(first.body.items.map((l: { title: string }) => l.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `柳川ふるさと文庫 第${i + 1}巻`),
    );
    const last = await c.get('/api/loans?page=3&pageSize=10');
    expect(last.body.items.map((l: { no: number }) => l.no)).toEqual([21, 22, 23]);
    expect(last.body.items[2]).toMatchObject({
      title: '柳川ふるさと文庫 第23巻',
      dueDate: addDays(TODAY, 10),
    });
    const beyond = await c.get('/api/loans?page=4&pageSize=10');
    expect(beyond.status).toBe(400);
    // Ids are the portal's handles: stable between reads.
    const again = await c.get('/api/loans?page=1&pageSize=10');
    expect(again.body.items.map((l: { id: number }) => l.id)).toEqual(
      first.body.items.map((l: { id: number }) => l.id),
    );
  });

  it('maps media types, due dates (AH date part) and the hold queue (CF > 0 → 予約あり)', async () => {
    const c = await loggedIn(A, '4321');
    const res = await c.get('/api/loans');
    const byTitle = Object.fromEntries(res.body.items.map((l: { title: string }) => [l.title, l]));
    expect(res.body.total).toBe(6);
    expect(byTitle.北原白秋詩集).toMatchObject({
      materialType: 'book',
      dueDate: addDays(TODAY, 7),
      loanedOn: null,
      renewal: { eligible: false, reason: 'reserved' },
    });
    expect(byTitle['月刊 こどもの本 1月号']).toMatchObject({ materialType: 'magazine', category: '雑誌' });
    expect(byTitle['水郷柳川 川下りの四季（DVD）']).toMatchObject({ materialType: 'av' });
    expect(byTitle.有明海の生きものたち).toMatchObject({ overdue: false, renewal: { eligible: true } });
    const me = await c.get('/api/me');
    expect(me.body.blocked).toBeNull();
    expect(me.body.loans).toHaveLength(6);
    expect(me.body.loans[0]).toEqual({
      no: 1,
      title: 'マンガ日本の歴史 現代篇 3 大戦とデモクラシー',
      dueDate: addDays(TODAY, 5),
      overdue: false,
    });
  });

  it("counts the calendar's 返却期限日 from the ILS's due dates", async () => {
    const c = await loggedIn(A, '4321');
    const res = await c.get('/api/calendar?from=2026-12&months=1');
    expect(res.status).toBe(200);
    const due = Object.fromEntries(
      res.body.months[0].days
        .filter((d: { dueCount: number }) => d.dueCount > 0)
        .map((d: { date: string; dueCount: number }) => [d.date, d.dueCount]),
    );
    expect(due).toEqual({
      [addDays(TODAY, 3)]: 1,
      [addDays(TODAY, 4)]: 1,
      [addDays(TODAY, 5)]: 2,
      [addDays(TODAY, 6)]: 1,
      [addDays(TODAY, 7)]: 1,
    });
  });

  it("blocks a patron the ILS denies renewals (status position 2), with the ILS's AF text", async () => {
    const c = await loggedIn(BLOCKED, '8765');
    const loans = await c.get('/api/loans');
    expect(loans.body).toMatchObject({ blocked: 'renewal_denied', blockMessage: BLOCK_TEXT });
    expect(loans.body.items[0].renewal).toEqual({ eligible: false, reason: 'renewal_denied' });
    const me = await c.get('/api/me');
    expect(me.body).toMatchObject({ blocked: 'renewal_denied', blockMessage: BLOCK_TEXT });
    const renew = await c.post('/api/renewals', { loanIds: [loans.body.items[0].id] });
    expect(renew.status).toBe(403);
    expect(renew.body.error).toEqual({ code: 'renewal_denied', message: errorMessages.renewal_denied });
    expect(ils.stats().received['29'] ?? 0).toBe(0);
  });

  it('blocks a patron with anything overdue (R5) and marks the overdue row', async () => {
    const c = await loggedIn(LATE, '2222');
    const loans = await c.get('/api/loans');
    expect(loans.body.blocked).toBe('patron_has_overdue');
    const late = loans.body.items.find((l: { title: string }) => l.title === 'はじめての家庭菜園');
    expect(late.overdue).toBe(true);
    const renew = await c.post('/api/renewals', { loanIds: [loans.body.items[1].id] });
    expectError(renew, 403, 'patron_has_overdue');
  });
});

describe('renewals decided by the ILS (29/30)', () => {
  it("renews, reports the ILS's new due date, and the ILS's own 17 shows it", async () => {
    const c = await loggedIn(A, '4321');
    const id = await loanIdOf(c, '有明海の生きものたち');
    const res = await c.post('/api/renewals', { loanIds: [id] });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      {
        loanId: id,
        title: '有明海の生きものたち',
        ok: true,
        previousDueDate: addDays(TODAY, 5),
        newDueDate: RENEWED_DUE,
      },
    ]);
    expect(ils.item('3100000005')!.dueDate!.slice(0, 8)).toBe(ymd(RENEWED_DUE));
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.event, 'renewal'));
    expect(audits.at(-1)!.detail).toMatchObject({ backend: 'sip2', loanId: id, newDueDate: RENEWED_DUE });
  });

  it('maps a refusal by SIP2_REASON_PATTERNS (a hold placed after the list was read → reserved)', async () => {
    const c = await loggedIn(A, '4321');
    const id = await loanIdOf(c, 'マンガ日本の歴史 現代篇 3 大戦とデモクラシー');
    ils.upsertItem({ ...ils.item('3100000001')!, holds: [PAGING] });
    expect(await renewOne(c, id)).toEqual({
      loanId: id,
      title: 'マンガ日本の歴史 現代篇 3 大戦とデモクラシー',
      ok: false,
      reason: 'reserved',
    });
  });

  it('shows a refusal no pattern matches verbatim, as ils_refused', async () => {
    const other = await sip2App({ SIP2_REASON_PATTERNS: '' });
    try {
      const c = await loggedIn(A, '4321', other);
      const id = await loanIdOf(c, '北原白秋詩集');
      expect(await renewOne(c, id)).toEqual({
        loanId: id,
        title: '北原白秋詩集',
        ok: false,
        reason: 'ils_refused',
        message: 'Item has outstanding holds',
      });
    } finally {
      await other.close();
    }
  }, 120_000);

  it('an item of another patron, or one the ILS no longer lists, is not_found', async () => {
    const paging = await loggedIn(PAGING, '1111');
    const theirs = (await paging.get('/api/loans')).body.items[0].id;
    const c = await loggedIn(A, '4321');
    const res = await c.post('/api/renewals', { loanIds: [theirs, 999_999] });
    expect(res.body.results).toEqual([
      { loanId: theirs, ok: false, reason: 'not_found' },
      { loanId: 999_999, ok: false, reason: 'not_found' },
    ]);
  });

  it('a renewal whose answer never came is read again (17): done → ok with the new date', async () => {
    const c = await loggedIn(A, '4321');
    const id = await loanIdOf(c, '福岡県の歴史');
    const renewsBefore = ils.stats().received['29'] ?? 0;
    ils.fault({ kind: 'silentRenew', times: 1 });
    expect(await renewOne(c, id)).toEqual({
      loanId: id,
      title: '福岡県の歴史',
      ok: true,
      previousDueDate: addDays(TODAY, 3),
      newDueDate: RENEWED_DUE,
    });
    // Never resent: one 29 went out.
    expect(ils.stats().received['29']).toBe(renewsBefore + 1);
  });

  it('a renewal whose answer never came and did not happen → ils_unavailable, nothing reported renewed', async () => {
    const c = await loggedIn(A, '4321');
    const id = await loanIdOf(c, '水郷柳川 川下りの四季（DVD）');
    const renewsBefore = ils.stats().received['29'] ?? 0;
    // The answer would come after the timeout (400 ms): the pool gives up and drops the connection.
    ils.fault({ kind: 'delay', on: '29', ms: 1500, times: 1 });
    expect(await renewOne(c, id)).toEqual({
      loanId: id,
      title: '水郷柳川 川下りの四季（DVD）',
      ok: false,
      reason: 'ils_unavailable',
    });
    expect(ils.stats().received['29']).toBe(renewsBefore + 1);
    expect(ils.item('3100000004')!.dueDate!.slice(0, 8)).toBe(ymd(addDays(TODAY, 6)));
  });

  it('a renewal that timed out and whose item cannot be read again → ils_unavailable', async () => {
    const c = await loggedIn(A, '4321');
    const id = await loanIdOf(c, '月刊 こどもの本 1月号');
    ils.fault({ kind: 'delay', on: '29', ms: 1500, times: 1 });
    // Once the 29 is out (the 17 before it answered), every 17 is dropped: the re-read fails too.
    const later = setTimeout(() => ils.fault({ kind: 'drop', on: '17', times: 5 }), 150);
    const res = await c.post('/api/renewals', { loanIds: [id] });
    clearTimeout(later);
    ils.clearFaults();
    expect(res.body.results).toEqual([
      { loanId: id, title: '月刊 こどもの本 1月号', ok: false, reason: 'ils_unavailable' },
    ]);
  });

  it('replays an Idempotency-Key: the first answer, and no second 29', async () => {
    const c = await loggedIn(PAGING, '1111');
    const id = (await c.get('/api/loans')).body.items[0].id;
    const headers = { 'Idempotency-Key': 'sip2-replay-key-0001' };
    const first = await c.post('/api/renewals', { loanIds: [id] }, headers);
    expect(first.body.results[0]).toMatchObject({ ok: true, newDueDate: RENEWED_DUE });
    const renews = ils.stats().received['29'];
    const replay = await c.post('/api/renewals', { loanIds: [id] }, headers);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(ils.stats().received['29']).toBe(renews);
  });
});

describe('the ILS unreachable', () => {
  it('answers 503 ils_unavailable with docs/product.md §9’s message, health says so, and the pool heals', async () => {
    const c = await loggedIn(A, '4321');
    const id = await loanIdOf(c, '有明海の生きものたち');
    // The same request each time: one loan, one Idempotency-Key.
    const renewWithTheKey = () =>
      c.post('/api/renewals', { loanIds: [id] }, { 'Idempotency-Key': 'sip2-down-key-0001' });
    const port = ils.port;
    await ils.stop();
    try {
      const loans = await c.get('/api/loans');
      expect(loans.status).toBe(503);
      expect(loans.body.error).toEqual({
        code: 'ils_unavailable',
        message: '図書館システムに接続できません。しばらくしてからもう一度お試しください。',
      });
      expect((await c.get('/api/me')).status).toBe(503);
      const renew = await renewWithTheKey();
      expectError(renew, 503, 'ils_unavailable');
      const login = await client(t.app).login(A, '4321');
      expect(login.status).toBe(503);
      const health = await c.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'degraded',
        circulation: { backend: 'sip2', status: 'unavailable' },
      });
    } finally {
      await ils.start(port);
    }
    const health = await c.get('/api/health');
    expect(health.body).toMatchObject({ status: 'ok', circulation: { backend: 'sip2', status: 'ok' } });
    expect((await c.get('/api/loans')).status).toBe(200);
    // The 503 decided nothing: the same key may be used again, and now renews.
    const renew = await renewWithTheKey();
    expect(renew.status).toBe(200);
    expect(renew.body.results[0].loanId).toBe(id);
  });
});

describe('SIP2_PASSWORDS=portal: the portal keeps its own passwords', () => {
  it("新規パスワード登録 proves identity against the ILS's record (AE, BF, PB), then the portal password logs in", async () => {
    const portal = await sip2App({ SIP2_PASSWORDS: 'portal' });
    try {
      const c = client(portal.app);
      expect((await c.get('/api/session')).body).toEqual({ patron: null, passwordMode: 'portal' });
      // パスワードを忘れた方 is there (its answer never says whether the number is known).
      const reset = await c.post('/api/password-reset/request', { patronNumber: A });
      expect(reset.status).toBe(202);
      expect((await c.login(A, '4321')).status).toBe(401);
      const wrong = await c.post('/api/registration/verify', {
        patronNumber: A,
        name: 'ヤナガワタロウ',
        birthDate: '19750409',
        phone: ['0944', '73', '0001'],
      });
      expect(wrong.status).toBe(401);
      const verify = await c.post('/api/registration/verify', {
        patronNumber: A,
        ...TARO_IDENTITY,
      });
      expect(verify.status).toBe(200);
      // Masked, as registration's answer is everywhere since the hardening merge.
      expect(verify.body.currentEmail).toBe('t***@example.jp');
      const complete = await c.post('/api/registration/complete', {
        registrationToken: verify.body.registrationToken,
        password: 'kawakudari-2026',
        passwordConfirm: 'kawakudari-2026',
        email: 'taro@example.jp',
        useForContact: true,
        useForReservations: false,
      });
      expect(complete.status).toBe(201);
      expect((await c.login(A, 'kawakudari-2026')).status).toBe(200);
      expect((await c.get('/api/loans')).body.total).toBeGreaterThan(0);
      const handles = await portal.db.select().from(ilsLoans);
      expect(handles.length).toBeGreaterThan(0);
    } finally {
      await portal.close();
    }
  }, 120_000);
});

describe('log hygiene on CIRCULATION=sip2', () => {
  it('logs no PIN, no SIP2 password and no full patron number, whatever happens', async () => {
    const lines: string[] = [];
    const capture = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const number = '300000077';
    const pin = 'Zq9481Pin';
    ils.upsertPatron({ id: number, pin, name: 'ログ テスト' });
    ils.upsertItem({
      id: '3900000001',
      title: 'ログの本',
      patronId: number,
      dueDate: ymd(addDays(TODAY, 3)),
    });
    const app = await sip2App({ LOG_LEVEL: 'debug' }, createLogger('debug', capture));
    try {
      const c = client(app.app);
      expect((await c.login(number, 'wrong-pin')).status).toBe(401);
      expect((await c.login(number, pin)).status).toBe(200);
      const id = (await c.get('/api/loans')).body.items[0].id;
      ils.fault({ kind: 'silentRenew', times: 1 });
      expect((await c.post('/api/renewals', { loanIds: [id] })).status).toBe(200);
      const port = ils.port;
      await ils.stop();
      expect((await c.get('/api/loans')).status).toBe(503);
      await ils.start(port);
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('ILS unavailable');
    for (const secret of [pin, 'wrong-pin', 'portal-secret', number]) expect(log).not.toContain(secret);
  }, 120_000);
});
