import { describe, expect, it } from 'vitest';
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
