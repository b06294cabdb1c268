import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type RequestParams } from 'autocannon';
import type postgres from 'postgres';
import { groupsOf, type RecordedQuery } from './record-sql.ts';

const here = new URL('.', import.meta.url).pathname;

/** One measured point: throughput and latency (ms) over the run. */
export interface Figure {
  rps: number;
  p50: number;
  p99: number;
  count: number;
  errors: number;
  seconds: number;
  /** CPU time (user + system) the serving process spent per answered request, in µs. */
  cpuUsPerRequest?: number;
}

/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`, 100 on Linux). */
const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User + system CPU time another process has used so far, in µs (Linux /proc; NaN elsewhere). */
function processCpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) — utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks;
  } catch {
    return Number.NaN;
  }
}

/** Runs `load` and adds the CPU µs per request that process `pid` spent serving it. */
export async function withCpuOf(pid: number, load: () => Promise<Figure>): Promise<Figure> {
  const before = processCpuMicros(pid);
  const figure = await load();
  return { ...figure, cpuUsPerRequest: (processCpuMicros(pid) - before) / Math.max(1, figure.count) };
}

/** Like withCpuOf, for work done in this very process (the raw-driver loops). */
export async function withOwnCpu(load: () => Promise<Figure>): Promise<Figure> {
  const before = process.cpuUsage();
  const figure = await load();
  const used = process.cpuUsage(before);
  return { ...figure, cpuUsPerRequest: (used.user + used.system) / Math.max(1, figure.count) };
}

export interface FloorServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The floor: Node.js, @hono/node-server and Hono with empty routes (floor-server.ts), in a
 * process of its own like the BFF's, measured by the same load generator.
 */
export function startFloorServer(): Promise<FloorServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${here}floor-server.ts`], {
    cwd: here,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const url = /http:\/\/\S+/.exec(out)?.[0];
      if (!url) return;
      child.removeAllListeners('exit');
      resolve({
        url,
        pid: child.pid!,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * Two halves of one point as one figure: counts and times added, p50/p99 averaged (weighted
 * by count), CPU per request over both.
 */
export function combine(a: Figure, b: Figure): Figure {
  const count = a.count + b.count;
  const weighted = (x: number, y: number) =>
    count === 0 ? (x + y) / 2 : (x * a.count + y * b.count) / count;
  const cpuOf = (f: Figure) => (f.cpuUsPerRequest ?? Number.NaN) * f.count;
  return {
    rps: count / (a.seconds + b.seconds),
    p50: weighted(a.p50, b.p50),
    p99: weighted(a.p99, b.p99),
    count,
    errors: a.errors + b.errors,
    seconds: a.seconds + b.seconds,
    ...(a.cpuUsPerRequest !== undefined || b.cpuUsPerRequest !== undefined
      ? { cpuUsPerRequest: (cpuOf(a) + cpuOf(b)) / Math.max(1, count) }
      : {}),
  };
}

/**
 * One point measured A B … B A: each side runs twice for half the time, ours first and last,
 * the baselines in between in mirrored order, so a load that rises or falls during the point
 * (a shared machine) weighs on every side alike. Returns [ours, ...baselines].
 */
export async function mirrored(sides: Array<(half: number) => Promise<Figure>>, seconds: number) {
  const half = seconds / 2;
  const first: Figure[] = [];
  for (const side of sides) first.push(await side(half));
  const second: Figure[] = [];
  for (const side of [...sides].reverse()) second.unshift(await side(half));
  return first.map((f, i) => combine(f, second[i]!));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** autocannon against the running BFF; `next` builds each request (rotating sessions, fresh loans). */
export async function httpLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  method: 'GET' | 'POST';
  path: string;
  next: () => { headers: Record<string, string>; body?: string };
}): Promise<Figure> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: options.method,
        path: options.path,
        setupRequest: (req: RequestParams) => {
          const { headers, body } = options.next();
          return { ...req, headers: { ...req.headers, ...headers }, ...(body ? { body } : {}) };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    count: ok,
    errors: result.errors + result.timeouts + result.non2xx,
    seconds: result.duration,
  };
}

/** A closed-loop run's figure: `latencies` in ms, measured since `started` (performance.now()). */
function figureOf(latencies: number[], errors: number, started: number): Figure {
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    count: latencies.length,
    errors,
    seconds,
  };
}

/**
 * Latency with sub-millisecond resolution (autocannon's histogram counts whole milliseconds,
 * which turns a 1.4 → 1.6 ms change into 1 → 2): `connections` closed loops of keep-alive
 * GET requests timed with performance.now(). Used for the growth ratio.
 */
export async function httpLatency(options: {
  url: string;
  connections: number;
  seconds: number;
  path: string;
  next: () => { headers: Record<string, string> };
}): Promise<Figure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(
        new URL(options.path, options.url),
        { agent, headers: options.next().headers },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
    });
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await once().catch(() => 0);
      if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  agent.destroy();
  return figureOf(latencies, errors, started);
}

/**
 * The raw-driver baseline: `connections` loops on a postgres.js pool, each running one
 * request's recorded statements in order, the statements the BFF issued together sent
 * together (`Promise.all`, as the BFF does), the same texts and parameters sent the same way
 * (`unsafe`, named prepared statements, as the BFF's client sends them). With `reserve`, each
 * loop keeps one connection of its own — needed when the statements hold a transaction
 * (`begin` … `commit`).
 */
export async function rawLoop(options: {
  sql: postgres.Sql;
  connections: number;
  seconds: number;
  next: () => RecordedQuery[];
  reserve?: boolean;
}): Promise<Figure> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const worker = async () => {
    const sql = options.reserve ? await options.sql.reserve() : options.sql;
    try {
      while (performance.now() < end) {
        const groups = groupsOf(options.next());
        const t0 = performance.now();
        try {
          for (const group of groups) {
            await Promise.all(group.map((s) => sql.unsafe(s.sql, s.params as never[], { prepare: true })));
          }
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
          if (options.reserve) await sql.unsafe('rollback').catch(() => {});
        }
      }
    } finally {
      if (options.reserve) (sql as postgres.ReservedSql).release();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  return figureOf(latencies, errors, started);
}

export function findPgbench(): string {
  const onPath = spawnSync('pgbench', ['--version']);
  if (onPath.status === 0) return 'pgbench';
  const dir = '/usr/lib/postgresql';
  if (existsSync(dir)) {
    for (const v of readdirSync(dir).sort().reverse()) {
      const bin = join(dir, v, 'bin/pgbench');
      if (existsSync(bin)) return bin;
    }
  }
  throw new Error(
    'pgbench not found: install postgresql-client (Debian: postgresql-client-15 or the server package)',
  );
}

/** pgbench with a custom script; per-transaction latencies from its log (-l). */
export function pgbench(options: {
  url: string;
  script: string;
  clients: number;
  seconds: number;
  variables: Record<string, string | number>;
}): Figure & { output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  try {
    const scriptFile = join(dir, 'renewal.sql');
    writeFileSync(scriptFile, options.script);
    const jobs = Math.min(options.clients, 2);
    const args = [
      '-n',
      // Named prepared statements, as postgres.js sends them (parsed once per connection).
      '-M',
      'prepared',
      '-f',
      scriptFile,
      '-c',
      String(options.clients),
      '-j',
      String(jobs),
      '-T',
      String(options.seconds),
      '-l',
      `--log-prefix=${join(dir, 'log')}`,
      ...Object.entries(options.variables).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
      options.url,
    ];
    const run = spawnSync(findPgbench(), args, { cwd: dir, encoding: 'utf8' });
    const output = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`pgbench failed (${run.status}):\n${output}`);
    const latencies: number[] = [];
    for (const file of readdirSync(dir).filter((f) => f.startsWith('log'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const fields = line.split(' ');
        if (fields.length >= 3) latencies.push(Number(fields[2]) / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? Number.NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
    return {
      rps: tps,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count: latencies.length,
      errors: failed,
      seconds: options.seconds,
      output,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
