import { daysBetween, eachDate, isPlainDate, type PlainDate } from '../dates/plain-date.ts';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN } from './calendar-month.ts';

/**
 * Rows of a staff calendar file (CSV or iCalendar, parsed by the BFF's importer) and their
 * validation: every problem is reported with the file's line, so the whole file can be fixed
 * in one go; nothing is written unless every row is valid.
 */
export interface CalendarEntryRow {
  /** Line in the file where the row starts (1-based). */
  line: number;
  branch: string;
  /** `YYYY-MM-DD`, `YYYY/M/D`, or a range `A..B` (both included). */
  date: string;
  kind: string;
  /** The closure's reason or the event's title. */
  text: string;
  time?: string;
  description?: string;
}

export interface BranchRef {
  code: string;
  name: string;
  shortName: string;
}

export type CalendarEntry =
  | { line: number; kind: 'closed'; branchCode: string; date: PlainDate; reason: string }
  | {
      line: number;
      kind: 'event';
      branchCode: string;
      date: PlainDate;
      title: string;
      time: string | null;
      description: string | null;
    };

export interface CalendarEntryError {
  line: number;
  message: string;
}

export const CALENDAR_TEXT_MAX = 100;
export const CALENDAR_DESCRIPTION_MAX = 500;
/** A longer run is almost certainly a typo in the year. */
export const CALENDAR_RANGE_MAX_DAYS = 366;

export const calendarEntryMessages = {
  branchRequired: '館（branch）が空です。',
  unknownBranch: (value: string, known: BranchRef[]) =>
    `館「${value}」は登録されていません。使える値: ${known.map((b) => `${b.code}（${b.name}）`).join('、')}`,
  dateRequired: '日付（date）が空です。',
  dateInvalid: (value: string) =>
    `日付「${value}」が正しくありません。2022-02-15 のように書いてください（期間は 2022-02-15..2022-02-19）。`,
  rangeReversed: (value: string) => `期間「${value}」は終わりの日が始まりの日より前です。`,
  rangeTooLong: (value: string) => `期間「${value}」が${CALENDAR_RANGE_MAX_DAYS}日を超えています。`,
  kindInvalid: (value: string) =>
    `種類（kind）「${value}」が正しくありません。closed（休館日）か event（イベント）にしてください。`,
  reasonRequired: '休館の理由（reason_or_title）が空です。',
  titleRequired: 'イベント名（reason_or_title）が空です。',
  textTooLong: `休館の理由・イベント名は${CALENDAR_TEXT_MAX}文字以内にしてください。`,
  descriptionTooLong: `説明（description）は${CALENDAR_DESCRIPTION_MAX}文字以内にしてください。`,
  timeInvalid: (value: string) =>
    `時刻「${value}」が正しくありません。14:00 のように24時間制で書いてください。`,
  timeOnClosed: '休館日には時刻（time）を書かないでください。',
  duplicateClosed: (branch: string, date: PlainDate, firstLine: number) =>
    `${branch}の${date}の休館日が${firstLine}行目と重複しています。`,
  duplicateEvent: (branch: string, date: PlainDate, title: string, firstLine: number) =>
    `${branch}の${date}のイベント「${title}」が${firstLine}行目と重複しています。`,
} as const;

export function formatEntryError(error: CalendarEntryError): string {
  return `${error.line}行目: ${error.message}`;
}

const KIND_ALIASES: Record<string, 'closed' | 'event'> = {
  closed: 'closed',
  closure: 'closed',
  休館: 'closed',
  休館日: 'closed',
  event: 'event',
  イベント: 'event',
  行事: 'event',
};

/** Full-width digits, letters and colons (typed with a Japanese IME) become half-width. */
const halfWidth = (value: string) => value.normalize('NFKC').trim();

const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function parseDate(value: string): PlainDate | undefined {
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) return undefined;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isPlainDate(date) ? date : undefined;
}

/** The dates a row covers, or the message telling why its date is wrong. */
function parseDates(raw: string): PlainDate[] | string {
  const value = halfWidth(raw);
  if (value === '') return calendarEntryMessages.dateRequired;
  const parts = value.split(/\s*(?:\.\.|~|〜)\s*/);
  if (parts.length > 2) return calendarEntryMessages.dateInvalid(raw);
  const from = parseDate(parts[0]!);
  const to = parts.length === 2 ? parseDate(parts[1]!) : from;
  if (!from || !to) return calendarEntryMessages.dateInvalid(raw);
  if (to < from) return calendarEntryMessages.rangeReversed(raw);
  if (daysBetween(from, to) >= CALENDAR_RANGE_MAX_DAYS) return calendarEntryMessages.rangeTooLong(raw);
  return eachDate(from, to);
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function findBranch(value: string, branches: BranchRef[]): BranchRef | undefined {
  const key = value.trim();
  const lower = halfWidth(key).toLowerCase();
  return branches.find((b) => b.code === lower || b.name === key || b.shortName === key);
}

/**
 * Checks every row and expands date ranges. Errors name the row's line; duplicates inside the
 * file name both lines. Existing rows in the database are not duplicates: importing updates them.
 */
export function validateCalendarEntries(
  rows: CalendarEntryRow[],
  branches: BranchRef[],
): { entries: CalendarEntry[]; errors: CalendarEntryError[] } {
  const entries: CalendarEntry[] = [];
  const errors: CalendarEntryError[] = [];
  const seen = new Map<string, number>();

  for (const row of rows) {
    const problems: string[] = [];
    const report = (message: string) => problems.push(message);

    const branchValue = row.branch.trim();
    const branch = branchValue === '' ? undefined : findBranch(branchValue, branches);
    if (branchValue === '') report(calendarEntryMessages.branchRequired);
    else if (!branch) report(calendarEntryMessages.unknownBranch(branchValue, branches));

    const dates = parseDates(row.date);
    if (typeof dates === 'string') report(dates);

    const kindValue = halfWidth(row.kind);
    const kind = KIND_ALIASES[kindValue.toLowerCase()];
    if (!kind) report(calendarEntryMessages.kindInvalid(row.kind.trim()));

    const text = row.text.trim();
    if (text === '') {
      if (kind)
        report(
          kind === 'closed' ? calendarEntryMessages.reasonRequired : calendarEntryMessages.titleRequired,
        );
    } else if (text.length > CALENDAR_TEXT_MAX) report(calendarEntryMessages.textTooLong);

    const timeValue = halfWidth(row.time ?? '');
    let time: string | null = null;
    if (timeValue !== '') {
      const match = TIME.exec(timeValue);
      if (kind === 'closed') report(calendarEntryMessages.timeOnClosed);
      else if (!match) report(calendarEntryMessages.timeInvalid(row.time!.trim()));
      else time = `${match[1]!.padStart(2, '0')}:${match[2]}`;
    }

    const description = (row.description ?? '').trim();
    if (description.length > CALENDAR_DESCRIPTION_MAX) report(calendarEntryMessages.descriptionTooLong);

    if (problems.length > 0 || !branch || !kind || typeof dates === 'string') {
      for (const message of problems) errors.push({ line: row.line, message });
      continue;
    }

    for (const date of dates) {
      const key =
        kind === 'closed' ? `closed|${branch.code}|${date}` : `event|${branch.code}|${date}|${text}`;
      const firstLine = seen.get(key);
      if (firstLine !== undefined) {
        errors.push({
          line: row.line,
          message:
            kind === 'closed'
              ? calendarEntryMessages.duplicateClosed(branch.name, date, firstLine)
              : calendarEntryMessages.duplicateEvent(branch.name, date, text, firstLine),
        });
        // One message per row is enough for a duplicated range.
        break;
      }
      seen.set(key, row.line);
      entries.push(
        kind === 'closed'
          ? { line: row.line, kind, branchCode: branch.code, date, reason: text }
          : {
              line: row.line,
              kind,
              branchCode: branch.code,
              date,
              title: text,
              time,
              description: description === '' ? null : description,
            },
      );
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { entries, errors };
}
