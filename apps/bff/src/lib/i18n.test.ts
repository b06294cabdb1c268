import { catalogDifferences } from '@library/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mailOutbox, patrons } from '../db/schema.ts';
import { mailCatalogEn, mailCatalogJa } from '../services/mail/mail-texts.ts';
import { notificationMail, notificationPushPayload } from '../services/notifications/notification-mail.ts';
import { HANAKO_IDENTITY } from '../test/demo-identities.ts';
import { client } from '../test/test-app.ts';
import { useTestApp } from '../test/use-test-app.ts';

const t = useTestApp();

const EN = { 'accept-language': 'en-US,en;q=0.9' };
const HANAKO = {
  patronNumber: '300000003',
  ...HANAKO_IDENTITY,
};

describe('the language of API answers (SPEC §12)', () => {
  it('answers error messages and field errors in English for Accept-Language: en', async () => {
    const c = client(t.app);
    const bad = await c.post('/api/session', { patronNumber: '12', password: '' }, EN);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      code: 'validation_failed',
      message: 'Some of the entries are not correct.',
      fields: {
        patronNumber: 'The patron number is 9 digits starting with 100, 200 or 300.',
        password: 'Please enter your password.',
      },
    });
    const wrong = await c.post('/api/session', { patronNumber: '100000001', password: 'nope-nope' }, EN);
    expect(wrong.body.error).toEqual({
      code: 'invalid_credentials',
      message: 'The patron number or password is not correct.',
    });
    expect((await c.get('/api/me', EN)).body.error.message).toBe('Please log in.');
    expect((await c.get('/api/nowhere', EN)).body.error.message).toBe('The page was not found.');
  });

  it('answers in Japanese without Accept-Language, for ja, and for languages it does not have', async () => {
    const variants: Record<string, string>[] = [
      {},
      { 'accept-language': 'ja-JP,ja;q=0.9' },
      { 'accept-language': 'fr-FR' },
    ];
    for (const headers of variants) {
      const bad = await client(t.app).post('/api/session', { patronNumber: '12', password: '' }, headers);
      expect(bad.body.error).toEqual({
        code: 'validation_failed',
        message: '入力内容に誤りがあります。',
        fields: {
          patronNumber: '利用者番号は「100」「200」「300」から始まる9桁の数字で入力してください。',
          password: 'パスワードを入力してください。',
        },
      });
    }
  });

  it('translates registration field errors and fills placeholders', async () => {
    const c = client(t.app);
    const res = await c.post(
      '/api/registration/verify',
      { ...HANAKO, name: '鈴木花子', birthDate: '1990115' },
      EN,
    );
    expect(res.body.error.fields).toEqual({
      name: 'Please enter your name in full-width katakana (e.g. ヤナガワタロウ).',
      birthDate: 'Enter your date of birth as 8 digits, year first (e.g. 1 March 2009 → 20090301).',
    });
    await c.login();
    const page = await c.get('/api/loans?page=9', EN);
    expect(page.body.error.fields).toEqual({ page: 'The page must be from 1 to 1.' });
    const pageJa = await c.get('/api/loans?page=9');
    expect(pageJa.body.error.fields).toEqual({ page: 'ページは1から1までで指定してください。' });
  });

  it('mails the registration in the language of the request that registered', async () => {
    const c = client(t.app);
    const verified = await c.post('/api/registration/verify', HANAKO, EN);
    expect(verified.status).toBe(200);
    const done = await c.post(
      '/api/registration/complete',
      {
        registrationToken: verified.body.registrationToken,
        password: 'kawa-kudari!',
        passwordConfirm: 'kawa-kudari!',
        email: 'hanako@example.jp',
        useForContact: true,
        useForReservations: false,
      },
      EN,
    );
    expect(done.status).toBe(201);
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'hanako@example.jp'));
    expect(mail!.subject).toBe('[Yanagawa City Library] Your password application has been received');
    expect(mail!.body).toContain('Dear スズキハナコ,');
    expect(mail!.body).toContain('Received: 2021/01/20 10:00');
    expect(mail!.body.replace('スズキハナコ', '')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
  });

  it("mails a password change in the patron's saved language, whatever the request's", async () => {
    await t.db.update(patrons).set({ language: 'en' }).where(eq(patrons.number, '100000001'));
    const c = client(t.app);
    // The session answers name the saved language, for the SPA on a device without a choice.
    expect((await c.login()).body.patron).toEqual({
      number: '100000001',
      name: 'ヤナガワタロウ',
      language: 'en',
    });
    expect((await c.get('/api/session')).body.patron.language).toBe('en');
    await t.db.delete(mailOutbox);
    const res = await c.put('/api/me/password', {
      currentPassword: 'tosho2021',
      password: 'sagemon-2021',
      passwordConfirm: 'sagemon-2021',
    });
    expect(res.status).toBe(204);
    const [mail] = await t.db.select().from(mailOutbox);
    expect(mail!.subject).toBe('[Yanagawa City Library] Your password has been changed');
  });
});

describe('the mail catalogs', () => {
  it('have the same keys and placeholders in Japanese and English', () => {
    expect(catalogDifferences(mailCatalogJa, mailCatalogEn)).toEqual([]);
  });
});

describe('the reminder mail and push in the patron language', () => {
  const input = {
    kind: 'reminder' as const,
    name: 'ヤナガワタロウ',
    dueDate: '2021-01-25',
    titles: ['北原白秋詩集'],
    includeTitles: true,
    loansUrl: 'http://localhost/portal/loans',
    settingsUrl: 'http://localhost/portal/settings',
    from: 'library@city.yanagawa.lg.jp',
  };

  it('writes English with the weekday in English, Japanese by default', () => {
    const en = notificationMail({ ...input, lang: 'en' });
    expect(en.subject).toBe('[Yanagawa City Library] Your items are due soon');
    expect(en.body).toContain('The 1 item(s) you borrowed are due on 2021/01/25 (Mon).');
    expect(en.body).toContain('• 北原白秋詩集');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Open Loans');
    const ja = notificationMail(input);
    expect(ja.subject).toBe('【柳川市立図書館】返却期限日のお知らせ');
    expect(ja.body).toContain('お借りの資料1点の返却期限日は 2021/01/25（月） です。');
    expect(notificationPushPayload({ ...input, kind: 'overdue', lang: 'en' }).title).toBe(
      'You have overdue items',
    );
  });
});
