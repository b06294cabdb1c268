import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  addDays,
  type CalendarEntry,
  type CalendarEntryError,
  type CalendarEntryRow,
  validateCalendarEntries,
} from '@library/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { closedDays, events } from '../db/schema.ts';
import { listBranches } from './calendar.ts';

/**
 * Staff import of closures and events (docs/calendar-import.md): a CSV or an iCalendar file is
 * parsed, every row validated, and all of it applied in one transaction — or none of it.
 */

export const CSV_COLUMNS = ['branch', 'date', 'kind', 'reason_or_title', 'time'] as const;
const CSV_OPTIONAL_COLUMNS = ['description'] as const;

export interface ParsedFile {
  rows: CalendarEntryRow[];
  errors: CalendarEntryError[];
}

/** UTF-8 (with or without BOM); Excel's Japanese CSV is Shift_JIS, so that is accepted too. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('shift_jis').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180 records with the line each starts on (a quoted field may span lines). */
function csvRecords(text: string): { line: number; fields: string[] }[] | CalendarEntryError {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: startLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '' && !afterQuote) {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else if (afterQuote) {
      if (ch.trim() !== '') return { line, message: '引用符（"）で囲んだ値の後ろに文字があります。' };
    } else {
      field += ch;
    }
  }
  if (quoted) return { line: startLine, message: '引用符（"）が閉じられていません。' };
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

export function parseCalendarCsv(text: string): ParsedFile {
  const records = csvRecords(text);
  if (!Array.isArray(records)) return { rows: [], errors: [records] };
  const [header, ...body] = records;
  const expected = [...CSV_COLUMNS].join(',');
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const validHeader =
    names.length >= CSV_COLUMNS.length &&
    CSV_COLUMNS.every((c, i) => names[i] === c) &&
    names.slice(CSV_COLUMNS.length).every((c, i) => c === CSV_OPTIONAL_COLUMNS[i]);
  if (!header || !validHeader) {
    return {
      rows: [],
      errors: [
        {
          line: header?.line ?? 1,
          message: `1行目は見出し「${expected}」（説明を付けるときは末尾に「,description」）にしてください。`,
        },
      ],
    };
  }
  const rows: CalendarEntryRow[] = [];
  const errors: CalendarEntryError[] = [];
  for (const { line, fields } of body) {
    if (fields.length !== names.length) {
      errors.push({
        line,
        message: `列の数が${fields.length}です。見出しと同じ${names.length}列にしてください。`,
      });
      continue;
    }
    const [branch, date, kind, text, time, description] = fields as [
      string,
      string,
      string,
      string,
      string,
      string?,
    ];
    rows.push({
      line,
      branch,
      date,
      kind,
      text,
      time,
      ...(description !== undefined ? { description } : {}),
    });
  }
  return { rows, errors };
}

interface IcsProperty {
  line: number;
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds RFC 5545 content lines, keeping the physical line each property starts on. */
function icsProperties(text: string): IcsProperty[] {
  const physical = text.split(/\r\n|\n|\r/);
  const props: IcsProperty[] = [];
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    if (/^[ \t]/.test(raw) && props.length > 0) {
      const last = props.at(-1)!;
      last.value += raw.slice(1);
      continue;
    }
    if (raw.trim() === '') continue;
    const colon = raw.indexOf(':');
    if (colon < 0) {
      props.push({ line: i + 1, name: raw.trim().toUpperCase(), params: {}, value: '' });
      continue;
    }
    const [name, ...paramParts] = raw.slice(0, colon).split(';');
    const params = Object.fromEntries(
      paramParts.map((p) => {
        const [k, ...v] = p.split('=');
        return [k!.toUpperCase(), v.join('=').replace(/^"|"$/g, '')];
      }),
    );
    props.push({ line: i + 1, name: name!.trim().toUpperCase(), params, value: raw.slice(colon + 1) });
  }
  return props;
}

const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** iCalendar DATE or DATE-TIME → the Tokyo date and, for a DATE-TIME, the time. */
function icsDate(prop: IcsProperty): { date: string; time?: string } | string {
  const value = prop.value.trim();
  const dateOnly = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (dateOnly) return { date: `${dateOnly[1]}-${dateOnly[2]}-${dateOnly[3]}` };
  const dateTime = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!dateTime) return `${prop.name}「${value}」は 20220215 または 20220212T140000 の形にしてください。`;
  const [, y, mo, d, h, mi, , utc] = dateTime;
  const tzid = prop.params.TZID;
  if (utc) {
    const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:00Z`);
    if (Number.isNaN(instant.getTime())) return `${prop.name}「${value}」が正しくありません。`;
    const tokyo = new Date(instant.getTime() + 9 * 3_600_000).toISOString();
    return { date: tokyo.slice(0, 10), time: tokyo.slice(11, 16) };
  }
  if (tzid !== undefined && tzid !== 'Asia/Tokyo') {
    return `${prop.name} の TZID は Asia/Tokyo にしてください（「${tzid}」は使えません）。`;
  }
  return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}` };
}

const CLOSED_CATEGORIES = new Set(['CLOSED', '休館', '休館日']);
const EVENT_CATEGORIES = new Set(['EVENT', 'イベント', '行事']);

/**
 * VEVENTs: DTSTART (DATE, or DATE-TIME for an event's time), optional DTEND (exclusive, for a
 * run of closed days), SUMMARY, X-LIBRARY-KIND or CATEGORIES (closed / event), X-LIBRARY-BRANCH
 * or LOCATION (branch code or name), DESCRIPTION.
 */
export function parseCalendarIcs(text: string): ParsedFile {
  const props = icsProperties(text);
  const rows: CalendarEntryRow[] = [];
  const errors: CalendarEntryError[] = [];
  if (props[0]?.name !== 'BEGIN' || props[0].value.trim().toUpperCase() !== 'VCALENDAR') {
    return {
      rows,
      errors: [
        { line: props[0]?.line ?? 1, message: 'BEGIN:VCALENDAR で始まる iCalendar ファイルではありません。' },
      ],
    };
  }
  let event: IcsProperty[] | undefined;
  let eventLine = 0;
  for (const prop of props) {
    if (prop.name === 'BEGIN' && prop.value.trim().toUpperCase() === 'VEVENT') {
      event = [];
      eventLine = prop.line;
    } else if (prop.name === 'END' && prop.value.trim().toUpperCase() === 'VEVENT') {
      if (event) {
        const parsed = icsEventRow(event, eventLine);
        if ('message' in parsed) errors.push(parsed);
        else rows.push(parsed);
      }
      event = undefined;
    } else if (event) {
      event.push(prop);
    }
  }
  if (event) errors.push({ line: eventLine, message: 'BEGIN:VEVENT に対応する END:VEVENT がありません。' });
  return { rows, errors };
}

function icsEventRow(props: IcsProperty[], line: number): CalendarEntryRow | CalendarEntryError {
  const get = (name: string) => props.find((p) => p.name === name);
  const start = get('DTSTART');
  if (!start) return { line, message: 'DTSTART（日付）がありません。' };
  const from = icsDate(start);
  if (typeof from === 'string') return { line: start.line, message: from };
  let date = from.date;
  const end = get('DTEND');
  if (end && !from.time) {
    const to = icsDate(end);
    if (typeof to === 'string') return { line: end.line, message: to };
    // DTEND of an all-day VEVENT is the day after the last one.
    const last = addDaysSafe(to.date, -1);
    if (last === undefined) return { line: end.line, message: `DTEND「${end.value}」が正しくありません。` };
    if (last < date) return { line: end.line, message: 'DTEND は DTSTART より後の日付にしてください。' };
    if (last > date) date = `${date}..${last}`;
  }
  const kindProp = get('X-LIBRARY-KIND') ?? get('CATEGORIES');
  if (!kindProp)
    return {
      line,
      message:
        'X-LIBRARY-KIND（または CATEGORIES）で closed（休館日）か event（イベント）を指定してください。',
    };
  const kindValue = unescapeText(kindProp.value)
    .split(',')
    .map((c) => c.trim());
  const kind =
    kindValue.find((c) => CLOSED_CATEGORIES.has(c.toUpperCase())) !== undefined
      ? 'closed'
      : kindValue.find((c) => EVENT_CATEGORIES.has(c.toUpperCase())) !== undefined
        ? 'event'
        : (kindValue[0] ?? '');
  const branch = get('X-LIBRARY-BRANCH') ?? get('LOCATION');
  const description = get('DESCRIPTION');
  return {
    line,
    branch: branch ? unescapeText(branch.value) : '',
    date,
    kind,
    text: unescapeText(get('SUMMARY')?.value ?? ''),
    time: from.time ?? '',
    ...(description ? { description: unescapeText(description.value) } : {}),
  };
}

function addDaysSafe(date: string, days: number): string | undefined {
  try {
    return addDays(date, days);
  } catch {
    return undefined;
  }
}

export interface ImportSummary {
  closures: number;
  events: number;
}

export type ImportResult =
  | ({ ok: true; dryRun: boolean } & ImportSummary)
  | { ok: false; errors: CalendarEntryError[] };

/** Which parser a file gets: by its extension, else by its first line. */
export function parseCalendarFile(path: string, text: string): ParsedFile {
  const ext = extname(path).toLowerCase();
  if (ext === '.ics' || ext === '.ical' || (ext !== '.csv' && /^BEGIN:VCALENDAR/i.test(text))) {
    return parseCalendarIcs(text);
  }
  return parseCalendarCsv(text);
}

/**
 * Imports a file: all rows or none. Existing closed days of the same branch and date get the
 * file's reason; existing events (same branch, date and title) get its time and description.
 */
export async function importCalendarFile(
  db: Db,
  path: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const text = decodeText(await readFile(path));
  const parsed = parseCalendarFile(path, text);
  const branchList = await listBranches(db);
  if (branchList.length === 0) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message:
            'データベースに館がひとつも登録されていません。取り込む先のデータベースか確かめてください。',
        },
      ],
    };
  }
  const { entries, errors } = validateCalendarEntries(parsed.rows, branchList);
  const allErrors = [...parsed.errors, ...errors].sort((a, b) => a.line - b.line);
  if (allErrors.length > 0) return { ok: false, errors: allErrors };
  if (entries.length === 0) {
    return { ok: false, errors: [{ line: 1, message: '取り込む行がありません。' }] };
  }
  const closures = entries.filter(
    (e): e is Extract<CalendarEntry, { kind: 'closed' }> => e.kind === 'closed',
  );
  const eventEntries = entries.filter(
    (e): e is Extract<CalendarEntry, { kind: 'event' }> => e.kind === 'event',
  );
  if (!options.dryRun) {
    await db.transaction(async (tx) => {
      // Chunks keep each statement well under PostgreSQL's 65535 parameters.
      for (const chunk of chunks(closures, 1000)) {
        await tx
          .insert(closedDays)
          .values(chunk.map((e) => ({ branchCode: e.branchCode, date: e.date, reason: e.reason })))
          .onConflictDoUpdate({
            target: [closedDays.branchCode, closedDays.date],
            set: { reason: sql`excluded.reason` },
          });
      }
      for (const chunk of chunks(eventEntries, 1000)) {
        await tx
          .insert(events)
          .values(
            chunk.map((e) => ({
              branchCode: e.branchCode,
              date: e.date,
              title: e.title,
              time: e.time,
              description: e.description,
            })),
          )
          .onConflictDoUpdate({
            target: [events.branchCode, events.date, events.title],
            set: { time: sql`excluded.time`, description: sql`excluded.description` },
          });
      }
    });
  }
  return {
    ok: true,
    dryRun: options.dryRun ?? false,
    closures: closures.length,
    events: eventEntries.length,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
