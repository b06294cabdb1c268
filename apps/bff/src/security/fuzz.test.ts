import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../services/sessions.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiEndpoints, isErrorShape, patronId } from './security-test-kit.ts';

/**
 * Fuzzing (ASVS V5.1, V7.4.1): generated bodies, query strings and headers for every endpoint
 * of the API, with and without a session. Never a 5xx; every error in the one error shape.
 * FUZZ_RUNS sets the number of cases (`pnpm test:fuzz` runs 10,000; `npm test` a few hundred).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let t: TestApp;
let endpoints: Array<{ method: string; path: string }>;
let patron: number;

beforeAll(async () => {
  t = await createTestApp();
  endpoints = apiEndpoints(t.app).map((e) => {
    const [method, path] = e.split(' ') as [string, string];
    return { method, path };
  });
  patron = await patronId(t.db, '100000001');
});
afterAll(async () => {
  await t.close();
});

/** Printable ASCII and some Latin-1: what a header value may carry. */
const headerText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
    .map((n) => String.fromCharCode(n)),
  maxLength: 60,
});

/** Values that look like the real thing, and values that do not. */
const plausible = fc.oneof(
  fc.constantFrom(
    '100000001',
    '100000004',
    '300000003',
    'A100000001A',
    '１０００００００１',
    'tosho2021',
    '19901105',
    '2021-01',
    '2021-13',
    'main',
    'mitsuhashi',
    'スズキハナコ',
    'ｽｽﾞｷﾊﾅｺ',
    'すずき はなこ',
    'someone@example.jp',
    '.a..b.@example',
    '0944',
    '',
    ' ',
    '\u0000',
    '\ud800',
    '%',
    '../../etc/passwd',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  plausible,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -5, max: 100 }), { maxLength: 120 }),
  fc.array(plausible, { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 4 }),
);

/** Keys the endpoints read, and some they do not. */
const bodyKeys = [
  'patronNumber',
  'password',
  'passwordConfirm',
  'currentPassword',
  'name',
  'birthDate',
  'phone',
  'registrationToken',
  'resetToken',
  'email',
  'useForContact',
  'useForReservations',
  'loanIds',
  '__proto__',
  'constructor',
];

const body = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .dictionary(fc.constantFrom(...bodyKeys), jsonish, { maxKeys: 8 })
      .map((o) => JSON.stringify(o)),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  },
  { weight: 2, arbitrary: fc.constant(undefined) },
);

const queryKeys = ['page', 'pageSize', 'branch', 'from', 'months', 'patronId', 'loanId', 'q'];
const query = fc.oneof(
  fc
    .dictionary(fc.constantFrom(...queryKeys), plausible, { maxKeys: 5 })
    .map((o) => new URLSearchParams(o).toString()),
  fc
    .array(fc.tuple(fc.constantFrom(...queryKeys), fc.oneof(plausible, fc.integer().map(String))), {
      maxLength: 6,
    })
    .map((pairs) => new URLSearchParams(pairs).toString()),
  // Raw, possibly broken, encodings: the router must cope.
  fc.constantFrom(
    'page=%',
    'page=%E0%A4%A',
    'branch=%00',
    'from=%FF%FE',
    'months=1e3',
    'page=-0',
    'page=0x10',
    '&&&=',
    '%%%',
  ),
  fc.constant(''),
);

const headers = fc.record(
  {
    'content-type': fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=shift_jis',
      ),
      headerText,
    ),
    origin: fc.oneof(fc.constantFrom('http://localhost', 'null', 'https://evil.example'), headerText),
    'sec-fetch-site': fc.oneof(fc.constantFrom('same-origin', 'cross-site', 'same-site', 'none'), headerText),
    'idempotency-key': headerText,
    'accept-language': headerText,
    'x-forwarded-for': headerText,
    'x-forwarded-proto': headerText,
    accept: headerText,
    range: headerText,
  },
  { requiredKeys: [] },
);

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

const requestCase = fc.record({
  endpoint: fc.nat(),
  otherMethod: fc.option(fc.constantFrom(...methods), { freq: 6 }),
  pathSuffix: fc.option(fc.constantFrom('/', '/x', '/..', '/%2e%2e', '//', '/1', '/%00'), { freq: 8 }),
  query,
  body,
  headers,
  session: fc.constantFrom('valid', 'valid', 'none', 'garbage'),
  // Half the cases pass the guards (a browser's own headers), so the bodies reach the handlers.
  cleanHeaders: fc.boolean(),
  garbageCookie: headerText,
});

type RequestCase = typeof requestCase extends fc.Arbitrary<infer T> ? T : never;

async function sendCase(c: RequestCase) {
  const target = endpoints[c.endpoint % endpoints.length]!;
  const method = c.otherMethod ?? target.method;
  const path = `${target.path}${c.pathSuffix ?? ''}`;
  const headerMap: Record<string, string> = c.cleanHeaders
    ? { 'content-type': 'application/json', origin: 'http://localhost' }
    : { ...c.headers };
  if (c.session === 'valid') headerMap.cookie = `sid=${await createSession(t.db, patron, t.clock.now())}`;
  if (c.session === 'garbage') headerMap.cookie = c.garbageCookie;
  const init: RequestInit = { method, headers: headerMap };
  if (c.body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = c.body;
  const res = await t.app.request(`http://localhost${path}${c.query ? `?${c.query}` : ''}`, init);
  const text = await res.text();
  return { method, path, res, text };
}

/**
 * Every message a patron can see comes from our catalogs (packages/domain), which are Japanese:
 * never zod's English internals ("Invalid input: expected object, received null").
 */
function expectCatalogMessages(
  body: { error: { message: string; fields?: Record<string, string> } },
  where: string,
) {
  for (const message of [body.error.message, ...Object.values(body.error.fields ?? {})]) {
    expect(message, where).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(message, where).not.toMatch(/invalid|expected|received|too (big|small)|unrecognized/i);
  }
}

/** Bodies that are valid JSON of the wrong shape: the ones a schema's refinements must survive. */
const ODD_BODIES = [
  'null',
  '[]',
  '""',
  '0',
  'true',
  '{}',
  '"text"',
  '[null]',
  '{"password":null,"passwordConfirm":null,"currentPassword":null}',
  '{"email":null,"useForContact":null,"useForReservations":null}',
  '{"patronNumber":null,"password":null,"name":null,"birthDate":null,"phone":null}',
  '{"registrationToken":null}',
  '{"loanIds":null}',
  '{"loanIds":[null]}',
  '{"phone":[null,null,null]}',
  '{"email":"a@b.jp","useForContact":"yes"}',
];

describe('odd JSON bodies on every endpoint, with a valid session and without (issue 15/17)', () => {
  it('answer 4xx in the error shape with Japanese messages from our catalogs, never a 5xx', {
    timeout: 120_000,
  }, async () => {
    const withBody = endpoints.filter((e) => e.method !== 'GET');
    expect(withBody.map((e) => `${e.method} ${e.path}`)).toContain('PUT /api/me/password');
    for (const { method, path } of withBody) {
      for (const session of ['valid', 'none'] as const) {
        for (const raw of ODD_BODIES) {
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            origin: 'http://localhost',
          };
          if (session === 'valid') headers.cookie = `sid=${await createSession(t.db, patron, t.clock.now())}`;
          const res = await t.app.request(`http://localhost${path}`, { method, headers, body: raw });
          const text = await res.text();
          const where = `${method} ${path} (${session} session) ${raw} → ${res.status} ${text.slice(0, 200)}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) {
            const parsed = JSON.parse(text);
            expect(isErrorShape(parsed), where).toBe(true);
            expectCatalogMessages(parsed, where);
          }
        }
      }
    }
  });
});

describe('fuzzing every endpoint', () => {
  it(`${RUNS} generated requests: no 5xx, every error in the error shape`, {
    timeout: 60_000 + RUNS * 100,
  }, async () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(10);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestCase, async (c) => {
        const { method, path, res, text } = await sendCase(c);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const where = `${method} ${path} → ${res.status} ${text.slice(0, 200)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400 && method !== 'HEAD') {
          expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
          const parsed = JSON.parse(text);
          expect(isErrorShape(parsed), where).toBe(true);
          expectCatalogMessages(parsed, where);
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    // The generator reached the handlers, not only the guards: successes and several kinds of refusal.
    const seen = [...statuses.keys()];
    expect(seen.some((s) => s < 300)).toBe(true);
    for (const status of [400, 401, 403, 404]) expect(seen, `no ${status} among ${seen}`).toContain(status);
  });
});
