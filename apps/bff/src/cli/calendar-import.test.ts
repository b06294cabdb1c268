import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatEntryError, calendarEntryMessages as m } from '@library/domain';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { branches, closedDays, events } from '../db/schema.ts';
import { DEMO_BRANCHES, loadDemoData } from '../db/seed/demo-data.ts';
import { parseEnv } from '../env.ts';
import { importCalendarFile, parseCalendarCsv, parseCalendarIcs } from '../services/calendar-import.ts';
import { openTestDatabase } from '../test/test-database.ts';
import { runCalendarImport } from './calendar-import.ts';

const examples = fileURLToPath(new URL('./examples/', import.meta.url));
const HEADER = 'branch,date,kind,reason_or_title,time';

let database: Database & { url?: string };
let dir: string;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoData(database.db, '2021-01-20');
  dir = mkdtempSync(join(tmpdir(), 'calendar-import-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function closedOn(branchCode: string, date: string) {
  const [row] = await database.db
    .select({ reason: closedDays.reason })
    .from(closedDays)
    .where(and(eq(closedDays.branchCode, branchCode), eq(closedDays.date, date)));
  return row?.reason;
}

async function eventTitled(title: string) {
  const [row] = await database.db.select().from(events).where(eq(events.title, title));
  return row;
}

async function counts() {
  const [c] = await database.db.select({ n: count() }).from(closedDays);
  const [e] = await database.db.select({ n: count() }).from(events);
  return { closed: c!.n, events: e!.n };
}

describe('calendar import: good files', () => {
  it('imports the example CSV: ranges, Japanese branch names, quoted fields; again without duplicates', async () => {
    const before = await counts();
    const result = await importCalendarFile(database.db, join(examples, 'calendar-2022.csv'));
    expect(result).toEqual({ ok: true, dryRun: false, closures: 11, events: 3 });
    // Monday 2/14 was a weekly closed day: the file's reason replaces it.
    expect(await closedOn('main', '2022-02-14')).toBe('特別整理期間');
    expect(await closedOn('main', '2022-02-18')).toBe('特別整理期間');
    expect(await closedOn('mitsuhashi', '2022-03-09')).toBe('特別整理期間');
    expect(await closedOn('yamato', '2022-05-06')).toBe('臨時休館（設備点検）');
    expect(await eventTitled('子ども読書の日 映画会')).toMatchObject({
      branchCode: 'yamato',
      date: '2022-04-23',
      time: '13:30',
      description: '「子ども読書の日」にちなむ映画会。定員30名, 当日先着順',
    });
    const after = await counts();
    // 2/14 already existed; 2/15–2/18 and the later ones are new (the demo data ends 2022-02-24).
    expect(after.events - before.events).toBe(3);

    expect(await importCalendarFile(database.db, join(examples, 'calendar-2022.csv'))).toMatchObject({
      ok: true,
    });
    expect(await counts()).toEqual(after);
  });

  it('imports the example iCalendar file: all-day runs with an exclusive DTEND, a timed event, escapes', async () => {
    const result = await importCalendarFile(database.db, join(examples, 'calendar-2022.ics'));
    expect(result).toEqual({ ok: true, dryRun: false, closures: 6, events: 1 });
    expect(await eventTitled('春休みおはなし会')).toMatchObject({
      branchCode: 'main',
      date: '2022-03-19',
      time: '14:00',
      description: '絵本の読み聞かせと手遊び（幼児・小学生向け, 申込不要）',
    });
  });

  it('reads Excel’s Shift_JIS CSV with CRLF line ends, and a UTF-8 BOM', async () => {
    const csv = `${HEADER}\r\n本館,2022/3/1,休館日,臨時休館,\r\n`;
    const sjis = new Uint8Array(Buffer.from(new TextEncoderShiftJis().encode(csv)));
    expect(await importCalendarFile(database.db, file('sjis.csv', sjis))).toMatchObject({
      ok: true,
      closures: 1,
    });
    expect(await closedOn('main', '2022-03-01')).toBe('臨時休館');
    const bom = `\uFEFF${HEADER}\nyamato,2022-03-02,closed,臨時休館,\n`;
    expect(await importCalendarFile(database.db, file('bom.csv', bom))).toMatchObject({
      ok: true,
      closures: 1,
    });
  });

  it('with dryRun checks the file and writes nothing', async () => {
    const path = file('dry.csv', `${HEADER}\nmain,2023-01-10,closed,臨時休館,\n`);
    expect(await importCalendarFile(database.db, path, { dryRun: true })).toEqual({
      ok: true,
      dryRun: true,
      closures: 1,
      events: 0,
    });
    expect(await closedOn('main', '2023-01-10')).toBeUndefined();
  });
});

describe('calendar import: bad files change nothing', () => {
  it('reports each kind of bad row with its line and imports none of the good ones', async () => {
    const before = await counts();
    const path = file(
      'bad.csv',
      [
        HEADER,
        'main,2023-02-01,closed,特別整理期間,', // 2: good, must not be written
        'honkan,2023-02-02,closed,特別整理期間,', // 3: unknown branch
        'main,2023-02-30,closed,特別整理期間,', // 4: bad date
        'main,2023-02-01,closed,臨時休館,', // 5: duplicate of line 2
        'main,2023-02-03,closed,,', // 6: missing reason
        'main,2023-02-04,holiday,祝日,', // 7: bad kind
        'main,2023-02-04,event,おはなし会,2pm', // 8: bad time
        'main,2023-02-05,closed', // 9: too few columns
        '', // blank lines are skipped
        'main,2023-02-06,event,おはなし会,14:00', // 11: good
      ].join('\n'),
    );
    const result = await importCalendarFile(database.db, path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatEntryError)).toEqual([
      `3行目: ${m.unknownBranch('honkan', [
        { code: 'main', name: '柳川図書館', shortName: '本館' },
        { code: 'mitsuhashi', name: '三橋図書館', shortName: '三橋' },
        { code: 'yamato', name: '大和図書館', shortName: '大和' },
      ])}`,
      `4行目: ${m.dateInvalid('2023-02-30')}`,
      `5行目: ${m.duplicateClosed('柳川図書館', '2023-02-01', 2)}`,
      `6行目: ${m.reasonRequired}`,
      `7行目: ${m.kindInvalid('holiday')}`,
      `8行目: ${m.timeInvalid('2pm')}`,
      '9行目: 列の数が3です。見出しと同じ5列にしてください。',
    ]);
    expect(await counts()).toEqual(before);
    expect(await closedOn('main', '2023-02-01')).toBeUndefined();
  });

  it('refuses a file without the header, an unclosed quote, or no rows', async () => {
    const noHeader = parseCalendarCsv('main,2023-02-01,closed,特別整理期間,\n');
    expect(noHeader.errors[0]!.line).toBe(1);
    expect(noHeader.errors[0]!.message).toContain('branch,date,kind,reason_or_title,time');

    const quote = parseCalendarCsv(`${HEADER}\nmain,2023-02-01,closed,"特別整理期間,\n`);
    expect(quote.errors).toEqual([{ line: 2, message: '引用符（"）が閉じられていません。' }]);

    const multiLine = parseCalendarCsv(
      `${HEADER},description\nmain,2023-02-01,event,会,10:00,"一行目\n二行目"\nmain,x,closed,r,,\n`,
    );
    expect(multiLine.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(multiLine.rows[0]!.description).toBe('一行目\n二行目');

    expect(await importCalendarFile(database.db, file('empty.csv', `${HEADER}\n`))).toEqual({
      ok: false,
      errors: [{ line: 1, message: '取り込む行がありません。' }],
    });
  });

  it('reports bad iCalendar events at their lines', () => {
    const ics = [
      'BEGIN:VCALENDAR', // 1
      'VERSION:2.0',
      'BEGIN:VEVENT', // 3: no DTSTART
      'SUMMARY:特別整理期間',
      'X-LIBRARY-KIND:closed',
      'X-LIBRARY-BRANCH:main',
      'END:VEVENT',
      'BEGIN:VEVENT', // 8
      'DTSTART;TZID=America/New_York:20230301T100000', // 9: other time zone
      'SUMMARY:おはなし会',
      'CATEGORIES:EVENT',
      'LOCATION:本館',
      'END:VEVENT',
      'BEGIN:VEVENT', // 14
      'DTSTART;VALUE=DATE:20230310',
      'DTEND;VALUE=DATE:20230305', // 16: before the start
      'SUMMARY:特別整理期間',
      'X-LIBRARY-KIND:closed',
      'X-LIBRARY-BRANCH:main',
      'END:VEVENT',
      'BEGIN:VEVENT', // 21: no kind
      'DTSTART;VALUE=DATE:20230311',
      'SUMMARY:特別整理',
      ' 期間', // folded line
      'X-LIBRARY-BRANCH:main',
      'END:VEVENT',
      'BEGIN:VEVENT', // 27: good, folded summary
      'DTSTART;VALUE=DATE:20230312',
      'SUMMARY:特別整理',
      '  期間',
      'X-LIBRARY-KIND:closed',
      'X-LIBRARY-BRANCH:nowhere',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = parseCalendarIcs(ics);
    expect(parsed.errors).toEqual([
      { line: 3, message: 'DTSTART（日付）がありません。' },
      {
        line: 9,
        message: 'DTSTART の TZID は Asia/Tokyo にしてください（「America/New_York」は使えません）。',
      },
      { line: 16, message: 'DTEND は DTSTART より後の日付にしてください。' },
      {
        line: 21,
        message:
          'X-LIBRARY-KIND（または CATEGORIES）で closed（休館日）か event（イベント）を指定してください。',
      },
    ]);
    expect(parsed.rows).toEqual([
      { line: 27, branch: 'nowhere', date: '2023-03-12', kind: 'closed', text: '特別整理 期間', time: '' },
    ]);
    expect(parseCalendarIcs('hello').errors[0]!.message).toContain('BEGIN:VCALENDAR');
  });

  it('converts a UTC event time to Tokyo time', () => {
    const ics =
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20230301T050000Z\nSUMMARY:映画会\nX-LIBRARY-KIND:event\nX-LIBRARY-BRANCH:yamato\nEND:VEVENT\nEND:VCALENDAR\n';
    expect(parseCalendarIcs(ics).rows[0]).toMatchObject({ date: '2023-03-01', time: '14:00' });
  });
});

describe('pnpm calendar:import (the command)', () => {
  let cliDb: {
    env: ReturnType<typeof parseEnv>;
    open: () => Promise<Database>;
    cleanup: () => Promise<void>;
  };
  beforeAll(async () => {
    // The command opens its own connection, as the server does: a PostgreSQL test database, or
    // a PGlite stored in a temporary DATA_DIR (an in-memory one would be a different database).
    if (database.url) {
      cliDb = {
        env: parseEnv({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }),
        open: async () => database,
        cleanup: async () => {},
      };
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'calendar-cli-'));
      const seeded = await openDatabase({ dataDir });
      // The command needs only the branches; the whole demo data would make this much slower.
      await seeded.db.insert(branches).values([...DEMO_BRANCHES]);
      await seeded.close();
      cliDb = {
        env: parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
        open: () => openDatabase({ dataDir }),
        cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    }
  });
  afterAll(async () => {
    await cliDb.cleanup();
  });

  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { info: (l: string) => out.push(l), error: (l: string) => err.push(l) } };
  }

  it('imports a file named relative to where it was typed, and exits 0', async () => {
    file('cli-good.csv', `${HEADER}\nmitsuhashi,2023-04-04..2023-04-05,closed,特別整理期間,\n`);
    const r = io();
    const status = await runCalendarImport(['--', 'cli-good.csv'], { env: cliDb.env, cwd: dir, io: r.io });
    expect(r.err).toEqual([]);
    expect(status).toBe(0);
    expect(r.out[0]).toContain('休館日 2日、イベント 0件を取り込みました');
    const db = await cliDb.open();
    try {
      const rows = await db.db.select().from(closedDays).where(eq(closedDays.date, '2023-04-05'));
      expect(rows).toEqual([{ branchCode: 'mitsuhashi', date: '2023-04-05', reason: '特別整理期間' }]);
    } finally {
      if (!database.url) await db.close();
    }
  });

  it('exits 1 naming the lines when a row is wrong, and 2 for usage errors', async () => {
    file('cli-bad.csv', `${HEADER}\nmain,2023-04-31,closed,特別整理期間,\n`);
    const r = io();
    expect(await runCalendarImport(['cli-bad.csv'], { env: cliDb.env, cwd: dir, io: r.io })).toBe(1);
    expect(r.err[0]).toContain('1件の誤りがあるため、何も取り込みませんでした。');
    expect(r.err[1]).toBe(`  2行目: ${m.dateInvalid('2023-04-31')}`);

    const usage = io();
    expect(await runCalendarImport([], { env: cliDb.env, io: usage.io })).toBe(2);
    expect(usage.err[0]).toBe('ファイルをひとつ指定してください。');
    const missing = io();
    expect(await runCalendarImport(['nothing.csv'], { env: cliDb.env, cwd: dir, io: missing.io })).toBe(2);
    expect(missing.err[0]).toContain('ファイルを読めません');
  });
});

/** Node has no Shift_JIS encoder; the test's few characters are encoded by a small table. */
class TextEncoderShiftJis {
  encode(text: string): number[] {
    const table: Record<string, number[]> = {
      本: [0x96, 0x7b],
      館: [0x8a, 0xd9],
      休: [0x8b, 0x78],
      日: [0x93, 0xfa],
      臨: [0x97, 0xd5],
      時: [0x8e, 0x9e],
    };
    return [...text].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]);
  }
}
