import { notificationMessages } from '@library/domain/notifications';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { patrons } from '../../db/schema.ts';
import { client, signedIn } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const ORIGIN = 'https://library.example.jp';

const t = useTestApp({ env: { PUBLIC_ORIGIN: ORIGIN } });

const valid = {
  reminder: { email: true, daysBefore: 7, includeTitles: true, push: true },
  overdueNotice: false,
  language: 'en',
};

describe('GET/PUT /api/me/notifications', () => {
  it('is 401 without a session', async () => {
    expect((await client(t.app).get('/api/me/notifications')).status).toBe(401);
    expect((await client(t.app).put('/api/me/notifications', valid)).status).toBe(401);
  });

  it('gives the defaults to a patron who never set anything', async () => {
    const c = await signedIn(t.app, '100000004');
    const res = await c.get('/api/me/notifications');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      reminder: { email: false, daysBefore: 3, includeTitles: false, push: false },
      overdueNotice: true,
      language: 'ja',
    });
  });

  it('stores the settings (language on the patron) and gives them back', async () => {
    const c = await signedIn(t.app, '200000002');
    const put = await c.put('/api/me/notifications', valid);
    expect(put.status).toBe(204);
    expect((await c.get('/api/me/notifications')).body).toEqual(valid);
    const [row] = await t.db
      .select({ language: patrons.language })
      .from(patrons)
      .where(eq(patrons.number, '200000002'));
    expect(row!.language).toBe('en');
    const again = { ...valid, reminder: { ...valid.reminder, daysBefore: 1, push: false }, language: 'ja' };
    expect((await c.put('/api/me/notifications', again)).status).toBe(204);
    expect((await c.get('/api/me/notifications')).body).toEqual(again);
  });

  it('keeps the stored language when the PUT has none, and changes it when it has one', async () => {
    const c = await signedIn(t.app, '200000002');
    expect((await c.put('/api/me/notifications', valid)).status).toBe(204);
    const { language: _, ...withoutLanguage } = valid;
    const changed = { ...withoutLanguage, reminder: { ...valid.reminder, daysBefore: 2 } };
    expect((await c.put('/api/me/notifications', changed)).status).toBe(204);
    expect((await c.get('/api/me/notifications')).body).toEqual({ ...changed, language: 'en' });
    expect((await c.put('/api/me/notifications', { ...changed, language: 'ja' })).status).toBe(204);
    expect((await c.get('/api/me/notifications')).body).toEqual({ ...changed, language: 'ja' });
    const res = await c.put('/api/me/notifications', { ...changed, language: 'EN' });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'validation_failed',
      message: expect.any(String),
      fields: { language: notificationMessages.languageInvalid },
    });
    expect((await c.get('/api/me/notifications')).body.language).toBe('ja');
  });

  it('refuses bad input with 400 and a message per field', async () => {
    const c = await signedIn(t.app, '100000001');
    const res = await c.put('/api/me/notifications', {
      reminder: { email: 'yes', daysBefore: 5, includeTitles: false, push: false },
      overdueNotice: true,
      language: 'fr',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'validation_failed',
      message: expect.any(String),
      fields: {
        'reminder.email': notificationMessages.booleanRequired,
        'reminder.daysBefore': notificationMessages.daysBeforeInvalid,
        language: notificationMessages.languageInvalid,
      },
    });
    expect((await c.put('/api/me/notifications', {})).body.error.fields).toMatchObject({
      reminder: notificationMessages.reminderRequired,
    });
    expect((await c.put('/api/me/notifications', '{"reminder":')).status).toBe(400);
    // Nothing was stored by the refused requests.
    expect((await c.get('/api/me/notifications')).body.reminder.email).toBe(false);
  });
});

describe('PUT /api/me/language', () => {
  it('is 401 without a session', async () => {
    expect((await client(t.app).put('/api/me/language', { language: 'en' })).status).toBe(401);
  });

  it('changes the language alone: the other settings stay, and the session answer names it', async () => {
    const c = await signedIn(t.app, '200000002');
    expect((await c.put('/api/me/notifications', { ...valid, language: 'ja' })).status).toBe(204);
    expect((await c.put('/api/me/language', { language: 'en' })).status).toBe(204);
    expect((await c.get('/api/me/notifications')).body).toEqual(valid);
    expect((await c.get('/api/session')).body.patron.language).toBe('en');
    // A save of お知らせの設定 (no language in it) made after the switch keeps English.
    const { language: _, ...form } = valid;
    expect((await c.put('/api/me/notifications', { ...form, overdueNotice: true })).status).toBe(204);
    expect((await c.get('/api/me/notifications')).body).toEqual({ ...valid, overdueNotice: true });
    expect((await c.put('/api/me/language', { language: 'ja' })).status).toBe(204);
    expect((await c.get('/api/me/notifications')).body).toEqual({
      ...valid,
      overdueNotice: true,
      language: 'ja',
    });
  });

  it('refuses anything but ja or en with 400 and the field named', async () => {
    const c = await signedIn(t.app, '100000001');
    for (const body of [{ language: 'fr' }, {}, { language: null }]) {
      const res = await c.put('/api/me/language', body);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'validation_failed',
        message: expect.any(String),
        fields: { language: notificationMessages.languageInvalid },
      });
    }
    expect((await c.put('/api/me/language', '{"language":')).status).toBe(400);
    expect((await c.get('/api/me/notifications')).body.language).toBe('ja');
  });
});

/** The feed through the real route, without a cookie, as a calendar app fetches it. */
async function fetchFeed(url: string) {
  const res = await t.app.request(url.replace(ORIGIN, 'http://localhost'));
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const alarm = vevent.getFirstSubcomponent('valarm')!;
    return {
      uid: event.uid,
      sequence: event.sequence,
      stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime(),
      date: start.toString(),
      allDay: start.isDate,
      summary: event.summary,
      description: event.description,
      alarm: String(alarm.getFirstPropertyValue('trigger')),
      alarmAction: alarm.getFirstPropertyValue('action'),
    };
  });
}

describe('iCalendar feed', () => {
  it('is created with a secret URL (≥128 bits), readable without a session, as valid iCalendar', async () => {
    expect((await client(t.app).post('/api/me/calendar-feed')).status).toBe(401);
    const c = await signedIn(t.app, '100000001');
    const created = await c.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const { url } = created.body as { url: string };
    const match = url.match(new RegExp(`^${ORIGIN}/api/calendar-feed/([A-Za-z0-9_-]+)\\.ics$`));
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64url').length * 8).toBeGreaterThanOrEqual(128);

    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    const events = parseEvents(feed.text);
    const byDate = Object.fromEntries(events.map((e) => [e.date, e]));
    expect(Object.keys(byDate).sort()).toEqual([
      '2021-01-24',
      '2021-01-25',
      '2021-01-26',
      '2021-01-27',
      '2021-01-29',
      '2021-02-03',
    ]);
    const due25 = byDate['2021-01-25']!;
    expect(due25).toMatchObject({
      allDay: true,
      summary: '返却期限日 (3点)',
      sequence: 0,
      alarm: '-PT6H',
      alarmAction: 'DISPLAY',
    });
    expect(due25.uid).toMatch(/^due-\d+-20210125@library\.example\.jp$/);
    // Titles only when the patron asked for them.
    expect(due25.description).toContain('3点の資料の返却期限日です。');
    expect(due25.description).not.toContain('マンガ');
  });

  it('follows a renewal: the old date loses the item (SEQUENCE up, same UID), the new date shows it', async () => {
    const c = await signedIn(t.app, '100000001');
    const { url } = (await c.post('/api/me/calendar-feed')).body as { url: string };
    const before = Object.fromEntries(parseEvents((await fetchFeed(url)).text).map((e) => [e.date, e]));
    // Fetching again changes nothing.
    const same = Object.fromEntries(parseEvents((await fetchFeed(url)).text).map((e) => [e.date, e]));
    expect(same['2021-01-25']).toEqual(before['2021-01-25']);

    t.clock.advance(60_000);
    const list = await c.get('/api/loans?pageSize=100');
    const id = list.body.items.find((r: { title: string }) => r.title.includes('現代篇 2')).id;
    const renewed = await c.post('/api/renewals', { loanIds: [id] });
    expect(renewed.body.results[0]).toMatchObject({ ok: true, newDueDate: '2021-02-03' });

    const after = Object.fromEntries(parseEvents((await fetchFeed(url)).text).map((e) => [e.date, e]));
    const old = after['2021-01-25']!;
    expect(old.uid).toBe(before['2021-01-25']!.uid);
    expect(old.summary).toBe('返却期限日 (2点)');
    expect(old.sequence).toBeGreaterThan(before['2021-01-25']!.sequence);
    expect(old.stamp).toBeGreaterThan(before['2021-01-25']!.stamp);
    const moved = after['2021-02-03']!;
    expect(moved.uid).toBe(before['2021-02-03']!.uid);
    expect(moved.summary).toBe('返却期限日 (2点)');
    expect(moved.sequence).toBeGreaterThan(before['2021-02-03']!.sequence);
    // Untouched dates keep their version.
    expect(after['2021-01-24']).toEqual(before['2021-01-24']);

    // With titles switched on, the description lists them (and the event changes again).
    await c.put('/api/me/notifications', {
      reminder: { email: false, daysBefore: 3, includeTitles: true, push: false },
      overdueNotice: true,
      language: 'ja',
    });
    const titled = Object.fromEntries(parseEvents((await fetchFeed(url)).text).map((e) => [e.date, e]));
    expect(titled['2021-01-25']!.description).toContain('・マンガ日本の歴史 現代篇 3 大戦とデモクラシー');
    expect(titled['2021-01-25']!.sequence).toBeGreaterThan(old.sequence);
  });

  it('stops working when replaced or revoked, and is 404 for an unknown token', async () => {
    const c = await signedIn(t.app, '100000001');
    const first = (await c.post('/api/me/calendar-feed')).body.url as string;
    const second = (await c.post('/api/me/calendar-feed')).body.url as string;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await c.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await fetchFeed(second)).status).toBe(404);
    const unknown = await fetchFeed(`${ORIGIN}/api/calendar-feed/${'A'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.code).toBe('not_found');
    expect((await fetchFeed(`${ORIGIN}/api/calendar-feed/nope`)).status).toBe(404);
    expect((await fetchFeed(`${ORIGIN}/api/calendar-feed/${'A'.repeat(43)}`)).status).toBe(404);
  });
});
