import { emailMessages, passwordMessages, registrationMessages } from '@library/domain/registration';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, authLockouts, mailOutbox, patrons, reservations } from '../../db/schema.ts';
import { expectError } from '../../test/expect-error.ts';
import { theOnlyMail } from '../../test/mail-outbox.ts';
import { client, createTestApp, signedIn, type TestApp } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const t = useTestApp({ cleared: [mailOutbox] });

describe('PUT /api/me/password (I11)', () => {
  it('needs a session', async () => {
    const res = await client(t.app).put('/api/me/password', {
      currentPassword: 'tosho2021',
      password: 'kawa-kudari!',
      passwordConfirm: 'kawa-kudari!',
    });
    expectError(res, 401, 'unauthenticated');
  });

  it('refuses a wrong current password on its field, counting it toward the lockout', async () => {
    const c = await signedIn(t.app, '200000002');
    const res = await c.put('/api/me/password', {
      currentPassword: 'not-my-password',
      password: 'kawa-kudari!',
      passwordConfirm: 'kawa-kudari!',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ currentPassword: passwordMessages.currentWrong });
    const [run] = await t.db.select().from(authLockouts).where(eq(authLockouts.patronNumber, '200000002'));
    expect(run!.failures).toBe(1);
    await t.db.delete(authLockouts);
  });

  it('applies the rules of I8 with the patron’s own details', async () => {
    const c = await signedIn(t.app, '200000002');
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { password: 'mitsu19820315', passwordConfirm: 'mitsu19820315' },
        { password: passwordMessages.contains_birth_date },
      ],
      [
        { password: 'mitsuhashi0002', passwordConfirm: 'mitsuhashi0002' },
        { password: passwordMessages.contains_phone },
      ],
      [{ password: 'qwerty123', passwordConfirm: 'qwerty123' }, { password: passwordMessages.common }],
      [{ password: 'tosho2021', passwordConfirm: 'tosho2021' }, { password: passwordMessages.sameAsCurrent }],
      [
        { password: 'kawa-kudari!', passwordConfirm: 'kawa-kudari' },
        { passwordConfirm: passwordMessages.confirmMismatch },
      ],
      [
        { password: '', passwordConfirm: '' },
        { password: passwordMessages.required, passwordConfirm: passwordMessages.confirmRequired },
      ],
    ];
    for (const [change, fields] of cases) {
      const res = await c.put('/api/me/password', { currentPassword: 'tosho2021', ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual(fields);
    }
    expect((await client(t.app).login('200000002')).status).toBe(200);
  });

  it('changes it: the old one stops working, other sessions end, this one stays, a mail confirms it', async () => {
    const here = client(t.app);
    const elsewhere = client(t.app);
    expect((await here.login('100000001')).status).toBe(200);
    expect((await elsewhere.login('100000001')).status).toBe(200);
    const res = await here.put('/api/me/password', {
      currentPassword: 'tosho2021',
      password: 'sagemon-2021',
      passwordConfirm: 'sagemon-2021',
    });
    expect(res.status).toBe(204);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await client(t.app).login('100000001', 'tosho2021')).status).toBe(401);
    expect((await client(t.app).login('100000001', 'sagemon-2021')).status).toBe(200);
    const mail = await theOnlyMail(t.db, {
      kind: 'password_changed',
      toAddress: 'taro.yanagawa@example.jp',
      subject: '【柳川市立図書館】パスワード変更のお知らせ',
    });
    expect(mail.body).not.toContain('sagemon-2021');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.event, 'password_changed'))).toHaveLength(1);
  });
});

/** PUT /api/me/email as the settings form sends it. */
const change = (
  c: ReturnType<typeof client>,
  email: string,
  useForContact: boolean,
  useForReservations: boolean,
) => c.put('/api/me/email', { email, useForContact, useForReservations });

describe('PUT /api/me/email (I11)', () => {
  it('needs a session', async () => {
    expect((await client(t.app).put('/api/me/email', { email: 'a@example.jp' })).status).toBe(401);
  });

  it('refuses a bad address and a change that would change nothing', async () => {
    const c = await signedIn(t.app, '200000002');
    const bad = await change(c, 'hana..ko@example.jp', true, false);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ email: emailMessages.consecutiveDots });
    const none = await change(c, 'hanako@example.jp', false, false);
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual({ useForContact: registrationMessages.contactChoiceRequired });
    expect(await t.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it('changes the contact address and tells both the new and the old address', async () => {
    const c = await signedIn(t.app, '200000002');
    const res = await change(c, 'ｍｉｔｓｕ＠ｅｘａｍｐｌｅ．ｊｐ', true, false);
    expect(res.status).toBe(204);
    expect((await c.get('/api/me')).body.patron.email).toBe('mitsu@example.jp');
    const mails = await t.db.select().from(mailOutbox);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([
      'hanako.mitsuhashi@example.jp',
      'mitsu@example.jp',
    ]);
    expect(mails.every((m) => m.kind === 'email_changed' && m.body.includes('mitsu@example.jp'))).toBe(true);
  });

  it('moves only the active reservations when asked, keeping the contact address', async () => {
    // 100000004 reserved a title that 100000001 has on loan (demo data) and has no email yet.
    const [jiro] = await t.db.select().from(patrons).where(eq(patrons.number, '100000004'));
    const before = await t.db.select().from(reservations).where(eq(reservations.patronId, jiro!.id));
    expect(before.length).toBeGreaterThan(0);
    const c = await signedIn(t.app, '100000004');
    const res = await change(c, 'jiro@example.jp', false, true);
    expect(res.status).toBe(204);
    const after = await t.db.select().from(reservations).where(eq(reservations.patronId, jiro!.id));
    expect(
      after.filter((r) => r.status === 'active').every((r) => r.contactEmail === 'jiro@example.jp'),
    ).toBe(true);
    const [patron] = await t.db.select().from(patrons).where(eq(patrons.id, jiro!.id));
    expect(patron!.email).toBeNull();
    const mails = await t.db.select().from(mailOutbox);
    expect(mails.map((m) => m.toAddress)).toEqual(['jiro@example.jp']);
    expect(mails[0]!.body).toContain('登録済み予約の連絡先');
  });
});

describe('contact changes: the owner hears of each, and they are limited (issue 17)', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await createTestApp();
  });
  afterAll(async () => {
    await u.close();
  });
  beforeEach(async () => {
    await u.db.delete(mailOutbox);
    u.clock.advance(25 * 60 * 60 * 1000);
  });

  it('repointing only the reservations is told to the address on file too, not just to the new one', async () => {
    const c = await signedIn(u.app, '100000001');
    expect((await change(c, 'someone-else@example.jp', false, true)).status).toBe(204);
    const mails = await u.db.select().from(mailOutbox);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([
      'someone-else@example.jp',
      'taro.yanagawa@example.jp',
    ]);
    const toOwner = mails.find((m) => m.toAddress === 'taro.yanagawa@example.jp')!;
    expect(toOwner.body).toContain('登録済み予約の連絡先');
    expect(toOwner.body).toContain('someone-else@example.jp');
  });

  it('repointing reservations tells the address they were sent to before as well', async () => {
    const c = await signedIn(u.app, '100000004');
    // 100000004 has no address on file; its reservations now go to first@…
    expect((await change(c, 'first@example.jp', false, true)).status).toBe(204);
    await u.db.delete(mailOutbox);
    expect((await change(c, 'second@example.jp', false, true)).status).toBe(204);
    const mails = await u.db.select().from(mailOutbox);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['first@example.jp', 'second@example.jp']);
  });

  it('at most 5 contact changes an hour per patron, then 429 rate_limited with Retry-After; nothing changes', async () => {
    const c = await signedIn(u.app, '200000002');
    for (let i = 0; i < 5; i++) {
      expect((await change(c, `hourly-${i}@example.jp`, true, false)).status).toBe(204);
      u.clock.advance(60 * 1000);
    }
    await u.db.delete(mailOutbox);
    const sixth = await change(c, 'hourly-5@example.jp', true, true);
    expectError(sixth, 429, 'rate_limited');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    // The first change was 5 minutes ago: it leaves the hour in 55 minutes.
    expect(retryAfter).toBe(55 * 60);
    expect(await u.db.select().from(mailOutbox)).toHaveLength(0);
    expect((await c.get('/api/me')).body.patron.email).toBe('hourly-4@example.jp');
    u.clock.advance(retryAfter * 1000);
    await c.login('200000002'); // the session idled out meanwhile
    expect((await change(c, 'hourly-5@example.jp', true, false)).status).toBe(204);
  });

  it('at most 10 such mails a day to one address, whoever asks, counted in the database', async () => {
    const victim = 'Victim@Example.jp';
    const a = client(u.app);
    const b = client(u.app);
    await a.login('100000001');
    await b.login('100000004');
    for (let i = 0; i < 5; i++) {
      expect((await change(a, i % 2 ? victim : victim.toLowerCase(), false, true)).status).toBe(204);
      expect((await change(b, victim, false, true)).status).toBe(204);
    }
    // Both patrons are under their hourly limit an hour later; the address is not.
    u.clock.advance(61 * 60 * 1000);
    await a.login('100000001'); // the session idled out meanwhile
    const refused = await change(a, victim, false, true);
    expectError(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(22 * 60 * 60);
    const mails = await u.db.select().from(mailOutbox);
    expect(mails.filter((m) => m.toAddress.toLowerCase() === victim.toLowerCase())).toHaveLength(10);
    // Another address is fine.
    expect((await change(a, 'other@example.jp', false, true)).status).toBe(204);
  });
});
