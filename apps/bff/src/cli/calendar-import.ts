import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatEntryError } from '@library/domain';
import { openDatabase } from '../db/client.ts';
import { ConfigError, type Env, parseEnv } from '../env.ts';
import { importCalendarFile } from '../services/calendar-import.ts';

const USAGE = `使い方: pnpm calendar:import [--dry-run] FILE
  FILE       休館日・イベントの CSV（.csv）または iCalendar（.ics）ファイル（書き方は docs/calendar-import.md）
  --dry-run  検査だけして、データベースには書き込まない
データベースはサーバーと同じ環境変数（DATABASE_URL, DATA_DIR）で開きます。`;

export interface CliIo {
  info(line: string): void;
  error(line: string): void;
}

/**
 * `pnpm calendar:import FILE`: 0 when the whole file was imported (or checked with --dry-run),
 * 1 when a row is wrong (nothing written), 2 for a usage or configuration error.
 */
export async function runCalendarImport(
  argv: string[],
  options: { env?: Env; cwd?: string; io?: CliIo } = {},
): Promise<number> {
  const io = options.io ?? { info: (l) => console.info(l), error: (l) => console.error(l) };
  const args = argv.filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    io.info(USAGE);
    return 0;
  }
  const dryRun = args.includes('--dry-run') || args.includes('--check');
  const unknownFlags = args.filter((a) => a.startsWith('-') && !['--dry-run', '--check'].includes(a));
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknownFlags.length > 0 || files.length !== 1) {
    io.error(
      unknownFlags.length > 0
        ? `知らないオプションです: ${unknownFlags.join(' ')}`
        : 'ファイルをひとつ指定してください。',
    );
    io.error(USAGE);
    return 2;
  }
  // Run through pnpm/npm from the repository root, the script's cwd is apps/bff: the file is
  // relative to where the command was typed (INIT_CWD).
  const cwd = options.cwd ?? process.env.INIT_CWD ?? process.cwd();
  const file = isAbsolute(files[0]!) ? files[0]! : resolve(cwd, files[0]!);

  let env: Env;
  try {
    env = options.env ?? parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      io.error(error.message);
      return 2;
    }
    throw error;
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1 });
  } catch (error) {
    io.error(`データベースを開けませんでした（${(error as Error).message}）。`);
    io.error('PGlite（DATABASE_URL 未設定）のときは、サーバーを止めてから実行してください。');
    return 2;
  }
  try {
    const result = await importCalendarFile(database.db, file, { dryRun });
    if (!result.ok) {
      io.error(`${file}: ${result.errors.length}件の誤りがあるため、何も取り込みませんでした。`);
      for (const error of result.errors) io.error(`  ${formatEntryError(error)}`);
      return 1;
    }
    io.info(
      `${file}: 休館日 ${result.closures}日、イベント ${result.events}件を${result.dryRun ? '検査しました（--dry-run: 書き込みなし）' : '取り込みました'}。`,
    );
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.error(`ファイルを読めません: ${file}（${code}）`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await runCalendarImport(process.argv.slice(2));
}
