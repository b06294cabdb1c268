import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, eachDate } from '../dates/plain-date.ts';
import { generateClosedDays, isLastThursday, nextOpenDay } from './closing-rules.ts';

// A few real national holidays, enough for these cases.
const holidays: Record<string, string> = {
  '2021-01-01': '元日',
  '2021-01-11': '成人の日',
  '2021-02-11': '建国記念の日',
  '2021-02-23': '天皇誕生日',
};
const holidayOf = (d: string) => holidays[d];

describe('closing rules', () => {
  const monday = { weeklyClosingDay: 1 };
  const tuesday = { weeklyClosingDay: 2 };

  it('closes on Mondays, and on the next weekday when Monday is a holiday', () => {
    const days = generateClosedDays(monday, '2021-01-04', '2021-01-19', holidayOf).map((d) => d.date);
    // 1/11 成人の日 (Monday) opens, 1/12 closes instead.
    expect(days).toEqual(['2021-01-04', '2021-01-12', '2021-01-18']);
  });

  it("moves 三橋's Tuesday closing from the holiday 2021-02-23 to Wednesday", () => {
    const days = generateClosedDays(tuesday, '2021-02-15', '2021-02-28', holidayOf);
    expect(days).toEqual([
      { date: '2021-02-16', reason: '休館日' },
      { date: '2021-02-24', reason: '休館日' },
      { date: '2021-02-25', reason: '館内整理日' },
    ]);
  });

  it('closes on the last Thursday of each month and 12/29–1/3', () => {
    expect(isLastThursday('2021-01-28')).toBe(true);
    expect(isLastThursday('2021-01-21')).toBe(false);
    const days = generateClosedDays(monday, '2020-12-27', '2021-01-05', holidayOf);
    expect(days.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2020-12-28 休館日',
      '2020-12-29 年末年始',
      '2020-12-30 年末年始',
      '2020-12-31 年末年始',
      '2021-01-01 年末年始',
      '2021-01-02 年末年始',
      '2021-01-03 年末年始',
      '2021-01-04 休館日',
    ]);
  });

  it('finds the next open day through a run of closed days', () => {
    const closed = new Set(
      generateClosedDays(monday, '2020-12-20', '2021-01-10', holidayOf).map((d) => d.date),
    );
    expect(nextOpenDay('2020-12-28', (d) => closed.has(d))).toBe('2021-01-05');
    expect(nextOpenDay('2021-01-06', (d) => closed.has(d))).toBe('2021-01-06');
  });
});

describe('closing rules in hard cases', () => {
  // Golden Week 2019: 4/29 to 5/6 were all holidays (the imperial succession).
  const gw2019: Record<string, string> = {
    '2019-04-29': '昭和の日',
    '2019-04-30': '休日',
    '2019-05-01': '天皇の即位の日',
    '2019-05-02': '休日',
    '2019-05-03': '憲法記念日',
    '2019-05-04': 'みどりの日',
    '2019-05-05': 'こどもの日',
    '2019-05-06': '休日',
  };
  const holidays2022: Record<string, string> = { '2022-01-01': '元日', '2022-01-10': '成人の日' };
  const lookup = (table: Record<string, string>) => (d: string) => table[d];
  const closedSet = (days: { date: string }[]) => {
    const set = new Set(days.map((d) => d.date));
    return (d: string) => set.has(d);
  };

  it('moves a holiday Monday through a whole run of holidays, even when asked from the end of the run', () => {
    const monday = { weeklyClosingDay: 1 };
    const days = generateClosedDays(monday, '2019-04-28', '2019-05-13', lookup(gw2019));
    expect(days.map((d) => `${d.date} ${d.reason}`)).toEqual(['2019-05-07 休館日', '2019-05-13 休館日']);
    // Asking from 5/7 only still finds the moved closing day.
    expect(generateClosedDays(monday, '2019-05-07', '2019-05-07', lookup(gw2019))).toEqual([
      { date: '2019-05-07', reason: '休館日' },
    ]);
  });

  it('gives the last Thursday its own reason, and 年末年始 wins when they fall together', () => {
    const tuesday = { weeklyClosingDay: 2 };
    const days = generateClosedDays(tuesday, '2021-12-20', '2022-01-12', lookup(holidays2022));
    expect(days.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2021-12-21 休館日',
      '2021-12-28 休館日',
      '2021-12-29 年末年始',
      '2021-12-30 年末年始', // also the last Thursday of December 2021
      '2021-12-31 年末年始',
      '2022-01-01 年末年始',
      '2022-01-02 年末年始',
      '2022-01-03 年末年始',
      '2022-01-04 休館日',
      '2022-01-11 休館日',
    ]);
  });

  it("finds 三橋's next open day across the year end: a chain of eight closed days", () => {
    const tuesday = { weeklyClosingDay: 2 };
    const isClosed = closedSet(generateClosedDays(tuesday, '2021-12-01', '2022-01-31', lookup(holidays2022)));
    expect(nextOpenDay('2021-12-28', isClosed)).toBe('2022-01-05');
    expect(nextOpenDay('2021-12-31', isClosed)).toBe('2022-01-05');
    expect(nextOpenDay('2021-12-27', isClosed)).toBe('2021-12-27');
  });

  it('chains regular and special closures (特別整理期間) together', () => {
    const monday = { weeklyClosingDay: 1 };
    const regular = generateClosedDays(monday, '2021-02-01', '2021-02-28', holidayOf);
    const special = ['2021-02-16', '2021-02-17', '2021-02-18', '2021-02-19'].map((date) => ({ date }));
    const isClosed = closedSet([...regular, ...special]);
    // Monday 2/15 closed, 2/16–2/19 特別整理期間, Saturday 2/20 open.
    expect(nextOpenDay('2021-02-15', isClosed)).toBe('2021-02-20');
  });

  it('refuses to search forever when a branch is never open', () => {
    expect(() => nextOpenDay('2021-01-01', () => true)).toThrow(RangeError);
  });

  it('gives the same days whatever window is asked for (a property)', () => {
    const year = eachDate('2021-01-01', '2021-12-31');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.uniqueArray(fc.constantFrom(...year), { maxLength: 25 }),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 60 }),
        (weeklyClosingDay, holidayDates, start, length) => {
          const table = Object.fromEntries(holidayDates.map((d) => [d, '祝日']));
          const rules = { weeklyClosingDay };
          const from = year[start]!;
          const to = addDays(from, length);
          const whole = generateClosedDays(rules, '2021-01-01', '2022-03-31', lookup(table));
          const window = generateClosedDays(rules, from, to, lookup(table));
          expect(window).toEqual(whole.filter((d) => d.date >= from && d.date <= to));
          // Every closed day is a real closed day: never a holiday that only moved the weekly one.
          for (const day of window) {
            if (day.reason === '休館日') expect(table[day.date]).toBeUndefined();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
