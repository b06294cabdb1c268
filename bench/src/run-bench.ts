// pnpm bench [--patrons 100000] [--loans 1000000] [--seconds 5] [--concurrency 1,16,64]
//            [--no-pglite] [--no-lighthouse] [--database library_bench] [--profile]
// Builds the SPA, starts the real BFF on PostgreSQL (the server of DATABASE_URL, default
// 127.0.0.1:5432, in a database of the run's own), seeds, and measures side by side with the
// baselines that are the limit for each scenario. Writes bench/results/<date>.json and .md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPlainDate } from '@library/domain';
import postgres from 'postgres';
import { parseArgs, positiveInt } from './args.ts';
import { createBenchDatabase, DEFAULT_BENCH_DATABASE, DEFAULT_SERVER } from './bench-db.ts';
import { openDatabase, sha256 } from './bff.ts';
import { type BffProcess, repoRoot, startBff } from './bff-process.ts';
import { type DatasetSize, patronOfLoan, renewableLoan, renewableLoanCount, seedDataset } from './dataset.ts';
import { runLighthouse } from './lighthouse.ts';
import {
  type Figure,
  type FloorServer,
  httpLatency,
  httpLoad,
  mirrored,
  pgbench,
  rawLoop,
  startFloorServer,
  withCpuOf,
  withOwnCpu,
} from './measure.ts';
import { BENCH_TODAY, consoleProgress } from './progress.ts';
import { type Results, renderMarkdown, type Scenario } from './report.ts';
import {
  createPgbenchSessions,
  createSessions,
  explain,
  recordLoanLists,
  renewalPgbenchScript,
  renewalStatementsFor,
  spread,
  TINY_TABLES,
} from './workloads.ts';

const args = parseArgs(process.argv.slice(2), {
  patrons: '100000',
  loans: '1000000',
  'small-patrons': '100',
  'small-loans': '1000',
  seconds: '5',
  concurrency: '1,16,64',
  today: BENCH_TODAY,
  database: DEFAULT_BENCH_DATABASE,
  'log-level': 'info',
  pglite: true,
  lighthouse: true,
  'keep-database': false,
  /** CPU-profile the BFF on PostgreSQL (bench/results/tmp/profile/*.cpuprofile, for Chrome DevTools). */
  profile: false,
});
if (!isPlainDate(args.today)) throw new Error('--today must be YYYY-MM-DD');
const today = args.today;
const seconds = positiveInt(args.seconds, 'seconds');
const concurrencies = args.concurrency.split(',').map((c) => positiveInt(c, 'concurrency'));
const large: DatasetSize = {
  patrons: positiveInt(args.patrons, 'patrons'),
  loans: positiveInt(args.loans, 'loans'),
};
const small: DatasetSize = {
  patrons: positiveInt(args['small-patrons'], 'small-patrons'),
  loans: positiveInt(args['small-loans'], 'small-loans'),
};
const server = process.env.DATABASE_URL ?? DEFAULT_SERVER;
const SESSION_SAMPLE = 1000;

const resultsDir = join(repoRoot, 'bench/results');
const tmp = join(resultsDir, 'tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const info = (line: string) => console.info(line);
const ms = (n: number) => `${n.toFixed(2)} ms`;
const fmt = (f: Figure) =>
  `${f.rps.toFixed(0)} req/s, p50 ${ms(f.p50)}, p99 ${ms(f.p99)}${f.cpuUsPerRequest === undefined ? '' : `, ${f.cpuUsPerRequest.toFixed(0)} µs CPU/req`}${f.errors ? `, ${f.errors} errors` : ''}`;

const results: Results = {
  date: new Date().toISOString(),
  machine: machineFacts(),
  settings: { seconds, concurrencies, today, large, small, logLevel: args['log-level'] },
  scenarios: [],
  growth: [],
  explain: [],
  pglite: [],
  notes: [],
};

function machineFacts() {
  const pg = spawnSync('psql', [server, '-Atc', 'show server_version'], { encoding: 'utf8' });
  const cpus = spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim();
  return { node: process.version, cores: Number(cpus), postgres: pg.stdout.trim() || 'unknown' };
}

// 1. The SPA, built into a folder of our own (the bundle report and Lighthouse use it).
const webDir = join(tmp, 'web');
info('▶ building the SPA');
const build = spawnSync('npx', ['vite', 'build', '--outDir', webDir, '--emptyOutDir'], {
  cwd: join(repoRoot, 'apps/web'),
  encoding: 'utf8',
});
if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
const bundleJson = join(tmp, 'bundle.json');
const budget = spawnSync(
  process.execPath,
  ['scripts/bundle-budget.mjs', '--dir', webDir, '--json', bundleJson],
  {
    cwd: repoRoot,
    encoding: 'utf8',
  },
);
info(budget.stdout);
results.bundle = JSON.parse(readFileSync(bundleJson, 'utf8'));

// 2. PostgreSQL, small dataset.
info(`▶ PostgreSQL: database ${args.database}, ${small.patrons} patrons / ${small.loans} loans`);
const benchDatabase = await createBenchDatabase(server, args.database);
const { url } = benchDatabase;
const database = await openDatabase({ url, dataDir: tmp });
const pool = postgres(url, { max: 10, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
let bff: BffProcess | undefined;
let floor: FloorServer | undefined;
/**
 * A live patron uses their session within the minute: without this, the first request of
 * each session would also pay the once-a-minute last_seen_at refresh (an extra commit), which
 * the renewal scenario — one request per session — would then measure every time.
 */
const refreshSessions = () => pool`update sessions set last_seen_at = now()`;
try {
  await seedDataset(database.db, small, today, consoleProgress());
  let tokens = await createSessions(database.db, spread(small.patrons, SESSION_SAMPLE));
  bff = await startBff({
    env: {
      DATABASE_URL: url,
      STATIC_DIR: webDir,
      LIBRARY_TODAY: today,
      LOG_LEVEL: args['log-level'],
    },
    logFile: join(tmp, 'bff-postgres.log'),
    ...(args.profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${join(tmp, 'profile')}`] } : {}),
  });
  info(`  BFF ${bff.url} (pid ${bff.pid})`);
  floor = await startFloorServer();
  info(`  floor (empty Hono routes) ${floor.url} (pid ${floor.pid})`);
  /** The empty route at the same concurrency, measured right after ours and its baseline. */
  const floorLoad = (c: number, method: 'GET' | 'POST') =>
    withCpuOf(floor!.pid, () =>
      httpLoad({
        url: floor!.url,
        connections: c,
        seconds,
        method,
        path: '/floor',
        next: (): { headers: Record<string, string>; body?: string } =>
          method === 'GET'
            ? { headers: {} }
            : { headers: { 'content-type': 'application/json' }, body: '{"loanIds":[1]}' },
      }),
    );

  /**
   * Unrecorded load before a path's first point (the loans list, the renewal), so that every
   * point measures warm processes — optimised code, connections open, statements prepared — as a
   * server that has been running is, not the first point paying the JIT for all the others.
   */
  const WARM_UP_SECONDS = 3;
  const warmUp = async (load: () => Promise<unknown>) => {
    await load();
    await floorLoad(16, 'GET');
    await floorLoad(16, 'POST');
  };

  /** The loans list's p50 measured to the microsecond (httpLatency), per dataset and concurrency. */
  const preciseP50 = new Map<string, number>();
  const loansScenario = async (label: string, size: DatasetSize) => {
    const cookies = [...tokens.values()].map((t) => `sid=${t}`);
    const recorded = await recordLoanLists(url, tokens, today);
    let i = 0;
    let j = 0;
    if (size === small) {
      await warmUp(async () => {
        await httpLoad({
          url: bff!.url,
          connections: 16,
          seconds: WARM_UP_SECONDS,
          method: 'GET',
          path: '/api/loans',
          next: () => ({ headers: { cookie: cookies[i++ % cookies.length]! } }),
        });
        await rawLoop({
          sql: pool,
          connections: 16,
          seconds: WARM_UP_SECONDS,
          next: () => recorded[j++ % recorded.length]!,
        });
      });
    }
    for (const c of concurrencies) {
      await refreshSessions();
      const [ours, baseline] = (await mirrored(
        [
          (half) =>
            withCpuOf(bff!.pid, () =>
              httpLoad({
                url: bff!.url,
                connections: c,
                seconds: half,
                method: 'GET',
                path: '/api/loans',
                next: () => ({ headers: { cookie: cookies[i++ % cookies.length]! } }),
              }),
            ),
          (half) =>
            withOwnCpu(() =>
              rawLoop({
                sql: pool,
                connections: c,
                seconds: half,
                next: () => recorded[j++ % recorded.length]!,
              }),
            ),
        ],
        seconds,
      )) as [Figure, Figure];
      const floorFigure = await floorLoad(c, 'GET');
      const precise = await httpLatency({
        url: bff!.url,
        connections: c,
        seconds,
        path: '/api/loans',
        next: () => ({ headers: { cookie: cookies[i++ % cookies.length]! } }),
      });
      preciseP50.set(`${label} ${c}`, precise.p50);
      info(
        `  ${label} c=${c}: API ${fmt(ours)} | raw driver ${fmt(baseline)} | floor ${fmt(floorFigure)} | API p50 to the µs ${ms(precise.p50)}`,
      );
      results.scenarios.push({
        name: `GET /api/loans (${label})`,
        dataset: size,
        concurrency: c,
        ours,
        baseline: { name: 'postgres.js, same statements', ...baseline },
        floor: floorFigure,
        target: 0.6,
      } satisfies Scenario);
    }
    return recorded;
  };

  await loansScenario(`${small.loans} loans`, small);

  // 3. The large dataset, on the same server (the BFF keeps running: its pool just reconnects).
  info(`▶ PostgreSQL: ${large.patrons} patrons / ${large.loans} loans`);
  await seedDataset(database.db, large, today, consoleProgress());
  const allPatrons = Array.from({ length: large.patrons }, (_, k) => k + 1);
  const apiTokens = await createSessions(database.db, allPatrons);
  await createPgbenchSessions(database.db, large.patrons);
  await pool.unsafe('analyze sessions');
  tokens = new Map(spread(large.patrons, SESSION_SAMPLE).map((p) => [p, apiTokens.get(p)!]));
  const recordedLarge = await loansScenario(`${large.loans} loans`, large);

  for (const c of concurrencies) {
    const at1k = results.scenarios.find((s) => s.concurrency === c && s.dataset === small)!;
    const at1m = results.scenarios.find((s) => s.concurrency === c && s.dataset === large)!;
    results.growth.push({
      concurrency: c,
      smallP50: preciseP50.get(`${small.loans} loans ${c}`)!,
      largeP50: preciseP50.get(`${large.loans} loans ${c}`)!,
      // The same statements on the raw driver: how much PostgreSQL's own time grows.
      baselineRatio: at1m.baseline.p50 / at1k.baseline.p50,
      target: 1.5,
    });
  }

  // 4. Renewals: each request renews a fresh loan; the API and pgbench use disjoint loans.
  const renewable = renewableLoanCount(large);
  const sacrificed = renewableLoan(renewable - 1);
  const sacrificedPatron = patronOfLoan(sacrificed, large);
  const { script, variables, statements } = await renewalPgbenchScript({
    url,
    loanId: sacrificed,
    patronId: sacrificedPatron,
    token: apiTokens.get(sacrificedPatron)!,
    today,
  });
  writeFileSync(join(resultsDir, 'renewal.pgbench.sql'), script);
  results.explain.push(
    ...(await explain(pool, recordedLarge[0]!)).map((e) => ({ ...e, query: 'GET /api/loans' })),
    ...(await explain(pool, statements)).map((e) => ({ ...e, query: 'POST /api/renewals' })),
  );
  for (const e of results.explain) {
    const seq = e.scans.filter((s) => s.node === 'Seq Scan' && !TINY_TABLES.has(s.relation ?? ''));
    if (seq.length) info(`  ✖ sequential scan in ${e.query}: ${e.sql.slice(0, 120)}`);
  }

  // Fresh loans in three disjoint shares: the API's, pgbench's and the raw driver's.
  const perScenario = Math.floor((renewable - 1) / 3 / concurrencies.length);
  const recordedRenewal = {
    statements,
    loanId: sacrificed,
    patronId: sacrificedPatron,
    sessionHash: sha256(apiTokens.get(sacrificedPatron)!),
  };
  // The renewal path warmed on the loan the recording renewed: every request reads, decides
  // (already renewed) and answers, without using up a fresh loan.
  await warmUp(() =>
    httpLoad({
      url: bff!.url,
      connections: 16,
      seconds: WARM_UP_SECONDS,
      method: 'POST',
      path: '/api/renewals',
      next: () => ({
        headers: { cookie: `sid=${apiTokens.get(sacrificedPatron)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ loanIds: [sacrificed] }),
      }),
    }),
  );
  let apiK = 0;
  for (const [index, c] of concurrencies.entries()) {
    const apiStart = index * perScenario;
    apiK = apiStart;
    await refreshSessions();
    const count = async (filter: 'api' | 'pgbench' | 'raw-driver') => {
      const [row] =
        filter === 'api'
          ? await pool`select count(*)::int as n from renewals where request_id not in ('pgbench', 'raw-driver')`
          : await pool`select count(*)::int as n from renewals where request_id = ${filter}`;
      return row!.n as number;
    };
    const apiRun = async (half: number) => {
      const before = await count('api');
      const figure = await withCpuOf(bff!.pid, () =>
        httpLoad({
          url: bff!.url,
          connections: c,
          seconds: half,
          method: 'POST',
          path: '/api/renewals',
          next: () => {
            // Past its share (only on a tiny dataset) a request repeats a loan and is refused:
            // the count check below reports it.
            const loan = renewableLoan(apiStart + ((apiK++ - apiStart) % perScenario));
            return {
              headers: {
                cookie: `sid=${apiTokens.get(patronOfLoan(loan, large))}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({ loanIds: [loan] }),
            };
          },
        }),
      );
      const renewed = (await count('api')) - before;
      // Requests still in flight when autocannon stops are answered after it counted: up to c more.
      if (renewed < figure.count || renewed > figure.count + c) {
        results.notes.push(`c=${c}: ${figure.count} renewal answers but ${renewed} renewals recorded`);
      }
      return figure;
    };
    // pgbench picks its loans from kbase on; each of its two halves takes half of its share.
    let pgbenchHalf = 0;
    const pgbenchRun = async (half: number) => {
      const before = await count('pgbench');
      const run = pgbench({
        url,
        script,
        clients: c,
        seconds: Math.max(1, Math.round(half)),
        variables: {
          ...variables,
          iter: 0,
          kbase: (concurrencies.length + index) * perScenario + pgbenchHalf++ * Math.floor(perScenario / 2),
          clients: c,
          patrons: large.patrons,
        },
      });
      const renewed = (await count('pgbench')) - before;
      if (renewed !== run.count) {
        results.notes.push(`pgbench c=${c}: ${run.count} transactions but ${renewed} renewals recorded`);
      }
      const { output: _output, ...figure } = run;
      return figure;
    };
    // The same statements through postgres.js in a loop: the ceiling of a Node.js client on
    // this machine, to tell what is the driver's cost and what is the BFF's own.
    let rawK = (2 * concurrencies.length + index) * perScenario;
    const rawRun = async (half: number) => {
      const before = await count('raw-driver');
      // One connection per client, as pgbench has (each loop holds one for its transactions).
      const rawPool = postgres(url, { max: c, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
      const figure = await withOwnCpu(() =>
        rawLoop({
          sql: rawPool,
          connections: c,
          seconds: half,
          reserve: true,
          next: () => {
            const loanId = renewableLoan(rawK++);
            const patronId = patronOfLoan(loanId, large);
            return renewalStatementsFor(recordedRenewal, {
              loanId,
              patronId,
              sessionHash: sha256(apiTokens.get(patronId)!),
              requestId: 'raw-driver',
            });
          },
        }),
      );
      await rawPool.end({ timeout: 5 });
      const renewed = (await count('raw-driver')) - before;
      if (renewed !== figure.count) {
        results.notes.push(
          `raw driver c=${c}: ${figure.count} transactions but ${renewed} renewals recorded`,
        );
      }
      return figure;
    };
    const [ours, baseline, raw] = (await mirrored([apiRun, pgbenchRun, rawRun], seconds)) as [
      Figure,
      Figure,
      Figure,
    ];
    const floorFigure = await floorLoad(c, 'POST');
    info(
      `  renewals c=${c}: API ${fmt(ours)} | pgbench ${fmt(baseline)} | raw driver ${fmt(raw)} | floor ${fmt(floorFigure)}`,
    );
    results.scenarios.push({
      name: 'POST /api/renewals (one fresh loan each)',
      dataset: large,
      concurrency: c,
      ours,
      baseline: { name: 'pgbench, same statements', ...baseline },
      floor: floorFigure,
      target: 0.3,
    });
    results.scenarios.push({
      name: 'POST /api/renewals (one fresh loan each)',
      dataset: large,
      concurrency: c,
      ours,
      baseline: { name: 'postgres.js, same statements', ...raw },
      floor: floorFigure,
      target: 0.6,
    });
  }

  // 5. Lighthouse, mobile, against the built app served by this BFF.
  if (args.lighthouse) {
    info('▶ Lighthouse 12.2.3 (mobile)');
    const someone = apiTokens.get(1)!;
    results.lighthouse = [
      await runLighthouse({ url: `${bff.url}/login`, outDir: tmp }),
      await runLighthouse({ url: `${bff.url}/portal/loans`, outDir: tmp, cookie: `sid=${someone}` }),
    ];
    for (const l of results.lighthouse) info(`  ${l.url}: ${JSON.stringify(l.scores)}`);
  }
} finally {
  await bff?.stop();
  await floor?.stop();
  await pool.end({ timeout: 5 });
  await database.close();
  if (!args['keep-database']) await benchDatabase.drop();
}

// 6. PGlite, the embedded default: the same loans benchmark on the small dataset.
if (args.pglite) {
  info(`▶ PGlite: ${small.patrons} patrons / ${small.loans} loans`);
  const dataDir = join(tmp, 'pglite-data');
  const embedded = await openDatabase({ dataDir });
  let tokens: Map<number, string>;
  try {
    await seedDataset(embedded.db, small, today, consoleProgress());
    tokens = await createSessions(embedded.db, spread(small.patrons, SESSION_SAMPLE));
  } finally {
    await embedded.close();
  }
  const cookies = [...tokens.values()].map((t) => `sid=${t}`);
  const lite = await startBff({
    env: {
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      STATIC_DIR: webDir,
      LIBRARY_TODAY: today,
      LOG_LEVEL: args['log-level'],
    },
    logFile: join(tmp, 'bff-pglite.log'),
  });
  try {
    let i = 0;
    for (const c of concurrencies) {
      const ours = await httpLoad({
        url: lite.url,
        connections: c,
        seconds,
        method: 'GET',
        path: '/api/loans',
        next: () => ({ headers: { cookie: cookies[i++ % cookies.length]! } }),
      });
      const onPostgres = results.scenarios.find((s) => s.dataset === small && s.concurrency === c)!.ours;
      info(`  PGlite c=${c}: API ${fmt(ours)} | same on PostgreSQL ${fmt(onPostgres)}`);
      results.pglite.push({ concurrency: c, pglite: ours, postgres: onPostgres });
    }
  } finally {
    await lite.stop();
  }
}

// Two runs a day keep both: <date>-<hh><mm> (UTC).
const stamp = results.date.slice(0, 16).replace('T', '-').replace(':', '');
const markdown = renderMarkdown(results);
writeFileSync(join(resultsDir, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(resultsDir, `${stamp}.md`), markdown);
info(`\n${markdown}`);
info(`written: bench/results/${stamp}.json and bench/results/${stamp}.md`);
