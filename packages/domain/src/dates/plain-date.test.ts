import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itTellsApart } from '../testing/schema-cases.ts';
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  eachDate,
  formatDateJa,
  isPlainDate,
  plainDateInTokyo,
} from './plain-date.ts';

describe('plain dates', () => {
  // Real calendar dates only.
  itTellsApart(isPlainDate, {
    valid: ['2021-01-20', '2024-02-29', '2000-02-29', '1600-02-29'],
    invalid: ['2023-02-29', '2021-13-01', '2021-1-1', '1900-02-29', '2100-02-29', '2021-04-31'],
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2021-01-11', 14)).toBe('2021-01-25');
    expect(addDays('2021-12-25', 10)).toBe('2022-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(daysBetween('2021-01-20', '2021-02-03')).toBe(14);
  });

  it('knows the weekday (2021-01-20 was a Wednesday)', () => {
    expect(dayOfWeek('2021-01-20')).toBe(3);
    expect(dayOfWeek('2021-01-24')).toBe(0);
  });

  it('takes the business date in Tokyo, not in the host time zone', () => {
    // 2021-01-19T15:30Z is already 2021-01-20 00:30 in Tokyo.
    expect(plainDateInTokyo(new Date('2021-01-19T15:30:00Z'))).toBe('2021-01-20');
    expect(plainDateInTokyo(new Date('2021-01-19T14:59:00Z'))).toBe('2021-01-19');
  });

  it('formats and iterates', () => {
    expect(formatDateJa('2021-01-25')).toBe('2021/01/25');
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(eachDate('2021-01-30', '2021-02-02')).toEqual([
      '2021-01-30',
      '2021-01-31',
      '2021-02-01',
      '2021-02-02',
    ]);
  });
});

/**
 * The day-number arithmetic against the `Date`-based code it replaced (UTC midnights, regex
 * and toISOString), on years 0100–9999 (`Date.UTC` reads years 0–99 as 1900–1999).
 */
describe('plain dates agree with Date on UTC midnights', () => {
  const DAY = 86_400_000;
  const reference = {
    isPlainDate(value: string): boolean {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return false;
      const [, y, m, d] = match.map(Number) as [number, number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    utc: (date: string) => Date.parse(`${date}T00:00:00Z`),
    fromUtc: (ms: number) => new Date(ms).toISOString().slice(0, 10),
  };
  const instant = fc.integer({ min: Date.UTC(100, 0, 1) / DAY, max: Date.UTC(9999, 11, 31) / DAY });
  const date = instant.map((d) => reference.fromUtc(d * DAY));

  it('adds days, counts days between and names the weekday alike', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40_000, max: 40_000 }), (from, days) => {
        const ms = reference.utc(from) + days * DAY;
        fc.pre(ms >= Date.UTC(100, 0, 1) && ms <= Date.UTC(9999, 11, 31));
        expect(addDays(from, days)).toBe(reference.fromUtc(ms));
        expect(daysBetween(from, reference.fromUtc(ms))).toBe(days);
        expect(dayOfWeek(from)).toBe(new Date(reference.utc(from)).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('every day of a whole 400-year cycle, there and back', () => {
    const start = Date.UTC(1999, 11, 31);
    for (let k = 0; k <= 146_097; k++) {
      const expected = reference.fromUtc(start + k * DAY);
      const got = addDays('1999-12-31', k);
      if (got !== expected || daysBetween('1999-12-31', got) !== k)
        expect(`${k}: ${got}`).toBe(`${k}: ${expected}`);
    }
  });

  it('tells real dates from everything else alike', () => {
    const yearMonthDay = (y: fc.Arbitrary<number>, m: fc.Arbitrary<number>, d: fc.Arbitrary<number>) =>
      fc
        .tuple(y, m, d)
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        );
    const nearlyDates = fc.oneof(
      yearMonthDay(
        fc.integer({ min: 100, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      ),
      // The ends of February of leap years, century years and 400-year years
      yearMonthDay(
        fc.integer({ min: 1, max: 99 }).chain((k) => fc.constantFrom(k * 100, k * 100 + 4, k * 100 + 1)),
        fc.constant(2),
        fc.integer({ min: 28, max: 30 }),
      ),
    );
    fc.assert(
      fc.property(fc.oneof(nearlyDates, date, fc.string({ maxLength: 12 })), (value) => {
        expect(isPlainDate(value)).toBe(reference.isPlainDate(value));
      }),
      { numRuns: 3000 },
    );
    for (const odd of [
      '２０２１-01-20',
      '2021-01-20 ',
      ' 2021-01-20',
      '2021/01/20',
      '+02021-01-20',
      '2021-0a-20',
    ])
      expect(isPlainDate(odd)).toBe(false);
  });

  it('refuses what is not a date instead of answering a wrong one', () => {
    expect(() => addDays('2021-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(isPlainDate('0001-01-01')).toBe(true);
    expect(addDays('0001-01-01', -1 + 1)).toBe('0001-01-01');
  });
});
