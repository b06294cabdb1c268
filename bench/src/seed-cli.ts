// pnpm bench:seed --patrons 100000 --loans 1000000 [--today 2021-01-20] [--database library_bench]
// Creates (or recreates) the bench database on the server of DATABASE_URL and fills it.
import { isPlainDate } from '@library/domain';
import { parseArgs, positiveInt } from './args.ts';
import { createBenchDatabase, DEFAULT_BENCH_DATABASE, DEFAULT_SERVER } from './bench-db.ts';
import { openDatabase } from './bff.ts';
import { seedDataset } from './dataset.ts';
import { BENCH_TODAY, consoleProgress } from './progress.ts';

const args = parseArgs(process.argv.slice(2), {
  patrons: '100000',
  loans: '1000000',
  today: BENCH_TODAY,
  database: DEFAULT_BENCH_DATABASE,
});
if (!isPlainDate(args.today)) throw new Error('--today must be YYYY-MM-DD');
const size = { patrons: positiveInt(args.patrons, 'patrons'), loans: positiveInt(args.loans, 'loans') };
const server = process.env.DATABASE_URL ?? DEFAULT_SERVER;

const started = performance.now();
const { url } = await createBenchDatabase(server, args.database);
const database = await openDatabase({ url, dataDir: '/nonexistent' });
try {
  await seedDataset(database.db, size, args.today, consoleProgress());
} finally {
  await database.close();
}
console.info(
  `seeded ${url.replace(/\/\/[^@]*@/, '//')}: ${size.patrons} patrons, ${size.loans} loans in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
