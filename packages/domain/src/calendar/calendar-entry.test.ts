import { describe, expect, it } from 'vitest';
import {
  type BranchRef,
  type CalendarEntryRow,
  formatEntryError,
  calendarEntryMessages as m,
  validateCalendarEntries,
} from './calendar-entry.ts';

const branches: BranchRef[] = [
  { code: 'main', name: '柳川図書館', shortName: '本館' },
  { code: 'mitsuhashi', name: '三橋図書館', shortName: '三橋' },
];

let line = 1;
function row(fields: Partial<CalendarEntryRow>): CalendarEntryRow {
  line += 1;
  return { line, branch: 'main', date: '2022-02-15', kind: 'closed', text: '特別整理期間', ...fields };
}

describe('validating calendar import rows', () => {
  it('turns good rows into closures and events, expanding ranges and accepting Japanese spellings', () => {
    line = 1;
    const { entries, errors } = validateCalendarEntries(
      [
        row({ date: '2022-02-15..2022-02-17' }),
        row({
          branch: '三橋図書館',
          date: '２０２２/２/１２',
          kind: 'イベント',
          text: '紙芝居',
          time: '１０：３０',
        }),
        row({
          branch: '本館',
          date: '2022/02/26',
          kind: 'event',
          text: 'おはなし会',
          time: '14:00',
          description: '申込不要',
        }),
      ],
      branches,
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { line: 2, kind: 'closed', branchCode: 'main', date: '2022-02-15', reason: '特別整理期間' },
      { line: 2, kind: 'closed', branchCode: 'main', date: '2022-02-16', reason: '特別整理期間' },
      { line: 2, kind: 'closed', branchCode: 'main', date: '2022-02-17', reason: '特別整理期間' },
      {
        line: 3,
        kind: 'event',
        branchCode: 'mitsuhashi',
        date: '2022-02-12',
        title: '紙芝居',
        time: '10:30',
        description: null,
      },
      {
        line: 4,
        kind: 'event',
        branchCode: 'main',
        date: '2022-02-26',
        title: 'おはなし会',
        time: '14:00',
        description: '申込不要',
      },
    ]);
  });

  it('reports every bad row with its line, and each problem of a row', () => {
    line = 1;
    const { entries, errors } = validateCalendarEntries(
      [
        row({ branch: 'honkan' }),
        row({ date: '2022-02-30' }),
        row({ date: '' }),
        row({ kind: 'holiday' }),
        row({ text: ' ' }),
        row({ kind: 'event', text: '', time: '25:00' }),
        row({ time: '10:00' }),
        row({ date: '2022-02-20..2022-02-10' }),
        row({ date: '2022-01-01..2023-12-31' }),
        row({ branch: '', date: 'tomorrow', kind: '' }),
      ],
      branches,
    );
    expect(entries).toEqual([]);
    expect(errors.map(formatEntryError)).toEqual([
      `2行目: ${m.unknownBranch('honkan', branches)}`,
      `3行目: ${m.dateInvalid('2022-02-30')}`,
      `4行目: ${m.dateRequired}`,
      `5行目: ${m.kindInvalid('holiday')}`,
      `6行目: ${m.reasonRequired}`,
      `7行目: ${m.titleRequired}`,
      `7行目: ${m.timeInvalid('25:00')}`,
      `8行目: ${m.timeOnClosed}`,
      `9行目: ${m.rangeReversed('2022-02-20..2022-02-10')}`,
      `10行目: ${m.rangeTooLong('2022-01-01..2023-12-31')}`,
      `11行目: ${m.branchRequired}`,
      `11行目: ${m.dateInvalid('tomorrow')}`,
      `11行目: ${m.kindInvalid('')}`,
    ]);
    expect(errors[0]!.message).toContain('main（柳川図書館）');
  });

  it('names both lines of a duplicate, also when a range overlaps a single day', () => {
    line = 1;
    const { errors } = validateCalendarEntries(
      [
        row({ date: '2022-02-15..2022-02-19' }),
        row({ date: '2022-02-17', text: '臨時休館' }),
        row({ branch: 'mitsuhashi', date: '2022-02-17' }), // another branch: fine
        row({ kind: 'event', date: '2022-02-12', text: 'おはなし会' }),
        row({ kind: 'event', date: '2022-02-12', text: 'おはなし会', time: '15:00' }),
        row({ kind: 'event', date: '2022-02-12', text: '紙芝居' }), // another title: fine
      ],
      branches,
    );
    expect(errors.map(formatEntryError)).toEqual([
      `3行目: ${m.duplicateClosed('柳川図書館', '2022-02-17', 2)}`,
      `6行目: ${m.duplicateEvent('柳川図書館', '2022-02-12', 'おはなし会', 5)}`,
    ]);
  });

  it('limits the length of texts', () => {
    line = 1;
    const { errors } = validateCalendarEntries(
      [row({ text: 'あ'.repeat(101) }), row({ kind: 'event', text: 'x', description: 'い'.repeat(501) })],
      branches,
    );
    expect(errors.map((e) => e.message)).toEqual([m.textTooLong, m.descriptionTooLong]);
  });
});
