import { addDays, type PlainDate } from '@library/domain';
import { buildApp } from '../app.ts';
import { createCirculation } from '../circulation/create-circulation.ts';
import { loadDemoData } from '../db/seed/demo-data.ts';
import { parseEnv } from '../env.ts';
import type { AppDeps } from '../lib/app-env.ts';
import { createLogger, type Logger } from '../lib/logger.ts';
import type { Clock } from '../services/clock.ts';
import { checkedAgainstDocument } from './contract-check.ts';
import { openTestDatabase } from './test-database.ts';

/** The guide's day: with T = 2021-01-20 the three マンガ日本の歴史 are due 2021/01/25. */
export const GUIDE_TODAY = '2021-01-20';

export interface TestClock extends Clock {
  set(instant: Date): void;
  advance(ms: number): void;
  setToday(date: PlainDate): void;
}

export function testClock(today: PlainDate = GUIDE_TODAY): TestClock {
  let now = new Date(`${today}T10:00:00+09:00`);
  let businessDate = today;
  return {
    now: () => new Date(now),
    today: () => businessDate,
    set: (instant) => {
      now = instant;
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    setToday: (date) => {
      businessDate = date;
    },
  };
}

/** The real app on a database of its own with the demo data, and a clock the test controls. */
export async function createTestApp(
  options: { today?: PlainDate; demo?: boolean; env?: Record<string, string>; logger?: Logger } = {},
) {
  const database = await openTestDatabase();
  const clock = testClock(options.today);
  if (options.demo !== false) await loadDemoData(database.db, clock.today());
  const env = parseEnv({ LOG_LEVEL: 'silent', STATIC_DIR: '/nonexistent', ...options.env });
  const logger = options.logger ?? createLogger('silent');
  const circulation = createCirculation({ db: database.db, env, logger });
  const deps: AppDeps = { db: database.db, dbKind: database.kind, env, clock, logger, circulation };
  // Every answer a test gets is checked against the OpenAPI document (contract-check.ts).
  const app = checkedAgainstDocument(buildApp(deps));
  const close = async () => {
    await circulation.close();
    await database.close();
  };
  return { app, deps, db: database.db, url: database.url, clock, close, addDays };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A browser-like client: keeps cookies, sends JSON. */
export function client(app: TestApp['app'], base = 'http://localhost') {
  checkedAgainstDocument(app);
  const jar = new Map<string, string>();
  async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await app.request(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name!.trim());
      else jar.set(name!.trim(), value);
    }
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
    const json = text ? (JSON.parse(text) as any) : undefined;
    return { status: response.status, headers: response.headers, body: json };
  }
  return {
    jar,
    get: (path: string, headers?: Record<string, string>) => request('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      request('POST', path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) =>
      request('PUT', path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => request('DELETE', path, undefined, headers),
    /** DELETE with a JSON body (DELETE /api/me/push-subscriptions takes `{endpoint}`). */
    deleteJson: (path: string, body: unknown, headers?: Record<string, string>) =>
      request('DELETE', path, body, headers),
    login: (patronNumber = '100000001', password = 'tosho2021') =>
      request('POST', '/api/session', { patronNumber, password }),
  };
}

/** A client signed in as `patronNumber`; throws when the sign-in is refused, so a test never runs anonymous by mistake. */
export async function signedIn(app: TestApp['app'], patronNumber = '100000001', password = 'tosho2021') {
  const c = client(app);
  const res = await c.login(patronNumber, password);
  if (res.status !== 200) throw new Error(`signedIn: signing in as ${patronNumber} answered ${res.status}`);
  return c;
}
