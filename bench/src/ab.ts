// npm run bench:ab -- --base ../other-checkout [--seconds 6] [--concurrency 16] [--rounds 3]
//               [--scenario list|renewal] [--patrons 100] [--loans 1000] [--profile]
// Two BFFs side by side on one seeded database: this checkout's (B) and another checkout's (A,
// e.g. `git worktree add ../base main`, with its dependencies installed). Each round measures
// B A A B for `seconds` each half, so load on a shared machine weighs on both alike, and prints
// B / A for throughput and for CPU µs per request. For a change to the BFF's per-request cost,
// where the main bench's ratio against the raw driver moves too little to see between runs.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, positiveInt } from './args.ts';
import { createBenchDatabase, DEFAULT_SERVER } from './bench-db.ts';
import { openDatabase } from './bff.ts';
import { type BffProcess, repoRoot, startBff } from './bff-process.ts';
import { type DatasetSize, patronOfLoan, renewableLoan, renewableLoanCount, seedDataset } from './dataset.ts';
import { combine, type Figure, httpLoad, withCpuOf } from './measure.ts';
import { BENCH_TODAY } from './progress.ts';
import { createSessions, spread } from './workloads.ts';

const args = parseArgs(process.argv.slice(2), {
  base: '',
  seconds: '6',
  concurrency: '16',
  rounds: '3',
  scenario: 'list',
  patrons: '100',
  loans: '1000',
  database: 'library_bench_ab',
  /** CPU-profile B (bench/results/tmp/profile-ab/*.cpuprofile; summarise with src/profile-summary.ts). */
  profile: false,
});
// Relative to where `npm run` was typed (pnpm runs this from bench/).
const base = resolve(process.env.INIT_CWD ?? process.cwd(), args.base);
if (!args.base || !existsSync(join(base, 'packages/test-kit/src/index.ts')))
  throw new Error('--base must name another checkout of this repository (with its dependencies installed)');
if (args.scenario !== 'list' && args.scenario !== 'renewal') throw new Error('--scenario is list or renewal');
const seconds = positiveInt(args.seconds, 'seconds');
const c = positiveInt(args.concurrency, 'concurrency');
const rounds = positiveInt(args.rounds, 'rounds');
const size: DatasetSize = {
  patrons: positiveInt(args.patrons, 'patrons'),
  loans: positiveInt(args.loans, 'loans'),
};

const tmp = join(repoRoot, 'bench/results/tmp');
const database = await createBenchDatabase(process.env.DATABASE_URL ?? DEFAULT_SERVER, args.database);
const { db, close } = await openDatabase({ url: database.url, dataDir: tmp });
const sides: Array<{ name: string; bff?: BffProcess }> = [
  { name: 'A (base)' },
  { name: 'B (this checkout)' },
];
try {
  await seedDataset(db, size, BENCH_TODAY, () => {});
  const tokens = await createSessions(db, spread(size.patrons, 1000));
  const cookies = [...tokens.values()].map((t) => `sid=${t}`);
  const renewalTokens =
    args.scenario === 'renewal' ? await createSessions(db, spread(size.patrons, size.patrons)) : tokens;
  const env = { DATABASE_URL: database.url, LIBRARY_TODAY: BENCH_TODAY, LOG_LEVEL: 'info' };
  // A from the other checkout's own test kit (so its apps/bff is the one started), B from ours.
  const baseKit = (await import(pathToFileURL(join(base, 'packages/test-kit/src/index.ts')).href)) as {
    startBff: typeof import('@library/test-kit').startBff;
  };
  sides[0]!.bff = await baseKit.startBff({
    inheritEnv: true,
    env: { DEMO_DATA: 'false', ...env },
    logFile: join(tmp, 'ab-a.log'),
    timeoutMs: 60_000,
  });
  sides[1]!.bff = await startBff({
    env,
    logFile: join(tmp, 'ab-b.log'),
    ...(args.profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${join(tmp, 'profile-ab')}`] } : {}),
  });

  let i = 0;
  let loan = 0;
  const renewable = renewableLoanCount(size);
  const load = (bff: BffProcess, half: number) =>
    withCpuOf(bff.pid, () =>
      args.scenario === 'list'
        ? httpLoad({
            url: bff.url,
            connections: c,
            seconds: half,
            method: 'GET',
            path: '/api/loans',
            next: () => ({ headers: { cookie: cookies[i++ % cookies.length]! } }),
          })
        : httpLoad({
            url: bff.url,
            connections: c,
            seconds: half,
            method: 'POST',
            path: '/api/renewals',
            next: () => {
              // Every request a fresh loan (past the dataset's renewable loans they are refused: a
              // 409 counts as an error, and the run says so).
              const id = renewableLoan(loan++ % renewable);
              return {
                headers: {
                  cookie: `sid=${renewalTokens.get(patronOfLoan(id, size))}`,
                  'content-type': 'application/json',
                },
                body: JSON.stringify({ loanIds: [id] }),
              };
            },
          }),
    );
  const [a, b] = sides.map((s) => s.bff!);
  const totals: Figure[][] = [[], []];
  console.info(
    `${args.scenario}, c = ${c}, ${rounds} rounds of B A A B × ${seconds / 2} s; ${size.loans} loans`,
  );
  for (let round = 1; round <= rounds; round++) {
    const b1 = await load(b!, seconds / 2);
    const a1 = await load(a!, seconds / 2);
    const a2 = await load(a!, seconds / 2);
    const b2 = await load(b!, seconds / 2);
    const fa = combine(a1, a2);
    const fb = combine(b1, b2);
    totals[0]!.push(fa);
    totals[1]!.push(fb);
    console.info(
      `round ${round}: A ${fa.rps.toFixed(0)} req/s ${fa.cpuUsPerRequest!.toFixed(0)} µs | B ${fb.rps.toFixed(0)} req/s ${fb.cpuUsPerRequest!.toFixed(0)} µs | B/A req/s ${(fb.rps / fa.rps).toFixed(2)}, CPU ${(fb.cpuUsPerRequest! / fa.cpuUsPerRequest!).toFixed(2)}${fa.errors + fb.errors ? ` (errors A ${fa.errors}, B ${fb.errors})` : ''}`,
    );
  }
  const [ta, tb] = totals.map((figures) => figures.reduce(combine));
  console.info(
    `all: A ${ta!.rps.toFixed(0)} req/s ${ta!.cpuUsPerRequest!.toFixed(0)} µs/req | B ${tb!.rps.toFixed(0)} req/s ${tb!.cpuUsPerRequest!.toFixed(0)} µs/req | B/A req/s ${(tb!.rps / ta!.rps).toFixed(2)}, CPU ${(tb!.cpuUsPerRequest! / ta!.cpuUsPerRequest!).toFixed(2)}`,
  );
} finally {
  for (const s of sides) await s.bff?.stop();
  await close();
  await database.drop();
}
