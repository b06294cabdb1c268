/**
 * Helpers of the multi-process scripts (races, faults): a database of the run's own on the
 * PostgreSQL server, real BFF processes on it, and a small HTTP client. Plain Node, no test
 * runner: CI calls the scripts after the PostgreSQL run (see .ci/run).
 */
import {
  type BffProcess,
  createScratchDatabase,
  DEFAULT_POSTGRES_SERVER,
  startBff as startBffProcess,
} from '@library/test-kit';

export const ADMIN_URL = process.env.PG_ADMIN_URL ?? DEFAULT_POSTGRES_SERVER;
export const TODAY = '2021-01-20';

export function log(message: string): void {
  console.info(`[${new Date().toISOString().slice(11, 23)}] ${message}`);
}

export class CheckFailed extends Error {}

/** Stops the script's checks; its `finally` still stops the processes and drops the database. */
export function fail(message: string): never {
  throw new CheckFailed(`FAILED: ${message}`);
}

export function check(condition: unknown, message: string): void {
  if (!condition) fail(message);
  log(`ok: ${message}`);
}

export type RunDatabase = Awaited<ReturnType<typeof createRunDatabase>>;

/** Creates a database for this run; `drop()` removes it (also with connections left). */
export async function createRunDatabase(prefix: string) {
  const database = await createScratchDatabase({ serverUrl: ADMIN_URL, prefix });
  return { ...database, name: database.name!, drop: () => database.drop().catch(() => {}) };
}

/** A BFF process (packages/test-kit) on the guide's date, API only, logging warnings. */
export function startBff(
  name: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<BffProcess> {
  return startBffProcess({
    name,
    env: { LIBRARY_TODAY: TODAY, STATIC_DIR: '/nonexistent', LOG_LEVEL: 'warn', ...env },
    timeoutMs,
  });
}

/**
 * The frame of a multi-process script: a database of its own (`prefix`), two BFF processes on
 * it started one after the other (the first migrates and loads the demo data, the second finds
 * them), then `body`'s checks. Whatever happens the processes are stopped (with their output
 * when anything failed) and the database dropped; exits 0 only when every check passed and both
 * processes ended cleanly.
 */
export async function runOnTwoBffs(
  prefix: string,
  passed: string,
  body: (run: { database: RunDatabase; processes: [BffProcess, BffProcess] }) => Promise<void>,
): Promise<never> {
  const database = await createRunDatabase(prefix);
  const processes: BffProcess[] = [];
  let exitCode = 0;
  try {
    log(`database ${database.name}`);
    processes.push(await startBff('bff-1', { DATABASE_URL: database.url }));
    processes.push(await startBff('bff-2', { DATABASE_URL: database.url }));
    log(`two BFF processes: ${processes.map((p) => p.url).join(' and ')}`);
    await body({ database, processes: processes as [BffProcess, BffProcess] });
  } catch (error) {
    console.error(error instanceof CheckFailed ? error.message : error);
    exitCode = 1;
  } finally {
    for (const p of processes) {
      const code = await p.stop();
      if (code !== 0) {
        console.error(`${p.name} exited with ${code}`);
        exitCode = 1;
      }
      if (exitCode !== 0) console.error(`--- ${p.name} output ---\n${p.output().slice(-4000)}`);
    }
    await database.drop();
  }
  if (exitCode === 0) log(`${passed}: all checks passed`);
  process.exit(exitCode);
}

export interface Answer {
  status: number;
  body: unknown;
  /** Set when no HTTP answer came at all (connection refused or reset). */
  networkError?: string;
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer & { setCookie: string[] }> {
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text, and the checks will say so
    }
    return { status: res.status, body, setCookie: res.headers.getSetCookie() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { status: 0, body: undefined, setCookie: [], networkError: cause?.code ?? (error as Error).name };
  }
}

export async function login(base: string, patronNumber: string, password = 'tosho2021'): Promise<string> {
  const res = await call(base, 'POST', '/api/session', { body: { patronNumber, password } });
  if (res.status !== 200) fail(`login of ${patronNumber} answered ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = res.setCookie[0]?.split(';')[0];
  if (!cookie) fail('login set no cookie');
  return cookie;
}

/** docs/product.md §6: `{"error": {"code", "message", "fields"?}}`. */
export function isErrorShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: Record<string, unknown> }).error;
  return (
    Object.keys(body).length === 1 &&
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    Object.keys(error).every((k) => ['code', 'message', 'fields'].includes(k))
  );
}

/**
 * A session of `patronNumber` (its cookie) for renewing: fails unless POST /api/renewals
 * exists (issue 3 may land after these scripts).
 */
export async function loginToRenew(base: string, patronNumber: string): Promise<string> {
  const cookie = await login(base, patronNumber);
  const res = await call(base, 'POST', '/api/renewals', { body: { loanIds: [] }, cookie });
  if (res.status === 404) fail('POST /api/renewals does not exist yet');
  return cookie;
}
