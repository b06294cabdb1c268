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
    valid: ['2021-01-20', '2024-02-29'],
    invalid: ['2023-02-29', '2021-13-01', '2021-1-1'],
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
