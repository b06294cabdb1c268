import { createHash } from 'node:crypto';
import { errorMessages } from '@library/domain';
import { passwordMessages, passwordResetMessages } from '@library/domain/registration';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  authAttempts,
  authLockouts,
  mailOutbox,
  passwordResetTokens,
  patrons,
  sessions,
} from '../../db/schema.ts';
import { RESET_MAIL_WINDOW_MS, RESET_MAILS_PER_WINDOW } from '../../services/password-reset.ts';
import { HANAKO_IDENTITY, TARO_IDENTITY } from '../../test/demo-identities.ts';
import { expectInvalidFields } from '../../test/expect-error.ts';
import { withIlsPasswords } from '../../test/ils-passwords.ts';
import { client, createTestApp } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

/**
 * パスワードを忘れた方 (docs/product.md §11): the mailed link and the identity check, then a new password.
 * Patrons of the demo data: 100000001 (registered, address on file), 100000004 (registered, no
 * address), 300000003 (not registered, address on file), 100999999 (no such patron).
 */

const t = useTestApp();
let originalHashes: Map<number, string | null>;
beforeAll(async () => {
  originalHashes = new Map((await t.db.select().from(patrons)).map((p) => [p.id, p.passwordHash]));
});

const TARO = '100000001';
const JIRO = '100000004';
const HANAKO = '300000003';
const NOBODY = '100999999';
const NEW_PASSWORD = 'Wasureta-kagi-31';
const JIRO_IDENTITY = {
  patronNumber: JIRO,
  name: 'ヤマトジロウ',
  birthDate: '19600701',
  phone: ['0944', '73', '0004'],
};

beforeEach(async () => {
  for (const [id, passwordHash] of originalHashes) {
    await t.db.update(patrons).set({ passwordHash }).where(eq(patrons.id, id));
  }
  await t.db.delete(passwordResetTokens);
  await t.db.delete(mailOutbox);
  await t.db.delete(sessions);
  await t.db.delete(authAttempts);
  await t.db.delete(authLockouts);
  await t.db.delete(auditLog);
  t.clock.set(new Date('2021-01-20T10:00:00+09:00'));
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const request = (patronNumber: unknown, headers?: Record<string, string>) =>
  client(t.app).post('/api/password-reset/request', { patronNumber }, headers);
const complete = (resetToken: string, password = NEW_PASSWORD, passwordConfirm = password) =>
  client(t.app).post('/api/password-reset/complete', { resetToken, password, passwordConfirm });

async function outbox(kind?: string) {
  const rows = await t.db.select().from(mailOutbox).orderBy(mailOutbox.id);
  return kind ? rows.filter((r) => r.kind === kind) : rows;
}

/** The token of the newest reset mail, read from its link as the patron would. */
async function tokenFromMail(): Promise<string> {
  const mails = await outbox('password_reset_link');
  const match = /\/password-reset\?token=([A-Za-z0-9_-]{43})$/m.exec(mails.at(-1)?.body ?? '');
  expect(match, 'a reset link in the mail').not.toBeNull();
  return match![1]!;
}

async function patron(number: string) {
  const [row] = await t.db.select().from(patrons).where(eq(patrons.number, number));
  return row!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('POST /api/password-reset/request (by mail)', () => {
  it('mails a single-use link valid 30 minutes to the address on file; only the hash is stored', async () => {
    const res = await request(TARO);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: true });
    const [mail] = await outbox();
    expect(mail).toMatchObject({
      kind: 'password_reset_link',
      toAddress: 'taro.yanagawa@example.jp',
      subject: '【柳川市立図書館】パスワード再設定のご案内',
    });
    expect(mail!.body).toContain('ヤナガワタロウ 様');
    expect(mail!.body).toContain('このリンクは30分間、1回だけ有効です。');
    expect(mail!.body).toContain('このメールに返信することはできません。');
    expect(mail!.body).toMatch(/^http:\/\/localhost\/password-reset\?token=[A-Za-z0-9_-]{43}$/m);
    const token = await tokenFromMail();
    const rows = await t.db.select().from(passwordResetTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(sha256(token));
    expect(rows[0]!.via).toBe('mail');
    expect(rows[0]!.expiresAt.getTime() - t.clock.now().getTime()).toBe(30 * 60 * 1000);
    const audits = await t.db.select().from(auditLog);
    expect(audits.map((a) => a.event)).toEqual(['password_reset_requested']);
    expect(JSON.stringify(audits)).not.toContain(token);
  });

  it('answers every number alike — unknown, not registered, without an address — and mails only a registered patron with one', async () => {
    const answers = [];
    for (const number of [TARO, NOBODY, HANAKO, JIRO, `A${NOBODY}A`]) {
      const res = await request(number);
      answers.push({ status: res.status, body: res.body, type: res.headers.get('content-type') });
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(202);
    expect((await outbox()).map((m) => m.toAddress)).toEqual(['taro.yanagawa@example.jp']);
    expect(await t.db.select().from(passwordResetTokens)).toHaveLength(1);
    // Each request is audited the same way, with the patron when there is one.
    expect(await t.db.select().from(auditLog)).toHaveLength(5);
  });

  it('takes no longer for a number that gets a mail than for one that does not (medians, generous bound)', async () => {
    const timings: Record<string, number[]> = { [TARO]: [], [NOBODY]: [], [JIRO]: [] };
    // Warm both paths up, then interleave them so drift in the machine's load hits all alike.
    for (const number of Object.keys(timings)) await request(number);
    for (let round = 0; round < 30; round++) {
      // Past the per-patron cap's window, so every request for TARO really writes a token and a mail.
      t.clock.advance(RESET_MAIL_WINDOW_MS);
      for (const number of Object.keys(timings)) {
        const started = performance.now();
        const res = await request(number);
        timings[number]!.push(performance.now() - started);
        expect(res.status).toBe(202);
      }
    }
    expect((await outbox()).length).toBe(31);
    const taro = median(timings[TARO]!);
    // Paired by round (taken moments apart), so drift in the machine's load cancels out.
    for (const other of [NOBODY, JIRO]) {
      const ratio = median(timings[TARO]!.map((ms, i) => ms / timings[other]![i]!));
      const label = `${TARO} vs ${other}: medians ${taro.toFixed(1)} / ${median(timings[other]!).toFixed(1)} ms, paired ratio ${ratio.toFixed(2)}`;
      // The same statements run either way; a 2× gap would be a real difference, not noise.
      expect(ratio, label).toBeLessThan(2);
      expect(ratio, label).toBeGreaterThan(0.5);
    }
  });

  it('refuses a malformed number with 400 and the field, and bad JSON with invalid_json', async () => {
    const res = await request('12345');
    expectInvalidFields(res, ['patronNumber']);
    expect((await request(12345)).status).toBe(400);
    expect((await client(t.app).post('/api/password-reset/request', '{"patronNumber"')).body.error.code).toBe(
      'invalid_json',
    );
    expect(await outbox()).toHaveLength(0);
  });

  it('keeps only the newest token live: the link of an earlier mail stops working', async () => {
    await request(TARO);
    const first = await tokenFromMail();
    await request(TARO);
    const second = await tokenFromMail();
    expect(second).not.toBe(first);
    expect((await complete(first)).status).toBe(410);
    expect((await complete(second)).status).toBe(204);
  });

  it(`mails one patron at most ${RESET_MAILS_PER_WINDOW} times in 15 minutes; the last link stays live`, async () => {
    for (let i = 0; i < RESET_MAILS_PER_WINDOW + 2; i++) expect((await request(TARO)).status).toBe(202);
    expect(await outbox()).toHaveLength(RESET_MAILS_PER_WINDOW);
    expect((await complete(await tokenFromMail())).status).toBe(204);
    t.clock.advance(RESET_MAIL_WINDOW_MS);
    await request(TARO);
    expect(await outbox('password_reset_link')).toHaveLength(RESET_MAILS_PER_WINDOW + 1);
  });

  it('builds the link on PUBLIC_ORIGIN when it is set, whatever Host the request names', async () => {
    const other = await createTestApp({ env: { PUBLIC_ORIGIN: 'https://renew.example.jp' } });
    try {
      const res = await client(other.app).post(
        '/api/password-reset/request',
        { patronNumber: TARO },
        { host: 'evil.example' },
      );
      expect(res.status).toBe(202);
      const [mail] = await other.db.select().from(mailOutbox);
      expect(mail!.body).toMatch(/^https:\/\/renew\.example\.jp\/password-reset\?token=/m);
      expect(mail!.body).not.toContain('evil.example');
    } finally {
      await other.close();
    }
  });
});

describe('POST /api/password-reset/complete', () => {
  it('sets the new password, spends the token, ends every session, clears the lockout, confirms by mail — at once', async () => {
    const phone = client(t.app);
    const desktop = client(t.app);
    expect((await phone.login(TARO)).status).toBe(200);
    expect((await desktop.login(TARO)).status).toBe(200);
    const other = client(t.app);
    expect((await other.login('200000002')).status).toBe(200);
    // Locked for every address (the number-wide lock) and for one address.
    const lockedUntil = new Date(t.clock.now().getTime() + 10 * 60_000);
    await t.db.insert(authLockouts).values([
      { patronNumber: TARO, clientKey: '*', failures: 10, lastFailureAt: t.clock.now(), lockedUntil },
      { patronNumber: TARO, clientKey: '192.0.2.1', failures: 5, lastFailureAt: t.clock.now(), lockedUntil },
    ]);
    // Locked out, the patron can still ask for the link: that is the way back in.
    await request(TARO);
    const token = await tokenFromMail();

    t.clock.advance(29 * 60_000);
    const res = await complete(token);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();

    const taro = await patron(TARO);
    expect(taro.passwordHash).toMatch(/^\$argon2id\$/);
    expect(taro.passwordHash).not.toBe(originalHashes.get(taro.id));
    expect(taro.passwordChangedAt).toEqual(t.clock.now());
    expect(await t.db.select().from(authLockouts).where(eq(authLockouts.patronNumber, TARO))).toEqual([]);
    // Both of the patron's browsers are signed out; another patron's session is untouched.
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await desktop.get('/api/me')).status).toBe(401);
    expect((await other.get('/api/me')).status).toBe(200);
    expect((await client(t.app).login(TARO)).status).toBe(401);
    expect((await client(t.app).login(TARO, NEW_PASSWORD)).status).toBe(200);

    const [done] = await outbox('password_reset_completed');
    expect(done).toMatchObject({
      toAddress: 'taro.yanagawa@example.jp',
      subject: '【柳川市立図書館】パスワード再設定のお知らせ',
    });
    expect(done!.body).toContain('すべての端末でログアウトしています。');
    expect(done!.body).not.toContain(NEW_PASSWORD);
    const events = (await t.db.select().from(auditLog).where(eq(auditLog.patronId, taro.id))).map(
      (a) => a.event,
    );
    expect(events).toContain('password_reset_requested');
    expect(events).toContain('password_reset_completed');
    const [row] = await t.db.select().from(passwordResetTokens);
    expect(row!.usedAt).toEqual(t.clock.now());
  });

  it('is single use: a second submit of the same link gets 410 token_expired and changes nothing', async () => {
    await request(TARO);
    const token = await tokenFromMail();
    expect((await complete(token)).status).toBe(204);
    const after = await patron(TARO);
    const again = await complete(token, 'Mou-ichido-kagi-9');
    expect(again.status).toBe(410);
    expect(again.body).toEqual({ error: { code: 'token_expired', message: errorMessages.token_expired } });
    expect((await patron(TARO)).passwordHash).toBe(after.passwordHash);
  });

  it('expires 30 minutes after the mail (test clock): unknown, used and expired tokens answer alike', async () => {
    await request(TARO);
    const token = await tokenFromMail();
    t.clock.advance(30 * 60_000);
    const expired = await complete(token);
    expect(expired.status).toBe(410);
    const unknown = await complete('x'.repeat(43));
    expect(unknown).toEqual(expect.objectContaining({ status: 410, body: expired.body }));
    expect((await patron(TARO)).passwordHash).toBe(originalHashes.get((await patron(TARO)).id));
  });

  it('refuses a password under I8 with 400 and its field, with the patron context; the token stays live', async () => {
    await request(TARO);
    const token = await tokenFromMail();
    const cases: Array<[string, string, string, string]> = [
      ['birth date', 'taro19750408', 'password', passwordMessages.contains_birth_date],
      ['phone', 'denwa-0001-x', 'password', passwordMessages.contains_phone],
      ['common', 'password1', 'password', passwordMessages.common],
      ['too short', 'short', 'password', passwordMessages.too_short],
    ];
    for (const [what, password, field, message] of cases) {
      const res = await complete(token, password);
      expect(res.status, what).toBe(400);
      expect(res.body.error.fields[field], what).toBe(message);
    }
    const mismatch = await complete(token, NEW_PASSWORD, `${NEW_PASSWORD}x`);
    expect(mismatch.body.error.fields).toEqual({ passwordConfirm: passwordMessages.confirmMismatch });
    const noToken = await client(t.app).post('/api/password-reset/complete', { password: NEW_PASSWORD });
    expect(noToken.status).toBe(400);
    expect(noToken.body.error.fields).toEqual({ resetToken: passwordResetMessages.tokenMissing });
    expect((await complete(token)).status).toBe(204);
  });
});

describe('POST /api/password-reset/verify (by identity)', () => {
  it('answers a reset token (15 minutes, stored hashed) for a registered patron without an address; complete sends no mail', async () => {
    const session = client(t.app);
    expect((await session.login(JIRO)).status).toBe(200);
    const res = await client(t.app).post('/api/password-reset/verify', {
      ...JIRO_IDENTITY,
      name: 'やまと じろう',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ resetToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const [row] = await t.db.select().from(passwordResetTokens);
    expect(row).toMatchObject({ tokenHash: sha256(res.body.resetToken), via: 'identity' });
    expect(row!.expiresAt.getTime() - t.clock.now().getTime()).toBe(15 * 60_000);
    expect((await complete(res.body.resetToken)).status).toBe(204);
    expect((await session.get('/api/me')).status).toBe(401);
    expect((await client(t.app).login(JIRO, NEW_PASSWORD)).status).toBe(200);
    expect(await outbox()).toHaveLength(0);
    const attempts = await t.db.select().from(authAttempts).where(eq(authAttempts.kind, 'password_reset'));
    expect(attempts).toEqual([expect.objectContaining({ patronNumber: JIRO, succeeded: true })]);
  });

  it('a mismatch or an unknown number gets one generic 401; five count toward the lockout (423 with Retry-After)', async () => {
    const wrong = await client(t.app).post('/api/password-reset/verify', {
      ...JIRO_IDENTITY,
      birthDate: '19600702',
    });
    const unknown = await client(t.app).post('/api/password-reset/verify', {
      ...JIRO_IDENTITY,
      patronNumber: NOBODY,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { code: 'identity_not_verified', message: errorMessages.identity_not_verified },
    });
    expect(unknown).toEqual(expect.objectContaining({ status: 401, body: wrong.body }));
    for (let i = 0; i < 3; i++) {
      expect(
        (await client(t.app).post('/api/password-reset/verify', { ...JIRO_IDENTITY, name: 'ヤマトサブロウ' }))
          .status,
      ).toBe(401);
    }
    const fifth = await client(t.app).post('/api/password-reset/verify', {
      ...JIRO_IDENTITY,
      phone: ['0944', '73', '0005'],
    });
    expect(fifth.status).toBe(423);
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Locked: even the right answers wait, and login is locked as well (the same lockout).
    expect((await client(t.app).post('/api/password-reset/verify', JIRO_IDENTITY)).status).toBe(423);
    expect((await client(t.app).login(JIRO)).status).toBe(423);
    const attempts = await t.db
      .select()
      .from(authAttempts)
      .where(and(eq(authAttempts.kind, 'password_reset'), eq(authAttempts.succeeded, false)));
    expect(attempts.filter((a) => a.patronNumber === JIRO)).toHaveLength(5);
    expect(attempts.filter((a) => a.patronNumber === NOBODY)).toHaveLength(1);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await client(t.app).post('/api/password-reset/verify', JIRO_IDENTITY)).status).toBe(200);
  });

  it('failed logins and failed identity checks add up to one lockout', async () => {
    for (let i = 0; i < 4; i++) expect((await client(t.app).login(JIRO, 'not-my-password')).status).toBe(401);
    const res = await client(t.app).post('/api/password-reset/verify', {
      ...JIRO_IDENTITY,
      birthDate: '19600702',
    });
    expect(res.status).toBe(423);
  });

  it('a patron who has no password yet is sent to 新規パスワード登録 (409 not_registered)', async () => {
    const res = await client(t.app).post('/api/password-reset/verify', {
      patronNumber: HANAKO,
      ...HANAKO_IDENTITY,
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'not_registered', message: errorMessages.not_registered } });
    expect(await t.db.select().from(passwordResetTokens)).toHaveLength(0);
  });

  it('makes the mailed link of the same patron stop working (only the newest token is live)', async () => {
    await request(TARO);
    const mailed = await tokenFromMail();
    const res = await client(t.app).post('/api/password-reset/verify', {
      patronNumber: TARO,
      ...TARO_IDENTITY,
    });
    expect(res.status).toBe(200);
    expect((await complete(mailed)).status).toBe(410);
    expect((await complete(res.body.resetToken)).status).toBe(204);
  });

  it('refuses malformed input with 400 and a message per field', async () => {
    const res = await client(t.app).post('/api/password-reset/verify', {
      patronNumber: '1000',
      name: '大和次郎',
      birthDate: '1960',
      phone: ['0944', '', ''],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['birthDate', 'name', 'patronNumber', 'phone']);
  });
});

describe('SIP2_PASSWORDS=ils: no パスワードを忘れた方 — 403 before the body is read, whatever it is', () => {
  /** Everything a step could count or write: none of it may change. */
  async function traces() {
    return {
      passwordHash: (await patron(JIRO)).passwordHash,
      tokens: await t.db.select().from(passwordResetTokens),
      attempts: await t.db.select().from(authAttempts),
      lockouts: await t.db.select().from(authLockouts),
      audit: await t.db.select().from(auditLog),
      mail: await outbox(),
      sessions: await t.db.select().from(sessions),
    };
  }

  it.each([
    ['request', 'a valid body', () => ({ patronNumber: TARO })],
    ['request', 'an invalid body', () => ({ patronNumber: 'abc' })],
    ['request', 'a body that is not JSON', () => '{"patronNumber":'],
    ['verify', 'a valid body (a matching identity)', () => JIRO_IDENTITY],
    [
      'verify',
      'an invalid body',
      () => ({ patronNumber: '1000', name: '大和次郎', birthDate: '1960', phone: [] }),
    ],
    ['verify', 'a body that is not JSON', () => '{"patronNumber":'],
    // A token issued while portal passwords were on changes nothing once they are off.
    [
      'complete',
      'a valid body (a live token)',
      (token: string) => ({ resetToken: token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    ],
    ['complete', 'an invalid body', (token: string) => ({ resetToken: token, password: 'short' })],
    ['complete', 'a body that is not JSON', () => '{"resetToken":'],
  ] as const)('%s with %s', async (step, _, body) => {
    const token = (await client(t.app).post('/api/password-reset/verify', JIRO_IDENTITY)).body
      .resetToken as string;
    expect((await client(t.app).login(JIRO)).status).toBe(200);
    const before = await traces();
    const res = await client(withIlsPasswords(t)).post(`/api/password-reset/${step}`, body(token));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: { code: 'registration_not_available', message: errorMessages.registration_not_available },
    });
    expect(await traces()).toEqual(before);
  });
});
