import { describe, expect, it } from 'vitest';
import { domainCatalogEn } from '../i18n/en.ts';
import { addCatalog } from '../i18n/translate.ts';
import { itTellsApart } from '../testing/schema-cases.ts';
import {
  formatMonthDay,
  formatYearMonth,
  isYearMonth,
  lastOfMonth,
  monthRange,
  monthWeeks,
  weekdayNames,
} from './calendar-month.ts';

describe('calendar months', () => {
  it('lays January 2021 out in weeks from Sunday, as on the guide (1 is a Friday)', () => {
    const weeks = monthWeeks('2021-01');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, '2021-01-01', '2021-01-02']);
    expect(weeks[1]![0]).toBe('2021-01-03');
    expect(weeks[4]).toEqual([
      '2021-01-24',
      '2021-01-25',
      '2021-01-26',
      '2021-01-27',
      '2021-01-28',
      '2021-01-29',
      '2021-01-30',
    ]);
    expect(weeks[5]).toEqual(['2021-01-31', null, null, null, null, null, null]);
  });

  it('always has six weeks, even for a four-week February', () => {
    // February 2015 starts on a Sunday and has exactly four weeks.
    const weeks = monthWeeks('2015-02');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]![0]).toBe('2015-02-01');
    expect(weeks[3]![6]).toBe('2015-02-28');
    expect(weeks[4]!.every((d) => d === null)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
  });

  it('handles leap years and month ranges across a year', () => {
    expect(lastOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastOfMonth('2021-02')).toBe('2021-02-28');
    expect(monthRange('2020-12', 3)).toEqual(['2020-12', '2021-01', '2021-02']);
  });

  // Only real months, in a sane range of years.
  itTellsApart(isYearMonth, {
    valid: ['2021-01'],
    invalid: ['2021-13', '2021-1', '0050-01', '2021-01-01'],
  });

  it('formats months and days in Japanese by default', () => {
    expect(formatYearMonth('2021-01')).toBe('2021年1月');
    expect(formatMonthDay('2021-01-25')).toBe('1月25日（月）');
    expect(formatYearMonth('2021-12', 'ja')).toBe('2021年12月');
  });

  it('formats months and days in English once its catalog is there', () => {
    addCatalog('en', domainCatalogEn);
    expect(formatYearMonth('2021-01', 'en')).toBe('January 2021');
    expect(formatMonthDay('2021-01-25', 'en')).toBe('Mon, January 25');
  });

  it('names the weekdays from Sunday in either language', () => {
    expect(weekdayNames('ja', 'short')).toEqual(['日', '月', '火', '水', '木', '金', '土']);
    expect(weekdayNames('ja', 'long')[1]).toBe('月曜日');
    expect(weekdayNames('en', 'short')[0]).toBe('Sun');
  });
});
