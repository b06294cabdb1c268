import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { localCirculation } from '../circulation/local/local-circulation.ts';
import { mailOutbox } from '../db/schema.ts';
import { loadDemoData } from '../db/seed/demo-data.ts';
import { parseEnv } from '../env.ts';
import type { AppDeps } from '../lib/app-env.ts';
import { createLogger } from '../lib/logger.ts';
import { createMailSender } from '../services/mail/mail-sender.ts';
import { createNotificationScheduler } from '../services/notifications/notification-scheduler.ts';
import { HANAKO_IDENTITY } from '../test/demo-identities.ts';
import { client, testClock } from '../test/test-app.ts';
import { openTestDatabase } from '../test/test-database.ts';
import { activeLoanIds } from './security-test-kit.ts';

/**
 * Log hygiene (ASVS V7.1.1, V7.1.2): the log of a whole day's flows — logins good and bad,
 * registration, loans, renewals, password and email changes, mail delivery, a failing
 * request — is read back and searched for every secret and personal datum that went in.
 */

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let deps: Omit<AppDeps, 'circulation'>;
let app: ReturnType<typeof buildApp>;
let mailDir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = testClock();
  await loadDemoData(database.db, clock.today());
  mailDir = mkdtempSync(join(tmpdir(), 'mail-'));
  const env = parseEnv({ LOG_LEVEL: 'debug', STATIC_DIR: '/nonexistent', DATA_DIR: mailDir });
  deps = { db: database.db, dbKind: database.kind, env, clock, logger: createLogger('debug', capture) };
  app = buildApp(deps);
});
afterAll(async () => {
  await database.close();
  rmSync(mailDir, { recursive: true, force: true });
});

describe('logs', () => {
  const secrets: string[] = [];

  it('a day of flows is logged as JSON lines with a request id', async () => {
    const taro = client(app);
    secrets.push('tosho2021');
    expect((await taro.login('100000001')).status).toBe(200);
    secrets.push(taro.jar.get('sid')!);
    expect((await client(app).login('100000001', 'Wrong-password-1')).status).toBe(401);
    secrets.push('Wrong-password-1');
    expect((await client(app).login('100999999', 'Unknown-patron-2')).status).toBe(401);
    secrets.push('Unknown-patron-2');
    expect((await taro.get('/api/loans')).status).toBe(200);
    const [first] = await activeLoanIds(database.db, '100000001');
    expect(
      (await taro.post('/api/renewals', { loanIds: [first] }, { 'Idempotency-Key': 'renewal-key-0001' }))
        .status,
    ).toBe(200);
    expect((await taro.get('/api/me')).status).toBe(200);

    // お知らせ: opting in, and the calendar feed, whose secret URL is fetched without a session.
    expect(
      (
        await taro.put('/api/me/notifications', {
          reminder: { email: true, daysBefore: 7, includeTitles: true, push: false },
          overdueNotice: true,
          language: 'ja',
        })
      ).status,
    ).toBe(204);
    const feed = await taro.post('/api/me/calendar-feed');
    expect(feed.status).toBe(201);
    const feedPath = new URL(feed.body.url).pathname;
    const feedToken = feedPath.slice('/api/calendar-feed/'.length, -'.ics'.length);
    expect(feedToken.length).toBeGreaterThanOrEqual(22);
    secrets.push(feedToken);
    expect((await app.request(`http://localhost${feedPath}`)).status).toBe(200);
    expect((await taro.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await app.request(`http://localhost${feedPath}`)).status).toBe(404);

    // Registration of スズキハナコ: birth date, phone, token, password, email all pass through.
    const hanako = client(app);
    const verify = await hanako.post('/api/registration/verify', {
      patronNumber: '300000003',
      ...HANAKO_IDENTITY,
    });
    expect(verify.status).toBe(200);
    secrets.push(verify.body.registrationToken);
    const complete = await hanako.post('/api/registration/complete', {
      registrationToken: verify.body.registrationToken,
      password: 'Hanako-no-himitsu-9',
      passwordConfirm: 'Hanako-no-himitsu-9',
      email: 'hanako.suzuki@example.jp',
      useForContact: true,
      useForReservations: false,
    });
    expect(complete.status).toBe(201);
    secrets.push('Hanako-no-himitsu-9');
    expect((await hanako.login('300000003', 'Hanako-no-himitsu-9')).status).toBe(200);
    secrets.push(hanako.jar.get('sid')!);
    const changePassword = (currentPassword: string, password: string) =>
      hanako.put('/api/me/password', { currentPassword, password, passwordConfirm: password });
    expect((await changePassword('Hanako-no-himitsu-9', 'Atarashii-kagi-42')).status).toBe(204);
    secrets.push('Atarashii-kagi-42');
    expect((await changePassword('Not-my-current-7', 'Atarashii-kagi-43')).status).toBe(400);
    secrets.push('Not-my-current-7');
    expect(
      (
        await hanako.put('/api/me/email', {
          email: 'hanako.new@example.jp',
          useForContact: true,
          useForReservations: true,
        })
      ).status,
    ).toBe(204);
    // パスワードを忘れた方: the mailed link's token and the new password stay out of the log.
    expect(
      (await client(app).post('/api/password-reset/request', { patronNumber: '200000002' })).status,
    ).toBe(202);
    const [resetMail] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, 'password_reset_link'));
    const resetToken = /token=([A-Za-z0-9_-]{43})/.exec(resetMail!.body)![1]!;
    secrets.push(resetToken);
    const reset = await client(app).post('/api/password-reset/complete', {
      resetToken,
      password: 'Wasureta-kagi-31',
      passwordConfirm: 'Wasureta-kagi-31',
    });
    expect(reset.status).toBe(204);
    secrets.push('Wasureta-kagi-31');
    // A body that fails validation is not echoed into the log either.
    expect(
      (await client(app).post('/api/session', { patronNumber: '12', password: 'Echo-me-not-5' })).status,
    ).toBe(400);
    secrets.push('Echo-me-not-5');

    // The mail of these flows is delivered (as files here) and logged.
    const sender = createMailSender({
      db: database.db,
      env: deps.env,
      clock: deps.clock,
      logger: deps.logger,
    });
    const notifications = await createNotificationScheduler({
      db: database.db,
      circulation: localCirculation(database.db),
      env: deps.env,
      clock: deps.clock,
      logger: deps.logger,
    }).runOnce();
    expect(notifications.reminders).toBeGreaterThanOrEqual(1);
    const sent = await sender.runOnce();
    expect(sent.sent).toBeGreaterThanOrEqual(3);

    expect(lines.length).toBeGreaterThan(15);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = parsed.filter((l) => l.msg === 'request');
    expect(requests.length).toBe(20);
    expect(requests.filter((r) => r.path === '/api/calendar-feed/[redacted]')).toHaveLength(2);
    expect(parsed.some((l) => l.msg === 'notification run' && typeof l.ms === 'number')).toBe(true);
    for (const r of requests) {
      expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(r).toEqual(
        expect.objectContaining({
          method: expect.any(String),
          path: expect.any(String),
          status: expect.any(Number),
        }),
      );
    }
    expect(parsed.some((l) => l.msg === 'login failed' && l.patron === '******001')).toBe(true);
  });

  it('holds no password, token, session id, birth date, phone, email or full patron number', () => {
    const text = lines.join('\n');
    const personal = [
      // full patron numbers of everyone involved
      '100000001',
      '100999999',
      '300000003',
      '200000002',
      // birth dates and phone numbers in every spelling
      '19901105',
      '1990-11-05',
      '19750408',
      '1975-04-08',
      '0944123456',
      '0944-12-3456',
      // email addresses (the mail log keeps only h***@example.jp)
      'hanako.suzuki@',
      'hanako.new@',
      'hanako.mitsuhashi@',
      // names
      'スズキハナコ',
      'ヤナガワタロウ',
      // password hashes
      '$argon2',
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(10);
    for (const needle of [...secrets, ...personal]) {
      expect(text.includes(needle), `log contains ${needle}`).toBe(false);
    }
  });

  it('an unexpected error is logged with its stack for the operator, and answered without one', async () => {
    const before = lines.length;
    const broken = buildApp({
      ...deps,
      db: {
        ...deps.db,
        select: () => {
          throw new Error('boom for patron 100000001 born 1990-11-05');
        },
      } as never,
    });
    const res = await broken.request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ patronNumber: '100000001', password: 'tosho2021' }),
    });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toMatch(/boom|at |\.ts/);
    const logged = lines.slice(before).map((l) => JSON.parse(l));
    const error = logged.find((l) => l.msg === 'unhandled error');
    expect(error.err.stack).toContain('at ');
    expect(error.err.message).toBe('boom for patron ******001 born ****-**-**');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
