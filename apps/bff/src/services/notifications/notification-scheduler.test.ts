import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { addDays } from '@library/domain';
import { FakeIls } from '@library/sip2/testing';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localCirculation } from '../../circulation/local/local-circulation.ts';
import { type Database, openDatabase } from '../../db/client.ts';
import {
  loans,
  mailOutbox,
  notificationPreferences,
  notificationsSent,
  patrons,
  pushSubscriptions,
  renewals,
} from '../../db/schema.ts';
import { parseEnv } from '../../env.ts';
import { createLogger } from '../../lib/logger.ts';
import { browserSubscription, startPushService } from '../../test/push-service.ts';
import { fakeIlsEnv } from '../../test/sip2-env.ts';
import { client, createTestApp, GUIDE_TODAY, type TestApp } from '../../test/test-app.ts';
import { createMailSender } from '../mail/mail-sender.ts';
import { createPushSender } from '../push/push-sender.ts';
import { createNotificationScheduler } from './notification-scheduler.ts';

const MANGA = 'マンガ日本の歴史';
const ORIGIN = 'https://library.example.jp';

// One database for the file (starting one is slow on a busy machine); each test starts from
// the demo data of 2021-01-20 again: loans and renewals restored, nothing opted in or sent.
let shared: TestApp;
let demoLoans: (typeof loans.$inferSelect)[];
let demoRenewalIds: number[];
const extraDatabases: Database[] = [];
beforeAll(async () => {
  shared = await createTestApp({ env: { PUBLIC_ORIGIN: ORIGIN, PUSH_ALLOW_LOOPBACK_ENDPOINTS: 'true' } });
  demoLoans = await shared.db.select().from(loans);
  demoRenewalIds = (await shared.db.select({ id: renewals.id }).from(renewals)).map((r) => r.id);
});
afterAll(async () => {
  await shared.close();
});
beforeEach(async () => {
  const { db } = shared;
  await db.delete(notificationsSent);
  await db.delete(mailOutbox);
  await db.delete(notificationPreferences);
  // Their queued pushes go with them (on delete cascade).
  await db.delete(pushSubscriptions);
  const kept = demoRenewalIds.length > 0 ? demoRenewalIds : [0];
  const added = await db.select({ id: renewals.id }).from(renewals);
  const extra = added.map((r) => r.id).filter((id) => !kept.includes(id));
  if (extra.length > 0) await db.delete(renewals).where(inArray(renewals.id, extra));
  for (const loan of demoLoans) {
    await db
      .update(loans)
      .set({ dueDate: loan.dueDate, renewalCount: loan.renewalCount, returnedOn: loan.returnedOn })
      .where(eq(loans.id, loan.id));
  }
  shared.clock.setToday(GUIDE_TODAY);
  shared.clock.set(new Date(`${GUIDE_TODAY}T10:00:00+09:00`));
});
afterEach(async () => {
  for (const d of extraDatabases.splice(0)) await d.close();
});

async function setup() {
  return shared;
}

function scheduler(t: TestApp, db = t.db) {
  return createNotificationScheduler({
    db,
    // A second pool (a second process) has a circulation port of its own over it.
    circulation: db === t.db ? t.deps.circulation : localCirculation(db),
    env: t.deps.env,
    clock: t.clock,
    logger: createLogger('silent'),
  });
}

const prefs = (
  over: {
    daysBefore?: number;
    includeTitles?: boolean;
    overdueNotice?: boolean;
    email?: boolean;
    push?: boolean;
  } = {},
) => ({
  reminder: {
    email: over.email ?? true,
    daysBefore: over.daysBefore ?? 3,
    includeTitles: over.includeTitles ?? false,
    push: over.push ?? false,
  },
  overdueNotice: over.overdueNotice ?? true,
  language: 'ja',
});

async function optIn(t: TestApp, patronNumber = '100000001', over: Parameters<typeof prefs>[0] = {}) {
  const c = client(t.app);
  expect((await c.login(patronNumber)).status).toBe(200);
  expect((await c.put('/api/me/notifications', prefs(over))).status).toBe(204);
  return c;
}

/**
 * 100000001 opts in to reminders 3 days ahead, the scheduler runs on `day`, then the patron
 * renews the three マンガ (due 2021-01-25) through the API; they get one new due date.
 */
async function renewMangaAfterARunOn(day: string) {
  const t = await setup();
  const c = await optIn(t, '100000001', { daysBefore: 3 });
  const s = scheduler(t);
  t.clock.setToday(day);
  await s.runOnce();
  const renewed = await c.post('/api/renewals', { loanIds: await mangaIds(t) });
  expect(renewed.status).toBe(200);
  const newDueDates = new Set(renewed.body.results.map((r: { newDueDate: string }) => r.newDueDate));
  expect(newDueDates.size).toBe(1);
  const [newDueDate] = [...newDueDates] as [string];
  return { t, s, newDueDate };
}

/** The notification mails queued so far, oldest first. */
async function notificationMails(t: TestApp) {
  return t.db
    .select()
    .from(mailOutbox)
    .where(inArray(mailOutbox.kind, ['due_reminder', 'overdue_notice']))
    .orderBy(mailOutbox.id);
}

async function sentKeys(t: TestApp) {
  const rows = await t.db.select().from(notificationsSent).orderBy(notificationsSent.dueDate);
  return rows.map((r) => `${r.kind} ${r.dueDate} ×${r.itemCount} on ${r.sentOn}`);
}

async function mangaIds(t: TestApp) {
  const rows = await t.db
    .select({ id: loans.id })
    .from(loans)
    .innerJoin(patrons, eq(patrons.id, loans.patronId))
    .where(and(eq(patrons.number, '100000001'), isNull(loans.returnedOn), eq(loans.dueDate, '2021-01-25')));
  return rows.map((r) => r.id);
}

describe('notification scheduler (docs/product.md §10)', () => {
  it('mails the patron who opted in on 2021-01-20 exactly once on 2021-01-22 for the three マンガ due 2021/01/25', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 3, includeTitles: true });
    const s = scheduler(t);

    // 2021-01-20 and -21: nothing due 3 days ahead yet but the magazine on the 24th (sent on the 21st).
    expect((await s.runOnce()).reminders).toBe(0);
    t.clock.setToday('2021-01-21');
    expect((await s.runOnce()).reminders).toBe(1);
    expect(await sentKeys(t)).toEqual(['reminder 2021-01-24 ×1 on 2021-01-21']);

    t.clock.setToday('2021-01-22');
    const run = await s.runOnce();
    expect(run).toMatchObject({ today: '2021-01-22', reminders: 1, overdue: 0, patrons: 1 });
    const mails = await notificationMails(t);
    expect(mails).toHaveLength(2);
    const mail = mails[1]!;
    expect(mail.toAddress).toBe('taro.yanagawa@example.jp');
    expect(mail.subject).toBe('【柳川市立図書館】返却期限日のお知らせ');
    expect(mail.body).toContain('ヤナガワタロウ 様');
    expect(mail.body).toContain('お借りの資料3点の返却期限日は 2021/01/25（月） です。');
    for (const title of [
      'マンガ日本の歴史 現代篇 1 明治国家の経営',
      'マンガ日本の歴史 現代篇 2 大日本帝国の成立',
      'マンガ日本の歴史 現代篇 3 大戦とデモクラシー',
    ]) {
      expect(mail.body).toContain(`・${title}`);
      expect(mail.html).toContain(`<li>${title}</li>`);
    }
    expect(mail.body).toContain(`貸出一覧: ${ORIGIN}/portal/loans`);
    expect(mail.body).toContain('このメールに返信することはできません。');
    expect(mail.html).toContain(`href="${ORIGIN}/portal/loans"`);
    expect(mail.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(await sentKeys(t)).toEqual([
      'reminder 2021-01-24 ×1 on 2021-01-21',
      'reminder 2021-01-25 ×3 on 2021-01-22',
    ]);

    // Later runs that day and the days up to the date send nothing again for the 25th (the
    // DVD due the 26th gets its own reminder on the 23rd).
    expect((await s.runOnce()).reminders).toBe(0);
    for (const day of ['2021-01-23', '2021-01-24']) {
      t.clock.setToday(day);
      await s.runOnce();
      // A restart is a new scheduler on the same database: still nothing twice.
      await scheduler(t).runOnce();
    }
    const for25th = (await notificationMails(t)).filter((m) => m.body.includes('2021/01/25'));
    expect(for25th).toHaveLength(1);
    expect((await sentKeys(t)).filter((k) => k.includes('2021-01-25'))).toEqual([
      'reminder 2021-01-25 ×3 on 2021-01-22',
    ]);
  });

  it('says only the count and the date unless the patron asked for titles', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 3 });
    t.clock.setToday('2021-01-22');
    await scheduler(t).runOnce();
    const mail = (await notificationMails(t)).find((m) => m.body.includes('2021/01/25'))!;
    expect(mail.body).toContain('お借りの資料3点の返却期限日は 2021/01/25（月） です。');
    expect(mail.body).not.toContain(MANGA);
    expect(mail.html).not.toContain(MANGA);
  });

  it('sends each notification once with several schedulers racing on the same database', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 7 });
    await optIn(t, '200000002', { daysBefore: 7 });
    t.clock.setToday('2021-01-22');
    // On PostgreSQL a second pool, as a second BFF process would have: real concurrent transactions.
    let other = t.db;
    if (t.url) {
      const second = await openDatabase({ url: t.url, dataDir: '' });
      extraDatabases.push(second);
      other = second.db;
    }
    const schedulers = [scheduler(t), scheduler(t, other), scheduler(t), scheduler(t, other)];
    const results = await Promise.all(schedulers.map((s) => s.runOnce()));
    const total = results.reduce((n, r) => n + r.reminders + r.overdue, 0);
    const keys = await sentKeys(t);
    const mails = await notificationMails(t);
    expect(total).toBe(keys.length);
    expect(mails).toHaveLength(keys.length);
    // 100000001: the magazine (24th), the マンガ (25th), …; 200000002: its book due the 25th, and the overdue one.
    expect(keys).toContain('reminder 2021-01-25 ×3 on 2021-01-22');
    expect(
      new Set(mails.map((m) => `${m.toAddress} ${m.body.match(/\d{4}\/\d\d\/\d\d/)![0]} ${m.kind}`)).size,
    ).toBe(mails.length);
    // And nothing more from another round of all of them.
    const again = await Promise.all(schedulers.map((s) => s.runOnce()));
    expect(again.every((r) => r.reminders + r.overdue === 0)).toBe(true);
    expect(await notificationMails(t)).toHaveLength(mails.length);
  });

  it('follows a renewal: nothing for the old date, one reminder for the new date', async () => {
    const { t, s, newDueDate } = await renewMangaAfterARunOn('2021-01-21');
    expect(newDueDate > '2021-01-25').toBe(true);

    for (const day of ['2021-01-22', '2021-01-23', '2021-01-24']) {
      t.clock.setToday(day);
      await s.runOnce();
    }
    expect((await sentKeys(t)).filter((k) => k.includes('2021-01-25'))).toEqual([]);

    t.clock.setToday(t.addDays(newDueDate, -4));
    await s.runOnce();
    expect((await sentKeys(t)).filter((k) => k.includes(newDueDate))).toEqual([]);
    t.clock.setToday(t.addDays(newDueDate, -3));
    await s.runOnce();
    await s.runOnce();
    expect((await sentKeys(t)).filter((k) => k.includes(newDueDate))).toEqual([
      `reminder ${newDueDate} ×3 on ${t.addDays(newDueDate, -3)}`,
    ]);
  });

  it('after the reminder went, a renewal gives the new date a reminder of its own', async () => {
    const { t, s, newDueDate } = await renewMangaAfterARunOn('2021-01-22');
    // No overdue notice for the 25th, which no item is due on any more.
    t.clock.setToday('2021-01-26');
    await s.runOnce();
    expect((await sentKeys(t)).filter((k) => k.includes('2021-01-25'))).toEqual([
      'reminder 2021-01-25 ×3 on 2021-01-22',
    ]);
    t.clock.setToday(t.addDays(newDueDate, -3));
    await s.runOnce();
    expect((await sentKeys(t)).filter((k) => k.includes(newDueDate))).toEqual([
      `reminder ${newDueDate} ×3 on ${t.addDays(newDueDate, -3)}`,
    ]);
  });

  it('leaves a returned item out of the digest', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 3 });
    const [first] = await mangaIds(t);
    await t.db.update(loans).set({ returnedOn: '2021-01-21' }).where(eq(loans.id, first!));
    t.clock.setToday('2021-01-22');
    await scheduler(t).runOnce();
    const mail = (await notificationMails(t)).find((m) => m.body.includes('2021/01/25'))!;
    expect(mail.body).toContain('お借りの資料2点の返却期限日は 2021/01/25（月） です。');
  });

  it('sends no reminder for a date that passed during an outage, only the overdue notice', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 3 });
    const s = scheduler(t);
    await s.runOnce();
    // Down from the 20th to the 26th: the reminders for the 24th, 25th and 26th are never sent
    // late; the dates still ahead (27th, 29th) get theirs.
    t.clock.setToday('2021-01-26');
    await s.runOnce();
    expect(await sentKeys(t)).toEqual([
      'overdue 2021-01-24 ×1 on 2021-01-26',
      'overdue 2021-01-25 ×3 on 2021-01-26',
      'reminder 2021-01-27 ×1 on 2021-01-26',
      'reminder 2021-01-29 ×1 on 2021-01-26',
    ]);
    const overdue = (await notificationMails(t)).find((m) => m.body.includes('2021/01/25'))!;
    expect(overdue.subject).toBe('【柳川市立図書館】返却期限日を過ぎた資料のお知らせ');
    expect(overdue.body).toContain('お借りの資料3点の返却期限日（2021/01/25（月））が過ぎています。');
  });

  it('catches up after an outage on a reminder whose date is still ahead', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 3 });
    t.clock.setToday('2021-01-24');
    await scheduler(t).runOnce();
    // The 25th is still ahead: caught up. The magazine due today (the 24th) is not reminded.
    expect(await sentKeys(t)).toEqual([
      'reminder 2021-01-25 ×3 on 2021-01-24',
      'reminder 2021-01-26 ×1 on 2021-01-24',
      'reminder 2021-01-27 ×1 on 2021-01-24',
    ]);
  });

  it('sends the overdue notice the day after the due date, once, and not to who switched it off', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 1 });
    await optIn(t, '200000002', { daysBefore: 1, overdueNotice: false });
    const s = scheduler(t);
    for (const day of ['2021-01-24', '2021-01-25']) {
      t.clock.setToday(day);
      await s.runOnce();
    }
    expect((await sentKeys(t)).filter((k) => k.startsWith('overdue'))).toEqual([
      'overdue 2021-01-24 ×1 on 2021-01-25',
    ]);
    t.clock.setToday('2021-01-26');
    await s.runOnce();
    t.clock.setToday('2021-01-27');
    await s.runOnce();
    const overdue = (await sentKeys(t)).filter((k) => k.startsWith('overdue'));
    expect(overdue).toEqual([
      'overdue 2021-01-24 ×1 on 2021-01-25',
      'overdue 2021-01-25 ×3 on 2021-01-26',
      'overdue 2021-01-26 ×1 on 2021-01-27',
    ]);
    // 200000002 (overdue notice off) got reminders only.
    const toHanako = (await notificationMails(t)).filter((m) => m.toAddress.startsWith('hanako'));
    expect(toHanako.length).toBeGreaterThan(0);
    expect(toHanako.every((m) => m.kind === 'due_reminder')).toBe(true);
  });

  it('sends nothing to patrons who did not opt in, or switched it off', async () => {
    const t = await setup();
    await optIn(t, '200000002', { email: false });
    t.clock.setToday('2021-01-22');
    expect(await scheduler(t).runOnce()).toMatchObject({ patrons: 0, reminders: 0, overdue: 0 });
    expect(await notificationMails(t)).toEqual([]);
  });

  it('is delivered by the mail sender as text and HTML (multipart/alternative)', async () => {
    const t = await setup();
    await optIn(t, '100000001', { daysBefore: 3 });
    t.clock.setToday('2021-01-22');
    await scheduler(t).runOnce();
    const dataDir = await mkdtemp(`${tmpdir()}/library-notify-`);
    const sender = createMailSender({
      db: t.db,
      env: parseEnv({ DATA_DIR: dataDir }),
      clock: t.clock,
      logger: createLogger('silent'),
    });
    try {
      const mails = await notificationMails(t);
      expect((await sender.runOnce()).sent).toBeGreaterThanOrEqual(mails.length);
      const raw = await readFile(`${dataDir}/mail/${mails.at(-1)!.id}.eml`, 'utf8');
      expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
      expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
      expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    } finally {
      await sender.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('with push on, sends the same reminder as a web push (decrypted at a stand-in push service), once', async () => {
    const t = await setup();
    const service = await startPushService();
    try {
      const taro = await optIn(t, '100000001', { daysBefore: 3, includeTitles: true, push: true });
      const browser = browserSubscription(`${service.origin}/push/taro-phone`);
      expect((await taro.post('/api/me/push-subscriptions', browser.json)).status).toBe(201);
      // Push only, no mail: 200000002 switched the mail off.
      const hanako = await optIn(t, '200000002', { daysBefore: 3, email: false, push: true });
      const hanakoBrowser = browserSubscription(`${service.origin}/push/hanako`);
      expect((await hanako.post('/api/me/push-subscriptions', hanakoBrowser.json)).status).toBe(201);

      t.clock.setToday('2021-01-22');
      await Promise.all([scheduler(t).runOnce(), scheduler(t).runOnce()]);
      const pushSender = createPushSender({
        db: t.db,
        env: { MAIL_FROM: 'library@city.yanagawa.lg.jp' },
        clock: t.clock,
        logger: createLogger('silent'),
        agent: service.agent,
      });
      await pushSender.runOnce();
      await scheduler(t).runOnce();
      await pushSender.runOnce();
      await pushSender.stop();

      const toTaro = service.received
        .filter((r) => r.path === '/push/taro-phone')
        .map((r) => JSON.parse(browser.decrypt(r.body)));
      expect(toTaro.filter((p) => p.tag === 'reminder-2021-01-25')).toEqual([
        {
          title: '返却期限日のお知らせ',
          body: '3点の返却期限日は 2021/01/25（月） です。',
          url: '/portal/loans',
          tag: 'reminder-2021-01-25',
        },
      ]);
      // Never a title on a lock screen, even when the mail has them.
      expect(JSON.stringify(toTaro)).not.toContain(MANGA);
      const toHanako = service.received
        .filter((r) => r.path === '/push/hanako')
        .map((r) => JSON.parse(hanakoBrowser.decrypt(r.body)));
      expect(toHanako.map((p) => p.tag).sort()).toEqual(['overdue-2021-01-18', 'reminder-2021-01-25']);
      expect((await notificationMails(t)).some((m) => m.toAddress.startsWith('hanako'))).toBe(false);
    } finally {
      await service.close();
    }
  });
});

describe('notification scheduler on CIRCULATION=sip2 (the ILS owns the loans)', () => {
  it("reminds a patron who opted in of the ILS's due date, once, through the circulation port", async () => {
    const today = '2026-12-01';
    const ymd = (date: string) => date.replaceAll('-', '');
    const ils = new FakeIls({
      patrons: [
        { id: '100000001', pin: '4321', name: 'ヤナガワ タロウ', email: 'taro@example.jp' },
        { id: '100000002', pin: '1111', name: 'ヤマト ジロウ', email: 'jiro@example.jp' },
      ],
      items: [
        {
          id: '3100000001',
          title: '有明海の生きものたち',
          patronId: '100000001',
          dueDate: ymd(addDays(today, 3)),
        },
        { id: '3100000002', title: '北原白秋詩集', patronId: '100000001', dueDate: ymd(addDays(today, 10)) },
        // Due the same day, but its patron did not opt in.
        { id: '3200000001', title: '筑後川の四季', patronId: '100000002', dueDate: ymd(addDays(today, 3)) },
      ],
      now: () => new Date(`${today}T10:00:00+09:00`),
    });
    await ils.start();
    const t = await createTestApp({
      demo: false,
      today,
      env: {
        PUBLIC_ORIGIN: ORIGIN,
        ...fakeIlsEnv(ils.port, { timeoutMs: 2000, pool: 2 }),
      },
    });
    try {
      const c = client(t.app);
      // The PIN login makes the portal's row of the ILS patron; the settings hang on it.
      expect((await c.login('100000001', '4321')).status).toBe(200);
      expect(
        (await c.put('/api/me/notifications', prefs({ daysBefore: 3, includeTitles: true }))).status,
      ).toBe(204);
      expect((await client(t.app).login('100000002', '1111')).status).toBe(200);
      // Our own tables hold no loan: the due dates can only come from the ILS.
      expect(await t.db.select().from(loans)).toEqual([]);
      const s = scheduler(t);
      const asked = ils.stats().received['63'] ?? 0;
      expect(await s.runOnce()).toMatchObject({
        today,
        patrons: 1,
        reminders: 1,
        overdue: 0,
        alreadySent: 0,
      });
      // One 63 (charged items), for the one patron who opted in.
      expect((ils.stats().received['63'] ?? 0) - asked).toBe(1);
      expect(await sentKeys(t)).toEqual([`reminder ${addDays(today, 3)} ×1 on ${today}`]);
      const mails = await notificationMails(t);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.toAddress).toBe('taro@example.jp');
      expect(mails[0]!.body).toContain('2026/12/04');
      expect(mails[0]!.body).toContain('有明海の生きものたち');
      expect(mails[0]!.body).not.toContain('北原白秋詩集');

      // Once: the next run (and the next day's) sends nothing more for that date.
      expect(await s.runOnce()).toMatchObject({ reminders: 0, alreadySent: 1 });
      t.clock.setToday(addDays(today, 1));
      expect((await s.runOnce()).reminders).toBe(0);
      expect(await notificationMails(t)).toHaveLength(1);
    } finally {
      await t.close();
      await ils.stop();
    }
  }, 120_000);
});
