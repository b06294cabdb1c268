import { errorMessages } from '@library/domain';
import {
  birthDateMessages,
  emailMessages,
  passwordMessages,
  patronNameMessages,
  phoneMessages,
} from '@library/domain/registration';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  authAttempts,
  authLockouts,
  mailOutbox,
  patrons,
  registrationTokens,
  reservations,
  titles,
} from '../../db/schema.ts';
import { HANAKO_IDENTITY, TARO_IDENTITY } from '../../test/demo-identities.ts';
import { expectError } from '../../test/expect-error.ts';
import { withIlsPasswords } from '../../test/ils-passwords.ts';
import { theOnlyMail } from '../../test/mail-outbox.ts';
import { client } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const t = useTestApp();

const HANAKO = {
  patronNumber: '300000003',
  ...HANAKO_IDENTITY,
};
const NEW_PASSWORD = 'kawa-kudari!';
const step2 = (registrationToken: string, overrides: Record<string, unknown> = {}) => ({
  registrationToken,
  password: NEW_PASSWORD,
  passwordConfirm: NEW_PASSWORD,
  email: 'hanako.new@example.jp',
  useForContact: true,
  useForReservations: false,
  ...overrides,
});
/** A row of the refusal table: the same new password typed in both fields, refused on `password`. */
const weakPassword = (name: string, password: string, message: string) =>
  [name, { password, passwordConfirm: password }, 'password', message] as [
    string,
    Record<string, unknown>,
    string,
    string,
  ];

/** Puts 300000003 back to "never registered", with no lock and nothing queued. */
async function resetHanako() {
  const [hanako] = await t.db.select().from(patrons).where(eq(patrons.number, '300000003'));
  await t.db
    .update(patrons)
    .set({
      passwordHash: null,
      passwordChangedAt: null,
      email: 'hanako.suzuki@example.jp',
    })
    .where(eq(patrons.id, hanako!.id));
  await t.db.delete(registrationTokens);
  await t.db.delete(authLockouts);
  await t.db.delete(mailOutbox);
  await t.db.delete(reservations).where(eq(reservations.patronId, hanako!.id));
  t.clock.set(new Date('2021-01-20T10:00:00+09:00'));
  return hanako!;
}

async function verify(body: unknown = HANAKO) {
  return client(t.app).post('/api/registration/verify', body);
}

beforeEach(async () => {
  await resetHanako();
});

describe('POST /api/registration/verify (I6)', () => {
  it('answers a single-use token (stored only as its hash) and the current email, masked', async () => {
    const res = await verify();
    expect(res.status).toBe(200);
    // The screen shows 旧メールアドレス read-only: it needs no more than this (issue 17).
    expect(res.body).toEqual({
      registrationToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      currentEmail: 'h***@example.jp',
    });
    const rows = await t.db.select().from(registrationTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toBe(res.body.registrationToken);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.expiresAt.getTime() - t.clock.now().getTime()).toBe(15 * 60 * 1000);
  });

  it.each([
    [
      'card letters, full-width digits, hiragana with a space',
      {
        patronNumber: 'A３０００００００３A',
        name: 'すずき　はなこ',
        birthDate: '１９９０１１０５',
        phone: ['０９４４', '１２', '３４５６'],
      },
    ],
    ['half-width kana', { ...HANAKO, name: 'ｽｽﾞｷ ﾊﾅｺ' }],
  ])('normalises what was typed: %s', async (_, typed) => {
    expect((await verify(typed)).status).toBe(200);
  });

  it('refuses malformed input with 400 and a message per field', async () => {
    const res = await verify({
      patronNumber: '3000',
      name: '鈴木花子',
      birthDate: '1990115',
      phone: ['0944', '', ''],
    });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.fields).toEqual({
      patronNumber: expect.any(String),
      name: patronNameMessages.format,
      birthDate: birthDateMessages.format,
      phone: phoneMessages.length,
    });
    expect((await client(t.app).post('/api/registration/verify', '{"patronNumber"')).body.error.code).toBe(
      'invalid_json',
    );
  });

  it.each([
    ['the name', { name: 'スズキハナ' }],
    ['the birth date', { birthDate: '19901106' }],
    ['the phone', { phone: ['0944', '12', '3457'] }],
    ['an unknown number', { patronNumber: '300999999' }],
  ])('answers one generic 401 whatever is wrong: %s', async (_, change) => {
    const res = await verify({ ...HANAKO, ...change });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { code: 'identity_not_verified', message: errorMessages.identity_not_verified },
    });
  });

  it('answers 409 already_registered to a registered patron who proves their identity', async () => {
    const res = await verify({
      patronNumber: '100000001',
      ...TARO_IDENTITY,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'already_registered', message: errorMessages.already_registered });
    // …but a wrong guess about a registered patron is still the generic 401.
    expect(
      (
        await verify({
          patronNumber: '100000001',
          name: 'ヤナガワタロウ',
          birthDate: '19750409',
          phone: ['0944', '73', '0001'],
        })
      ).status,
    ).toBe(401);
  });

  it('locks the number after 5 consecutive failures (423, Retry-After), for 15 minutes', async () => {
    const wrong = { ...HANAKO, birthDate: '19900101' };
    for (let i = 0; i < 4; i++) expect((await verify(wrong)).status).toBe(401);
    const fifth = await verify(wrong);
    expectError(fifth, 423, 'locked');
    expect(fifth.headers.get('retry-after')).toBe('900');
    // Even the right answer is refused while locked…
    const locked = await verify();
    expect(locked.status).toBe(423);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    // …and accepted once the 15 minutes have passed.
    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await verify()).status).toBe(200);
    const attempts = await t.db.select().from(authAttempts).where(eq(authAttempts.kind, 'registration'));
    expect(attempts.filter((a) => !a.succeeded).length).toBeGreaterThanOrEqual(5);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.event, 'registration_verify_failed'));
    expect(audits.length).toBeGreaterThanOrEqual(5);
  });

  it('counts toward the same lockout as login', async () => {
    for (let i = 0; i < 3; i++) expect((await verify({ ...HANAKO, name: 'スズキ' })).status).toBe(401);
    expect((await client(t.app).login('300000003', 'guess-one')).status).toBe(401);
    expect((await client(t.app).login('300000003', 'guess-two')).status).toBe(423);
    expect((await verify()).status).toBe(423);
  });
});

describe('POST /api/registration/complete (I7, I8, I10)', () => {
  it('registers: password hashed with argon2id, email changed, mail queued, all at once; then login works', async () => {
    const { registrationToken } = (await verify()).body;
    const res = await client(t.app).post('/api/registration/complete', step2(registrationToken));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      patron: { number: '300000003', name: 'スズキハナコ' },
      mailTo: 'hanako.new@example.jp',
    });

    const [hanako] = await t.db.select().from(patrons).where(eq(patrons.number, '300000003'));
    expect(hanako!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(hanako!.passwordHash).not.toContain(NEW_PASSWORD);
    expect(hanako!.email).toBe('hanako.new@example.jp');
    const mail = await theOnlyMail(t.db, {
      kind: 'registration_accepted',
      toAddress: 'hanako.new@example.jp',
      subject: '【柳川市立図書館】パスワード申請受付',
      sentAt: null,
    });
    expect(mail.body).toContain('スズキハナコ 様');
    expect(mail.body).toContain('送信専用アドレス（library@city.yanagawa.lg.jp）');
    expect(mail.body).toContain('返信することはできません');
    expect(mail.body).not.toContain(NEW_PASSWORD);

    const login = await client(t.app).login('300000003', NEW_PASSWORD);
    expect(login.status).toBe(200);
    expect((await client(t.app).login('300000003', '19901105')).status).toBe(401);
    // The birth date proved identity once; now the patron is registered.
    expect((await verify()).status).toBe(409);
  });

  it('is single use: a second submit of the same token gets 410 and changes nothing', async () => {
    const { registrationToken } = (await verify()).body;
    expect((await client(t.app).post('/api/registration/complete', step2(registrationToken))).status).toBe(
      201,
    );
    const again = await client(t.app).post(
      '/api/registration/complete',
      step2(registrationToken, { password: 'another-pass-1' }),
    );
    expect(again.status).toBe(410);
    expect(again.body.error).toEqual({ code: 'token_expired', message: errorMessages.token_expired });
    expect((await client(t.app).login('300000003', NEW_PASSWORD)).status).toBe(200);
    expect(await t.db.select().from(mailOutbox)).toHaveLength(1);
  });

  it('registers once when the same form is submitted twice at the same moment', async () => {
    const { registrationToken } = (await verify()).body;
    const results = await Promise.all([
      client(t.app).post('/api/registration/complete', step2(registrationToken)),
      client(t.app).post('/api/registration/complete', step2(registrationToken)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
    expect(await t.db.select().from(mailOutbox)).toHaveLength(1);
  });

  it('expires the token after 15 minutes (410) and writes nothing', async () => {
    const { registrationToken } = (await verify()).body;
    t.clock.advance(15 * 60 * 1000 - 1000);
    const stillValid = await client(t.app).post(
      '/api/registration/complete',
      step2(registrationToken, { passwordConfirm: 'x' }),
    );
    expect(stillValid.status).toBe(400);
    t.clock.advance(2000);
    const res = await client(t.app).post('/api/registration/complete', step2(registrationToken));
    expectError(res, 410, 'token_expired');
    const [hanako] = await t.db.select().from(patrons).where(eq(patrons.number, '300000003'));
    expect(hanako!.passwordHash).toBeNull();
    expect(hanako!.email).toBe('hanako.suzuki@example.jp');
    expect(await t.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it('answers 410 to an unknown token and to an older token replaced by a newer verify', async () => {
    expect((await client(t.app).post('/api/registration/complete', step2('x'.repeat(43)))).status).toBe(410);
    const first = (await verify()).body.registrationToken;
    const second = (await verify()).body.registrationToken;
    expect((await client(t.app).post('/api/registration/complete', step2(first))).status).toBe(410);
    expect((await client(t.app).post('/api/registration/complete', step2(second))).status).toBe(201);
  });

  it.each([
    weakPassword('too short', 'kawa12', passwordMessages.too_short),
    weakPassword('too long', `${'k'.repeat(64)}x`, passwordMessages.too_long),
    weakPassword('full width', 'ｋａｗａｋｕｄａｒｉ', passwordMessages.invalid_characters),
    weakPassword('the birth date', 'hanako1105!', passwordMessages.contains_birth_date),
    weakPassword('the phone', 'hanako-3456', passwordMessages.contains_phone),
    weakPassword('the patron number', 'x300000003', passwordMessages.contains_patron_number),
    weakPassword('one character', '99999999', passwordMessages.repeated_character),
    weakPassword('a common password', 'sunshine1', passwordMessages.common),
    [
      'a different confirmation',
      { passwordConfirm: 'kawa-kudari?' },
      'passwordConfirm',
      passwordMessages.confirmMismatch,
    ],
    ['no email', { email: '' }, 'email', emailMessages.required],
    ['consecutive dots', { email: 'hanako..suzuki@example.jp' }, 'email', emailMessages.consecutiveDots],
    ['a dot before @', { email: 'hanako.@docomo.ne.jp' }, 'email', emailMessages.dotAtEdge],
  ])('refuses %s with 400 and the field, writing nothing', async (_, change, field, message) => {
    const { registrationToken } = (await verify()).body;
    const res = await client(t.app).post('/api/registration/complete', step2(registrationToken, change));
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.fields).toEqual({ [field]: message });
    const [hanako] = await t.db.select().from(patrons).where(eq(patrons.number, '300000003'));
    expect(hanako!.passwordHash).toBeNull();
    expect(await t.db.select().from(mailOutbox)).toHaveLength(0);
    // The token is still good: the patron corrects the form and goes on.
    expect((await client(t.app).post('/api/registration/complete', step2(registrationToken))).status).toBe(
      201,
    );
  });

  it('keeps the contact address when 今後の連絡先 is unticked, and moves active reservations when asked', async () => {
    const hanako = await resetHanako();
    const [title] = await t.db.select().from(titles).limit(1);
    await t.db.insert(reservations).values([
      { titleId: title!.id, patronId: hanako.id, contactEmail: 'hanako.suzuki@example.jp' },
      {
        titleId: title!.id,
        patronId: hanako.id,
        status: 'fulfilled',
        contactEmail: 'hanako.suzuki@example.jp',
      },
    ]);
    const { registrationToken } = (await verify()).body;
    const res = await client(t.app).post(
      '/api/registration/complete',
      step2(registrationToken, { useForContact: false, useForReservations: true }),
    );
    expect(res.status).toBe(201);
    const [after] = await t.db.select().from(patrons).where(eq(patrons.id, hanako.id));
    expect(after!.email).toBe('hanako.suzuki@example.jp');
    const held = await t.db.select().from(reservations).where(eq(reservations.patronId, hanako.id));
    expect(held.find((r) => r.status === 'active')!.contactEmail).toBe('hanako.new@example.jp');
    expect(held.find((r) => r.status === 'fulfilled')!.contactEmail).toBe('hanako.suzuki@example.jp');
    // The acceptance mail goes to the address typed in the form.
    const [mail] = await t.db.select().from(mailOutbox);
    expect(mail!.toAddress).toBe('hanako.new@example.jp');
  });

  it('leaves reservations alone by default', async () => {
    const hanako = await resetHanako();
    const [title] = await t.db.select().from(titles).limit(1);
    await t.db
      .insert(reservations)
      .values({ titleId: title!.id, patronId: hanako.id, contactEmail: 'hanako.suzuki@example.jp' });
    const { registrationToken } = (await verify()).body;
    expect((await client(t.app).post('/api/registration/complete', step2(registrationToken))).status).toBe(
      201,
    );
    const [held] = await t.db.select().from(reservations).where(eq(reservations.patronId, hanako.id));
    expect(held!.contactEmail).toBe('hanako.suzuki@example.jp');
  });

  it('refuses a body without a token with 400, and malformed JSON', async () => {
    const res = await client(t.app).post('/api/registration/complete', { password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['registrationToken']);
    expect((await client(t.app).post('/api/registration/complete', '{')).body.error.code).toBe(
      'invalid_json',
    );
  });
});

describe('SIP2_PASSWORDS=ils: no 新規パスワード登録 — 403 before the body is read, whatever it is', () => {
  /** Everything a step could count or write: none of it may change. */
  async function traces() {
    const [hanako] = await t.db.select().from(patrons).where(eq(patrons.number, '300000003'));
    return {
      passwordHash: hanako!.passwordHash,
      email: hanako!.email,
      tokens: await t.db.select().from(registrationTokens),
      attempts: await t.db.select().from(authAttempts),
      lockouts: await t.db.select().from(authLockouts),
      audit: await t.db.select().from(auditLog),
      mail: await t.db.select().from(mailOutbox),
    };
  }

  it.each([
    ['verify', 'a valid body (a matching identity)', () => HANAKO],
    [
      'verify',
      'an invalid body',
      () => ({ patronNumber: '1000', name: '鈴木花子', birthDate: '1990', phone: [] }),
    ],
    ['verify', 'a body that is not JSON', () => '{"patronNumber":'],
    // A token issued while portal passwords were on does not register once they are off.
    ['complete', 'a valid body (a live token)', (token: string) => step2(token)],
    ['complete', 'an invalid body', (token: string) => step2(token, { password: 'short', email: 'x' })],
    ['complete', 'a body that is not JSON', () => '{"registrationToken":'],
  ] as const)('%s with %s', async (step, _, body) => {
    const token = (await verify()).body.registrationToken as string;
    const before = await traces();
    const res = await client(withIlsPasswords(t)).post(`/api/registration/${step}`, body(token));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: { code: 'registration_not_available', message: errorMessages.registration_not_available },
    });
    expect(await traces()).toEqual(before);
  });
});
