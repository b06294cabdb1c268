import { calendarMessages } from '@library/domain';
import { describe, expect, it } from 'vitest';
import { closedDays, events } from '../../db/schema.ts';
import { expectError } from '../../test/expect-error.ts';
import { client, signedIn } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const t = useTestApp();

interface Day {
  date: string;
  closed: boolean;
  closedReason?: string;
  holiday?: string;
  events: { title: string; time?: string }[];
  dueCount?: number;
}
const days = (body: { months: { days: Day[] }[] }) => body.months.flatMap((m) => m.days);
const closedOf = (body: { months: { days: Day[] }[] }, month: string) =>
  days(body)
    .filter((d) => d.closed && d.date.startsWith(month))
    .map((d) => `${d.date.slice(8)} ${d.closedReason}`);

describe('GET /api/calendar', () => {
  it("answers without a session with this month and the next at 本館 (the guide's calendar)", async () => {
    const res = await client(t.app).get('/api/calendar');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe('2021-01-20');
    expect(res.body.branch).toBe('main');
    expect(res.body.branches).toEqual([
      { code: 'main', name: '柳川図書館', shortName: '本館' },
      { code: 'mitsuhashi', name: '三橋図書館', shortName: '三橋' },
      { code: 'yamato', name: '大和図書館', shortName: '大和' },
    ]);
    expect(res.body.months.map((m: { month: string; days: Day[] }) => [m.month, m.days.length])).toEqual([
      ['2021-01', 31],
      ['2021-02', 28],
    ]);
    expect(closedOf(res.body, '2021-01')).toEqual([
      '01 年末年始',
      '02 年末年始',
      '03 年末年始',
      '04 休館日',
      '12 休館日', // Monday 1/11 is 成人の日: open, Tuesday closes instead
      '18 休館日',
      '25 休館日',
      '28 館内整理日',
    ]);
    const all = days(res.body);
    expect(all.find((d) => d.date === '2021-01-11')).toEqual({
      date: '2021-01-11',
      closed: false,
      holiday: '成人の日',
      events: [],
    });
    expect(all.filter((d) => d.events.length > 0).map((d) => [d.date, d.events])).toEqual([
      ['2021-01-09', [expect.objectContaining({ title: 'おはなし会', time: '14:00' })]],
      ['2021-01-23', [expect.objectContaining({ title: 'おはなし会', time: '14:00' })]],
      ['2021-02-13', [expect.objectContaining({ title: 'おはなし会', time: '14:00' })]],
      ['2021-02-27', [expect.objectContaining({ title: 'おはなし会', time: '14:00' })]],
    ]);
    expect(all.some((d) => 'dueCount' in d)).toBe(false);
  });

  it("shows 三橋図書館's Tuesdays, moved off the holiday 2021-02-23", async () => {
    const res = await client(t.app).get('/api/calendar?branch=mitsuhashi&from=2021-02&months=1');
    expect(res.status).toBe(200);
    expect(res.body.branch).toBe('mitsuhashi');
    expect(closedOf(res.body, '2021-02')).toEqual([
      '02 休館日',
      '09 休館日',
      '16 休館日',
      '24 休館日',
      '25 館内整理日',
    ]);
    const feb23 = days(res.body).find((d) => d.date === '2021-02-23');
    expect(feb23).toMatchObject({ closed: false, holiday: '天皇誕生日' });
    // おはなし会 is at 本館 only.
    expect(days(res.body).every((d) => d.events.length === 0)).toBe(true);
  });

  it("counts the logged-in patron's loans due each day, and only theirs", async () => {
    const c = await signedIn(t.app, '100000001');
    const res = await c.get('/api/calendar?from=2021-01&months=2');
    expect(res.status).toBe(200);
    const due = Object.fromEntries(
      days(res.body)
        .filter((d) => d.dueCount! > 0)
        .map((d) => [d.date, d.dueCount]),
    );
    // The three マンガ日本の歴史 on 1/25; every day carries a count.
    expect(due['2021-01-25']).toBe(3);
    expect(Object.values(due).reduce((a, b) => a! + b!, 0)).toBe(8);
    expect(days(res.body).every((d) => typeof d.dueCount === 'number')).toBe(true);

    const other = await signedIn(t.app, '200000002');
    const res2 = await other.get('/api/calendar?from=2021-01&months=1');
    const due2 = days(res2.body)
      .filter((d) => d.dueCount! > 0)
      .map((d) => [d.date, d.dueCount]);
    expect(due2).toEqual([
      ['2021-01-18', 1],
      ['2021-01-25', 1],
    ]);
  });

  it('treats a stale session cookie as no session, not as an error', async () => {
    const res = await client(t.app).get('/api/calendar', { cookie: 'sid=not-a-session' });
    expect(res.status).toBe(200);
    expect(days(res.body).some((d) => 'dueCount' in d)).toBe(false);
  });

  it('gives up to twelve months, across the year end', async () => {
    const res = await client(t.app).get('/api/calendar?branch=yamato&from=2020-12&months=12');
    expect(res.status).toBe(200);
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual([
      '2020-12',
      '2021-01',
      '2021-02',
      '2021-03',
      '2021-04',
      '2021-05',
      '2021-06',
      '2021-07',
      '2021-08',
      '2021-09',
      '2021-10',
      '2021-11',
    ]);
    expect(days(res.body)).toHaveLength(365);
    // The moved 2021 Olympic holidays come from holiday_jp, not from a hand-typed list.
    expect(days(res.body).find((d) => d.date === '2021-07-23')?.holiday).toBe('スポーツの日');
  });

  it('shows closures and events that staff added', async () => {
    await t.db
      .insert(closedDays)
      .values({ branchCode: 'yamato', date: '2021-02-17', reason: '特別整理期間' });
    await t.db
      .insert(events)
      .values({ branchCode: 'yamato', date: '2021-02-06', title: '映画会', time: '10:30' });
    const res = await client(t.app).get('/api/calendar?branch=yamato&from=2021-02&months=1');
    const all = days(res.body);
    expect(all.find((d) => d.date === '2021-02-17')).toMatchObject({
      closed: true,
      closedReason: '特別整理期間',
    });
    expect(all.find((d) => d.date === '2021-02-06')?.events).toEqual([{ title: '映画会', time: '10:30' }]);
  });

  it.each([
    ['months=0', 'months', calendarMessages.monthsInvalid],
    ['months=13', 'months', calendarMessages.monthsInvalid],
    ['months=two', 'months', calendarMessages.monthsInvalid],
    ['from=2021-13', 'from', calendarMessages.fromInvalid],
    ['from=202101', 'from', calendarMessages.fromInvalid],
    ['branch=%3Cscript%3E', 'branch', calendarMessages.branchInvalid],
  ])('refuses %s with 400 naming the field', async (query, field, message) => {
    const res = await client(t.app).get(`/api/calendar?${query}`);
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.fields).toEqual({ [field]: message });
  });

  it('refuses an unknown branch with its own code', async () => {
    const res = await client(t.app).get('/api/calendar?branch=fukuoka');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'unknown_branch',
      message: calendarMessages.unknownBranch,
      fields: { branch: calendarMessages.unknownBranch },
    });
  });
});
