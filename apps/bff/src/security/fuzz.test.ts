import { type Language, negotiateLanguage } from '@library/domain';
import { domainCatalogEn } from '@library/domain/i18n/en';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../services/sessions.ts';
import { arbitraryOf, type SchemaNode } from '../test/schema-arbitrary.ts';
import { client, createTestApp, type TestApp } from '../test/test-app.ts';
import { isErrorShape, patronId } from './security-test-kit.ts';

/**
 * Fuzzing driven by the OpenAPI document (ASVS V5.1, V7.4.1): for every operation that
 * GET /api/openapi.json describes, requests made from it — its examples, its schemas' values,
 * the examples with one field changed, and garbage — in its body, query, path and headers
 * (Idempotency-Key), without a session, with a forged one and with a valid one (a demo patron
 * logged in through POST /api/session, or a fresh session of one of three demo patrons).
 * Never a 5xx; every answer is one the document declares for it, its body matching the
 * declared schema (test-app.ts checks each against the document); every error's messages from
 * our catalogs, in the language the request negotiated (some cases send `Accept-Language: en`). On PGlite by default, on PostgreSQL when DATABASE_URL is set (.ci/run does both).
 * FUZZ_RUNS sets the number of cases (`pnpm test:fuzz` runs 10,000; `npm test` a few hundred).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const DEMO_PATRONS = ['100000001', '200000002', '100000004'];
/** What a browser on our page sends: these requests pass the guards and reach the handlers. */
const BROWSER = {
  'content-type': 'application/json',
  origin: 'http://localhost',
  'sec-fetch-site': 'same-origin',
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: SchemaNode;
}

interface DocumentOperation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: SchemaNode;
  examples: unknown[];
}

let t: TestApp;
let operations: DocumentOperation[];
let patronIds: number[];
let loginCookie: string;
/** Values seen in answers, by property name: tokens, ids, the feed's file name. */
const seen = new Map<string, unknown[]>();

function remember(key: string, value: unknown) {
  const values = seen.get(key) ?? [];
  if (!values.includes(value) && values.length < 20) values.push(value);
  seen.set(key, values);
}

/** Every scalar of an answer under its property's name; a URL's last segment as a path value. */
function harvest(value: unknown, key = '') {
  if (Array.isArray(value)) for (const item of value) harvest(item, key);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) harvest(v, k);
  } else if (typeof value === 'string' || typeof value === 'number') {
    remember(key, value);
    if (typeof value === 'string' && URL.canParse(value)) {
      remember(':segment', new URL(value).pathname.split('/').at(-1));
    }
  }
}

/** `loanIds` takes what was seen as `loanId` or `id`; a path parameter also URLs' last segments. */
function known(name: string): unknown[] {
  const plural = /^(\w+)Ids$/.exec(name);
  const aliases = plural ? [`${plural[1]}Id`, 'id'] : [];
  return [name, ...aliases].flatMap((key) => seen.get(key) ?? []);
}

function documentOperations(document: {
  paths: Record<string, Record<string, unknown>>;
}): DocumentOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as {
        parameters?: Parameter[];
        requestBody?: {
          content: {
            'application/json': { schema: SchemaNode; examples?: Record<string, { value: unknown }> };
          };
        };
      };
      const json = op.requestBody?.content['application/json'];
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: json?.schema,
        examples: Object.values(json?.examples ?? {}).map((e) => e.value),
      };
    }),
  );
}

async function sessionCookie(patronIndex: number) {
  return `sid=${await createSession(t.db, patronIds[patronIndex % patronIds.length]!, t.clock.now())}`;
}

beforeAll(async () => {
  // No per-address limit here: the generated bodies must reach the handlers (the limit and the
  // lockout have tests of their own, security/authentication.test.ts).
  t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000000' } });
  const served = await t.app.request('/api/openapi.json');
  operations = documentOperations((await served.json()) as Parameters<typeof documentOperations>[0]);
  patronIds = await Promise.all(DEMO_PATRONS.map((n) => patronId(t.db, n)));
  const browser = client(t.app);
  expect((await browser.login()).status).toBe(200);
  loginCookie = `sid=${browser.jar.get('sid')}`;
});
afterAll(async () => {
  await t.close();
});

/** What the server issues (a token, a loan's id), as opposed to what the patron types. */
const ISSUED = /(Token|Ids?)$/;

/** An example with the tokens and ids earlier answers gave (the token step 1 answered). */
function withKnown(example: unknown): unknown {
  if (typeof example !== 'object' || example === null || Array.isArray(example)) return example;
  return Object.fromEntries(
    Object.entries(example).map(([key, value]) => {
      const values = ISSUED.test(key) ? known(key) : [];
      if (values.length === 0) return [key, value];
      return [key, Array.isArray(value) ? values.slice(-3) : values.at(-1)];
    }),
  );
}

function fill(path: string, values: Record<string, string>) {
  // A lone surrogate cannot be percent-encoded; a browser sends it as U+FFFD, and so do we.
  const wellFormed = (v: string) => v.replace(/[\ud800-\udfff]/gu, '\ufffd');
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(values[name] ?? 'x')));
}

describe('the document’s own examples, with a session', () => {
  it('every operation answers 2xx to them (so the fuzzer starts from requests that work)', {
    timeout: 60_000,
  }, async () => {
    // Reads and writes first, removals last (the feed's URL is fetched before it is revoked).
    const ordered = [...operations].sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    const answered: string[] = [];
    for (const op of ordered) {
      for (const example of op.examples.length > 0 ? op.examples : [undefined]) {
        const pathValues = Object.fromEntries(
          op.parameters
            .filter((p) => p.in === 'path')
            .map((p) => [p.name, String(known(p.name).at(-1) ?? known(':segment').at(-1))]),
        );
        const res = await t.app.request(`http://localhost${fill(op.path, pathValues)}`, {
          method: op.method,
          headers: { ...BROWSER, cookie: await sessionCookie(0) },
          ...(example !== undefined ? { body: JSON.stringify(withKnown(example)) } : {}),
        });
        const text = await res.text();
        if (res.status >= 300) console.info(`${op.method} ${op.path} → ${res.status} ${text.slice(0, 200)}`);
        if (res.status < 300) {
          answered.push(`${op.method} ${op.path}`);
          if (res.headers.get('content-type')?.startsWith('application/json')) harvest(JSON.parse(text));
        }
      }
    }
    const all = operations.map((op) => `${op.method} ${op.path}`);
    expect([...new Set(answered)].sort()).toEqual(all.sort());
  });
});

/**
 * Accept-Language as browsers send it (none → Japanese; French, ours neither → Japanese) — about
 * a third of them ask for English.
 */
const acceptLanguage = fc.constantFrom(
  undefined,
  undefined,
  'ja',
  'ja-JP,ja;q=0.9,en;q=0.8',
  'fr-FR',
  'en',
  'en-US,en;q=0.9',
  'fr-FR,fr;q=0.9,en;q=0.8',
);

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
    'accept-language': fc.oneof(acceptLanguage, headerText),
    'x-forwarded-for': headerText,
    'x-forwarded-proto': headerText,
    accept: headerText,
    range: headerText,
  },
  { requiredKeys: [] },
);

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

type Body = { json: unknown } | { raw: string } | undefined;

/** Bodies for one operation: its examples, examples with one field changed, its schema's values, garbage. */
function bodyFor(op: DocumentOperation): fc.Arbitrary<Body> {
  const garbage = body.map((raw): Body => (raw === undefined ? undefined : { raw }));
  if (!op.body) return op.method === 'GET' ? fc.constant(undefined) : garbage;
  const fromSchema = arbitraryOf(op.body, known);
  const bases = op.examples.length > 0 ? fc.constantFrom(...op.examples).map(withKnown) : fromSchema;
  const keys = [...Object.keys(op.body.properties ?? {}), '__proto__', 'extra'];
  const mutated = fc
    .tuple(bases, fc.constantFrom(...keys), fc.oneof(jsonish, fc.constant(undefined), fromSchema))
    .map(([base, key, value]) => {
      if (typeof base !== 'object' || base === null) return base;
      const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      return copy;
    });
  return fc.oneof(
    { weight: 3, arbitrary: bases.map((json): Body => ({ json })) },
    { weight: 4, arbitrary: mutated.map((json): Body => ({ json })) },
    { weight: 3, arbitrary: fromSchema.map((json): Body => ({ json })) },
    { weight: 2, arbitrary: garbage },
  );
}

function parameterValue(p: Parameter): fc.Arbitrary<string | undefined> {
  const values = [...known(p.name), ...(p.in === 'path' ? known(':segment') : [])].map(String);
  return fc.oneof(
    { weight: 3, arbitrary: arbitraryOf(p.schema).map(String) },
    {
      weight: values.length > 0 ? 3 : 0,
      arbitrary: values.length > 0 ? fc.constantFrom(...values) : fc.constant(''),
    },
    { weight: 2, arbitrary: p.in === 'header' ? headerText : plausible },
    { weight: p.in === 'path' ? 0 : 2, arbitrary: fc.constant(undefined) },
  );
}

/** `arbitrary`'s value once in `every` cases, else null (fc.option's `freq` is the other way round). */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every: number) =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

function caseFor(op: DocumentOperation) {
  const params = Object.fromEntries(op.parameters.map((p) => [`${p.in}:${p.name}`, parameterValue(p)]));
  return fc.record({
    op: fc.constant(op),
    params: fc.record(params),
    rawQuery: rarely(query, 5),
    body: bodyFor(op),
    session: fc.constantFrom('login', 'valid', 'valid', 'none', 'garbage'),
    patron: fc.nat(),
    garbageCookie: headerText,
    // Most cases pass the guards (a browser's own headers), so the bodies reach the handlers.
    browser: fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean())),
    browserLanguage: acceptLanguage,
    headers,
    otherMethod: rarely(fc.constantFrom(...methods), 10),
    pathSuffix: rarely(fc.constantFrom('/', '/x', '/..', '/%2e%2e', '//', '/1', '/%00'), 10),
  });
}

type RequestCase = ReturnType<typeof caseFor> extends fc.Arbitrary<infer T> ? T : never;

async function sendCase(c: RequestCase) {
  const method = c.otherMethod ?? c.op.method;
  const values = (where: string) =>
    Object.fromEntries(
      Object.entries(c.params)
        .filter(([key, value]) => key.startsWith(`${where}:`) && value !== undefined)
        .map(([key, value]) => [key.slice(where.length + 1), value as string]),
    );
  const path = `${fill(c.op.path, values('path'))}${c.pathSuffix ?? ''}`;
  const search = c.rawQuery ?? new URLSearchParams(values('query')).toString();
  const headerMap: Record<string, string> = c.browser ? { ...BROWSER } : { ...c.headers };
  if (c.browser && c.browserLanguage !== undefined) headerMap['accept-language'] = c.browserLanguage;
  for (const [name, value] of Object.entries(values('header'))) headerMap[name.toLowerCase()] = value;
  if (c.session === 'login') headerMap.cookie = loginCookie;
  if (c.session === 'valid') headerMap.cookie = await sessionCookie(c.patron);
  if (c.session === 'garbage') headerMap.cookie = c.garbageCookie;
  const init: RequestInit = { method, headers: headerMap };
  if (c.body !== undefined && method !== 'GET' && method !== 'HEAD') {
    init.body = 'raw' in c.body ? c.body.raw : JSON.stringify(c.body.json);
  }
  // test-app.ts checks the answer against the document: an undeclared status or body throws.
  const res = await t.app.request(`http://localhost${path}${search ? `?${search}` : ''}`, init);
  const text = await res.text();
  // The language the server negotiated, from the header as the request carried it.
  const lang = negotiateLanguage(new Headers(headerMap).get('accept-language'));
  return { method, path, res, text, lang };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every text of the English catalog, as a pattern: a `{{placeholder}}` matches any text. */
const ENGLISH_TEXTS = Object.values(domainCatalogEn)
  .flatMap((area) => Object.values(area))
  .map(
    (text) =>
      new RegExp(
        `^${text
          .split(/\{\{\s*[\w.]+\s*\}\}/)
          .map(escapeRegExp)
          .join('.+')}$`,
        's',
      ),
  );

/**
 * Every message a patron can see comes from our catalogs (packages/domain), in the language the
 * request negotiated: Japanese ones for `ja`, never zod's English internals ("Invalid input:
 * expected object, received null"); for `en`, texts of the English catalog (not a Japanese
 * fallback, not zod's).
 */
function expectCatalogMessages(
  body: { error: { message: string; fields?: Record<string, string> } },
  lang: Language,
  where: string,
) {
  for (const message of [body.error.message, ...Object.values(body.error.fields ?? {})]) {
    if (lang === 'ja') {
      expect(message, where).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(message, where).not.toMatch(/invalid|expected|received|too (big|small)|unrecognized/i);
    } else {
      expect(
        ENGLISH_TEXTS.some((text) => text.test(message)),
        `${where}: ${JSON.stringify(message)} is no text of the English catalog`,
      ).toBe(true);
    }
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

describe('odd JSON bodies on every operation, with a valid session and without (issue 15/17)', () => {
  it('answer 4xx in the error shape with messages from our catalogs (Japanese, or English when asked), never a 5xx', {
    timeout: 120_000,
  }, async () => {
    const withBody = operations.filter((op) => op.method !== 'GET');
    expect(withBody.map((op) => `${op.method} ${op.path}`)).toContain('PUT /api/me/password');
    for (const op of withBody) {
      for (const [s, session] of (['valid', 'none'] as const).entries()) {
        for (const [i, raw] of ODD_BODIES.entries()) {
          // Each body once in each language (one with a session, one without): no more requests.
          const lang: Language = (i + s) % 2 === 0 ? 'ja' : 'en';
          const headers: Record<string, string> = { ...BROWSER, 'accept-language': lang };
          if (session === 'valid') headers.cookie = await sessionCookie(0);
          const res = await t.app.request(`http://localhost${fill(op.path, {})}`, {
            method: op.method,
            headers,
            body: raw,
          });
          const text = await res.text();
          const where = `${op.method} ${op.path} (${session} session, ${lang}) ${raw} → ${res.status} ${text.slice(0, 200)}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) {
            const parsed = JSON.parse(text);
            expect(isErrorShape(parsed), where).toBe(true);
            expectCatalogMessages(parsed, lang, where);
          }
        }
      }
    }
  });
});

describe('fuzzing every operation of the document', () => {
  it(`${RUNS} generated requests: no 5xx, every answer as the document declares it`, {
    timeout: 60_000 + RUNS * 100,
  }, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const statuses = new Map<number, number>();
    const succeeded = new Set<string>();
    /** Error answers by the language they were negotiated for: both must be fuzzed. */
    const errorsIn = { ja: 0, en: 0 };
    const requestCase = fc
      .integer({ min: 0, max: operations.length - 1 })
      .chain((i) => caseFor(operations[i]!));
    await fc.assert(
      fc.asyncProperty(requestCase, async (c) => {
        const { method, path, res, text, lang } = await sendCase(c);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (process.env.FUZZ_DEBUG) console.info(`${method} ${path} → ${res.status} ${text.slice(0, 100)}`);
        if (res.status < 300 && method === c.op.method) succeeded.add(`${method} ${c.op.path}`);
        const where = `${method} ${path} (${lang}) → ${res.status} ${text.slice(0, 200)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400 && method !== 'HEAD') {
          expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
          const parsed = JSON.parse(text);
          expect(isErrorShape(parsed), where).toBe(true);
          expectCatalogMessages(parsed, lang, where);
          errorsIn[lang]++;
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    // The generator reached the handlers, not only the guards: successes on many operations
    // and several kinds of refusal.
    const seenStatuses = [...statuses.keys()];
    for (const status of [400, 401, 403, 404]) {
      expect(seenStatuses, `no ${status} among ${seenStatuses}`).toContain(status);
    }
    // Both languages' messages were checked, each on a fair share of the refusals.
    expect(errorsIn.en, JSON.stringify(errorsIn)).toBeGreaterThanOrEqual(Math.floor(RUNS / 30));
    expect(errorsIn.ja, JSON.stringify(errorsIn)).toBeGreaterThanOrEqual(Math.floor(RUNS / 30));
    expect(succeeded.size, [...succeeded].join(', ')).toBeGreaterThanOrEqual(
      Math.min(12, Math.floor(RUNS / 20)),
    );
  });
});
