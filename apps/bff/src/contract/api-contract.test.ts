import { API_ERROR_CODES } from '@library/domain/api';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import { apiEndpoints } from '../security/security-test-kit.ts';
import { ContractViolation, checkAnswer } from '../test/contract-check.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiContract, errorsOf } from './api-contract.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** `GET /api/calendar-feed/{file}` → `GET /api/calendar-feed/:file`, as Hono writes it. */
const honoKey = (op: { method: string; path: string }) =>
  `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`;

describe('the contract (contract/api-contract.ts)', () => {
  it('names exactly the routes the app registers: a route without a contract, or a contract without a route, fails', () => {
    const contract = apiContract.map(honoKey).sort();
    expect(new Set(contract).size, 'one row per operation').toBe(contract.length);
    expect(contract).toEqual(apiEndpoints(t.app));
  });

  it('declares only error codes the API has, each status with at least one', () => {
    for (const op of apiContract) {
      for (const [status, codes] of errorsOf(op)) {
        expect(status).toBeGreaterThanOrEqual(400);
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) expect(API_ERROR_CODES).toContain(code);
      }
    }
  });

  it('has a valid JSON Schema (2020-12) for every body, parameter and answer of the document', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const document = buildOpenApiDocument();
    let schemas = 0;
    const visit = (node: unknown, key?: string) => {
      if (typeof node !== 'object' || node === null) return;
      if (key === 'schema') {
        ajv.compile(node as object);
        schemas++;
        return;
      }
      for (const [k, v] of Object.entries(node)) visit(v, k);
    };
    visit(document.paths);
    expect(schemas).toBeGreaterThan(100);
  });

  it('its examples are valid requests by the very schemas the routes validate with', () => {
    for (const op of apiContract) {
      for (const [name, example] of Object.entries(op.examples ?? {})) {
        const result = safeParse(op.body!, example);
        expect(result.error?.issues, `${op.method} ${op.path} example ${name}`).toBeUndefined();
      }
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('serves the generated document as JSON, cacheable with revalidation (ETag, 304)', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    const again = await t.app.request('/api/openapi.json', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('is gzipped for a client that accepts it', async () => {
    const res = await t.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number((await res.arrayBuffer()).byteLength)).toBeLessThan(40_000);
  });
});

describe('the tests’ contract check (test/contract-check.ts)', () => {
  const check = (
    method: string,
    path: string,
    status: number,
    body: unknown,
    contentType = 'application/json',
  ) =>
    checkAnswer(method, `http://localhost${path}`, {
      status,
      contentType,
      text: body === undefined ? '' : JSON.stringify(body),
    });
  const loanPage = { page: 1, pageSize: 10, totalPages: 1, total: 0, blocked: null, items: [] };

  it('accepts a declared answer', () => {
    expect(() => check('GET', '/api/loans', 200, loanPage)).not.toThrow();
    expect(() => check('DELETE', '/api/session', 204, undefined)).not.toThrow();
  });

  it('refuses a renamed or an extra field, an undeclared status and an undeclared error code', () => {
    const { totalPages, ...renamed } = loanPage;
    expect(() => check('GET', '/api/loans', 200, { ...renamed, pages: totalPages })).toThrow(
      ContractViolation,
    );
    expect(() => check('GET', '/api/loans', 200, { ...loanPage, secret: 'x' })).toThrow(/additional/);
    expect(() => check('GET', '/api/loans', 201, loanPage)).toThrow(/status not declared/);
    const error = (code: string) => ({ error: { code, message: 'エラー' } });
    expect(() => check('GET', '/api/loans', 401, error('unauthenticated'))).not.toThrow();
    expect(() => check('GET', '/api/loans', 401, error('invalid_credentials'))).toThrow(ContractViolation);
    expect(() => check('POST', '/api/nowhere', 404, error('not_found'))).not.toThrow();
    expect(() => check('POST', '/api/nowhere', 200, {})).toThrow(/no such operation/);
  });
});
