import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAFE_METHODS } from '../lib/same-origin.ts';
import { HANAKO_IDENTITY } from '../test/demo-identities.ts';
import { client, createTestApp } from '../test/test-app.ts';
import { useTestApp } from '../test/use-test-app.ts';
import { activeLoanIds, apiEndpoints, expectErrorShape, patronState } from './security-test-kit.ts';

/**
 * CSRF (ASVS V4.2.2, V3.4.3 — SameSite=Lax is the first line, this the second): every
 * state-changing endpoint refuses a request that a browser marks as coming from another site,
 * whatever its Content-Type, with 403 in the error shape, and changes nothing.
 */

const A = '100000001';
const t = useTestApp();
let a: ReturnType<typeof client>;
let stateChanging: Array<{ method: string; path: string }>;

/** A body each endpoint would accept from the right origin: the check must stop it, not validation. */
function validBody(path: string, loanIds: number[]): unknown {
  switch (path) {
    case '/api/session':
      return { patronNumber: A, password: 'tosho2021' };
    case '/api/renewals':
      return { loanIds };
    case '/api/me/password':
      return {
        currentPassword: 'tosho2021',
        password: 'Kawa-no-machi-77',
        passwordConfirm: 'Kawa-no-machi-77',
      };
    case '/api/me/email':
      return { email: 'csrf@example.jp', useForContact: true, useForReservations: true };
    case '/api/password-reset/request':
      return { patronNumber: A };
    case '/api/registration/verify':
    case '/api/password-reset/verify':
      return {
        patronNumber: '300000003',
        ...HANAKO_IDENTITY,
      };
    default:
      return {};
  }
}

beforeAll(async () => {
  a = client(t.app);
  expect((await a.login(A)).status).toBe(200);
  stateChanging = apiEndpoints(t.app)
    .map((e) => {
      const [method, path] = e.split(' ') as [string, string];
      return { method, path };
    })
    .filter((e) => !SAFE_METHODS.has(e.method));
});

const crossSite: Array<[string, Record<string, string>]> = [
  ['Origin of another site', { origin: 'https://evil.example' }],
  ['Origin of our host on another scheme', { origin: 'https://localhost' }],
  ['Origin of our host on another port', { origin: 'http://localhost:8081' }],
  ['Origin: null (sandboxed frame)', { origin: 'null' }],
  ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
  [
    'our Origin but Sec-Fetch-Site: cross-site',
    { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' },
  ],
];

describe('same-origin check on every state-changing request', () => {
  it('covers the state-changing endpoints there are', () => {
    expect(stateChanging.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining(['POST /api/session', 'DELETE /api/session', 'POST /api/renewals']),
    );
  });

  it.each(crossSite)(
    '%s → 403 in the error shape on every endpoint, nothing changed',
    async (_label, headers) => {
      const loanIds = await activeLoanIds(t.db, A);
      const before = await patronState(t.db, A);
      for (const { method, path } of stateChanging) {
        for (const contentType of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
          const res = await t.app.request(`http://localhost${path}`, {
            method,
            headers: {
              cookie: `sid=${a.jar.get('sid')}`,
              'content-type': contentType,
              ...headers,
            },
            body: JSON.stringify(validBody(path, loanIds)),
          });
          expect(res.status, `${method} ${path} (${contentType})`).toBe(403);
          const body = (await res.json()) as { error: { code: string } };
          expectErrorShape(body);
          expect(body.error.code).toBe('forbidden');
          expect(res.headers.getSetCookie()).toEqual([]);
        }
      }
      expect(await patronState(t.db, A)).toEqual(before);
      expect((await a.get('/api/me')).status).toBe(200);
    },
  );

  it('lets the same origin through (Origin and/or Sec-Fetch-Site: same-origin, or neither)', async () => {
    for (const headers of <Array<Record<string, string>>>[
      { origin: 'http://localhost' },
      { 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      {},
    ]) {
      const c = client(t.app);
      const res = await c.post('/api/session', { patronNumber: A, password: 'tosho2021' }, headers);
      expect(res.status).toBe(200);
      expect((await c.delete('/api/session', headers)).status).toBe(204);
    }
  });

  it('behind a trusted proxy, compares with the forwarded host and scheme', {
    timeout: 120_000,
  }, async () => {
    const proxied = await createTestApp({ demo: false, env: { TRUST_PROXY: 'true' } });
    try {
      const request = (origin: string) =>
        proxied.app.request('http://10.0.0.5:8080/api/session', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin,
            'x-forwarded-host': 'library.city.example.jp',
            'x-forwarded-proto': 'https',
          },
          body: JSON.stringify({ patronNumber: A, password: 'tosho2021' }),
        });
      // No demo data: the login itself fails with 401, which proves the origin check passed.
      expect((await request('https://library.city.example.jp')).status).toBe(401);
      expect((await request('http://library.city.example.jp')).status).toBe(403);
      expect((await request('https://evil.example')).status).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it('compares Origin with PUBLIC_ORIGIN, not with the Host a request names (issue 17)', {
    timeout: 120_000,
  }, async () => {
    const configured = await createTestApp({
      demo: false,
      env: { PUBLIC_ORIGIN: 'https://library.city.example.jp', TRUST_PROXY: 'true' },
    });
    try {
      const request = (url: string, headers: Record<string, string>) =>
        configured.app.request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ patronNumber: A, password: 'tosho2021' }),
        });
      // No demo data: 401 means the origin check passed.
      expect(
        (await request('http://10.0.0.5/api/session', { origin: 'https://library.city.example.jp' })).status,
      ).toBe(401);
      // A rebinding name, or a forged Host / X-Forwarded-Host, matches itself — and is refused.
      expect(
        (await request('http://rebind.example/api/session', { origin: 'http://rebind.example' })).status,
      ).toBe(403);
      expect(
        (
          await request('http://10.0.0.5/api/session', {
            origin: 'https://evil.example',
            'x-forwarded-host': 'evil.example',
            'x-forwarded-proto': 'https',
          })
        ).status,
      ).toBe(403);
    } finally {
      await configured.close();
    }
  });

  it('without PUBLIC_ORIGIN, on a real socket, the listening address is the origin, not the Host header', {
    timeout: 120_000,
  }, async () => {
    const direct = await createTestApp({ demo: false, env: { HOST: '127.0.0.1' } });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: direct.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const post = (host: string, origin: string) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ patronNumber: A, password: 'tosho2021' });
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/session',
            method: 'POST',
            headers: {
              host,
              origin,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect(await post(`localhost:${port}`, `http://localhost:${port}`)).toBe(401);
      expect(await post(`127.0.0.1:${port}`, `http://127.0.0.1:${port}`)).toBe(401);
      // DNS rebinding: the attacker's name resolves to this server; Host and Origin agree with each other.
      expect(await post(`rebind.example:${port}`, `http://rebind.example:${port}`)).toBe(403);
      expect(await post(`localhost:${port}`, `http://localhost:${port + 1}`)).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await direct.close();
    }
  });

  it('safe methods are never refused for their origin (a cross-site link still opens the page)', async () => {
    const res = await a.get('/api/me', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(200);
  });
});
