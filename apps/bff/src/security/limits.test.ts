import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../lib/create-app.ts';
import { jsonShape, MAX_JSON_DEPTH, MAX_JSON_VALUES } from '../lib/json-limits.ts';
import { expectError } from '../test/expect-error.ts';
import { client, createTestApp, type TestApp } from '../test/test-app.ts';
import { expectErrorShape } from './security-test-kit.ts';

/** Input limits (ASVS V5.1.4, V13.1.x): body size → 413, JSON too deep or too large → 400. */

let t: TestApp;
let server: ReturnType<typeof serve>;
let port: number;
let a: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestApp();
  a = client(t.app);
  expect((await a.login('100000001')).status).toBe(200);
  server = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** A login body of exactly `size` bytes (UTF-8). */
function bodyOfSize(size: number): string {
  const head = '{"patronNumber":"100999999","password":"x","pad":"';
  return `${head}${'a'.repeat(size - head.length - 2)}"}`;
}

/**
 * Sends a body over a real socket in chunks: without Content-Length (Transfer-Encoding: chunked),
 * or with the one `headers` gives.
 */
function chunkedPost(
  path: string,
  chunks: string[],
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (error) => {
      if ((error as { code?: string }).code !== 'EPIPE' && (error as { code?: string }).code !== 'ECONNRESET')
        reject(error);
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.subarray(i, i + 4096));
      controller.close();
    },
  });
}

describe('request body size', () => {
  it('32 KB passes, one byte more is 413 in the error shape (with Content-Length)', async () => {
    const ok = await a.post('/api/session', bodyOfSize(BODY_LIMIT_BYTES));
    expect(ok.status).toBe(401); // reached the handler: wrong credentials
    const tooLarge = await a.post('/api/session', bodyOfSize(BODY_LIMIT_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    expectErrorShape(tooLarge.body);
    expect(tooLarge.body.error.code).toBe('payload_too_large');
  });

  it('without Content-Length (a stream) the bytes are counted as they come', async () => {
    for (const [size, status] of [
      [BODY_LIMIT_BYTES, 401],
      [BODY_LIMIT_BYTES + 1, 413],
      [BODY_LIMIT_BYTES * 10, 413],
    ] as const) {
      const res = await t.app.request('http://localhost/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: streamOf(bodyOfSize(size)),
        // Node's fetch needs it for a stream body.
        duplex: 'half',
      });
      expect(res.status, `${size} bytes`).toBe(status);
      if (status === 413) expectErrorShape(await res.json());
    }
  });

  it('over a real socket with Content-Length: decided on the header, before any byte is read', async () => {
    const post = (body: string) =>
      chunkedPost('/api/session', [body], { 'content-length': String(Buffer.byteLength(body)) });
    expect((await post(bodyOfSize(BODY_LIMIT_BYTES))).status).toBe(401);
    const large = await post(bodyOfSize(BODY_LIMIT_BYTES + 1));
    expect(large.status).toBe(413);
    expectErrorShape(large.body);
  });

  it('over a real socket with Transfer-Encoding: chunked', async () => {
    const small = await chunkedPost('/api/session', ['{"patronNumber":"100999999",', '"password":"x"}']);
    expect(small.status).toBe(401);
    const large = await chunkedPost(
      '/api/session',
      Array.from({ length: 40 }, (_, i) => (i === 0 ? '{"pad":"' : 'a'.repeat(1024))),
    );
    expect(large.status).toBe(413);
    expectErrorShape(large.body);
  });

  it('the limit holds on every API path, also ones that read no body', async () => {
    for (const [method, path] of [
      ['PUT', '/api/me/email'],
      ['POST', '/api/renewals'],
      ['DELETE', '/api/session'],
      ['POST', '/api/registration/complete'],
      ['POST', '/api/nowhere'],
    ] as const) {
      const res = await t.app.request(`http://localhost${path}`, {
        method,
        headers: { 'content-type': 'application/json', cookie: `sid=${a.jar.get('sid')}` },
        body: bodyOfSize(BODY_LIMIT_BYTES + 100),
      });
      expect(res.status, `${method} ${path}`).toBe(413);
      expectErrorShape(await res.json());
    }
  });
});

describe('JSON depth and size', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('counts depth and values without being fooled by brackets in strings', () => {
    expect(jsonShape('{"loanIds":[1,2,3]}')).toEqual({ depth: 2, values: 5 });
    expect(jsonShape('{"a":"[[[[{{{{,,,,\\"]]]"}')).toEqual({ depth: 1, values: 2 });
    expect(jsonShape('"x"')).toEqual({ depth: 0, values: 1 });
    expect(jsonShape('')).toEqual({ depth: 0, values: 0 });
    expect(jsonShape(deep(50)).depth).toBe(50);
  });

  it(`nested deeper than ${MAX_JSON_DEPTH} levels → 400 invalid_json on every endpoint that takes a body`, async () => {
    for (const [method, path] of [
      ['POST', '/api/session'],
      ['POST', '/api/renewals'],
      ['PUT', '/api/me/password'],
      ['PUT', '/api/me/email'],
      ['POST', '/api/registration/verify'],
      ['POST', '/api/registration/complete'],
      ['POST', '/api/password-reset/request'],
      ['POST', '/api/password-reset/verify'],
      ['POST', '/api/password-reset/complete'],
    ] as const) {
      for (const body of [deep(MAX_JSON_DEPTH + 1), deepObject(MAX_JSON_DEPTH + 1), deep(5000)]) {
        const res = await t.app.request(`http://localhost${path}`, {
          method,
          headers: { 'content-type': 'application/json', cookie: `sid=${a.jar.get('sid')}` },
          body,
        });
        expect(res.status, `${method} ${path}`).toBe(400);
        const json = (await res.json()) as { error: { code: string } };
        expectErrorShape(json);
        expect(json.error.code).toBe('invalid_json');
      }
    }
    // At the limit the handler decides (here: a validation error, not invalid_json).
    const atLimit = await a.post('/api/session', `{"patronNumber":${deep(MAX_JSON_DEPTH - 1)}}`);
    expectError(atLimit, 400, 'validation_failed');
  });

  it(`more than ${MAX_JSON_VALUES} values → 400 invalid_json; the largest real body passes`, async () => {
    const many = await a.post('/api/renewals', `{"loanIds":[${Array(MAX_JSON_VALUES).fill(1).join(',')}]}`);
    expectError(many, 400, 'invalid_json');
    const manyKeys = await a.post(
      '/api/session',
      `{${Array.from({ length: MAX_JSON_VALUES }, (_, i) => `"k${i}":0`).join(',')}}`,
    );
    expectError(manyKeys, 400, 'invalid_json');
    const hundred = await a.post('/api/renewals', {
      loanIds: Array.from({ length: 100 }, (_, i) => 900_000 + i),
    });
    expect(hundred.status).toBe(200);
  });

  it('malformed JSON → 400 invalid_json, never 500', async () => {
    for (const body of ['{', '{"a":}', 'null', '[]', '"text"', '\u0000', '{"a":1}{"b":2}', '\ud800']) {
      const res = await a.post('/api/session', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(res.body);
    }
  });
});
