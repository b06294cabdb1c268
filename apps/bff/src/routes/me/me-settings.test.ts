import { emailMessages, passwordMessages, registrationMessages } from '@library/domain/registration';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, mailOutbox, patrons, reservations } from '../../db/schema.ts';
import { client, createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.db.delete(mailOutbox);
});

describe('PUT /api/me/password (I11)', () => {
  it('needs a session', async () => {
    const res = await client(t.app).put('/api/me/password', {
      currentPassword: 'tosho2021',
      password: 'kawa-kudari!',
      passwordConfirm: 'kawa-kudari!',
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('refuses a wrong current password on its field, counting it toward the lockout', async () => {
    const c = client(t.app);
    await c.login('200000002');
    const res = await c.put('/api/me/password', {
      currentPassword: 'not-my-password',
      password: 'kawa-kudari!',
      passwordConfirm: 'kawa-kudari!',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ currentPassword: passwordMessages.currentWrong });
    const [patron] = await t.db.select().from(patrons).where(eq(patrons.number, '200000002'));
    expect(patron!.failedAttempts).toBe(1);
    await t.db.update(patrons).set({ failedAttempts: 0 }).where(eq(patrons.id, patron!.id));
  });

  it('applies the rules of I8 with the patron’s own details', async () => {
    const c = client(t.app);
    await c.login('200000002');
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
    const mails = await t.db.select().from(mailOutbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      kind: 'password_changed',
      toAddress: 'taro.yanagawa@example.jp',
      subject: '【柳川市立図書館】パスワード変更のお知らせ',
    });
    expect(mails[0]!.body).not.toContain('sagemon-2021');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.event, 'password_changed'))).toHaveLength(1);
  });
});

describe('PUT /api/me/email (I11)', () => {
  it('needs a session', async () => {
    expect((await client(t.app).put('/api/me/email', { email: 'a@example.jp' })).status).toBe(401);
  });

  it('refuses a bad address and a change that would change nothing', async () => {
    const c = client(t.app);
    await c.login('200000002');
    const bad = await c.put('/api/me/email', {
      email: 'hana..ko@example.jp',
      useForContact: true,
      useForReservations: false,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ email: emailMessages.consecutiveDots });
    const none = await c.put('/api/me/email', {
      email: 'hanako@example.jp',
      useForContact: false,
      useForReservations: false,
    });
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual({ useForContact: registrationMessages.contactChoiceRequired });
    expect(await t.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it('changes the contact address and tells both the new and the old address', async () => {
    const c = client(t.app);
    await c.login('200000002');
    const res = await c.put('/api/me/email', {
      email: 'ｍｉｔｓｕ＠ｅｘａｍｐｌｅ．ｊｐ',
      useForContact: true,
      useForReservations: false,
    });
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
    const c = client(t.app);
    await c.login('100000004');
    const res = await c.put('/api/me/email', {
      email: 'jiro@example.jp',
      useForContact: false,
      useForReservations: true,
    });
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
