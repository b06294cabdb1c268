/**
 * Helpers of the multi-process scripts (races, faults): a database of the run's own on the
 * PostgreSQL server, real BFF processes on it, and a small HTTP client. Plain Node, no test
 * runner: CI calls the scripts after the PostgreSQL run (see .ci/run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export const bffRoot = fileURLToPath(new URL('../', import.meta.url));
export const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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

/** Creates a database for this run; `drop()` removes it (also with connections left). */
export async function createRunDatabase(prefix: string) {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const dropper = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await dropper.end();
    },
  };
}

export interface BffProcess {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
  alive: () => boolean;
  stop: () => Promise<number | null>;
}

/** Starts `node --import tsx src/index.ts` on PORT=0 and waits until it listens. */
export function startBff(
  name: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<BffProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: bffRoot,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      LIBRARY_TODAY: TODAY,
      STATIC_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve({
          name,
          url: `http://127.0.0.1:${match[1]}`,
          child,
          output: () => output,
          alive: () => exitCode === undefined,
          stop: async () => {
            if (exitCode !== undefined) return exitCode;
            child.kill('SIGTERM');
            const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
            const code = await exited;
            clearTimeout(timeout);
            return code;
          },
        });
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`${name} did not start in time:\n${output}`));
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${output}`));
    });
  });
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

/** SPEC §6: `{"error": {"code", "message", "fields"?}}`. */
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

/** Waits until POST /api/renewals exists (issue 3 may land after these scripts). */
export async function requireRenewalEndpoint(base: string, cookie: string): Promise<void> {
  const res = await call(base, 'POST', '/api/renewals', { body: { loanIds: [] }, cookie });
  if (res.status === 404) fail('POST /api/renewals does not exist yet');
}
