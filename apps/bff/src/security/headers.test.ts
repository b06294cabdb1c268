import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../test/test-app.ts';

/** Security headers (ASVS V14.4, V3.4) on API answers — errors included — and on the SPA. */

let t: TestApp;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'spa-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html lang="ja"><script type="module" src="/assets/app.js"></script></html>',
  );
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  t = await createTestApp({ env: { STATIC_DIR: staticDir } });
});
afterAll(async () => {
  await t.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function cspDirectives(headers: Headers): Map<string, string[]> {
  const csp = headers.get('content-security-policy') ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectSecurityHeaders(headers: Headers, label: string) {
  const csp = cspDirectives(headers);
  expect(csp.get('default-src'), label).toEqual(["'self'"]);
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
  expect(scriptSrc, label).toEqual(["'self'"]); // no 'unsafe-inline', no 'unsafe-eval', no hosts
  expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
  expect(csp.get('object-src'), label).toEqual(["'none'"]);
  expect(csp.get('base-uri'), label).toEqual(["'self'"]);
  expect(csp.get('form-action'), label).toEqual(["'self'"]);
  expect(headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(headers.get('x-frame-options'), label).toBe('DENY');
  expect(headers.get('referrer-policy'), label).toBe('same-origin');
  expect(headers.get('strict-transport-security'), label).toMatch(/^max-age=\d{8,}; includeSubDomains/);
  expect(headers.get('cross-origin-opener-policy'), label).toBe('same-origin');
  expect(headers.get('x-powered-by'), label).toBeNull();
  expect(headers.get('x-request-id'), label).toMatch(/^[0-9a-f-]{36}$/);
  expectPermissionsPolicy(headers, label);
}

/** Camera for the future card scanner, on our own origin only; every other powerful feature off. */
function expectPermissionsPolicy(headers: Headers, label: string) {
  const policy = new Map(
    (headers.get('permissions-policy') ?? '')
      .split(',')
      .map((d) => d.trim().split('='))
      .filter((parts) => parts[0])
      .map(([name, value]) => [name!, value ?? '']),
  );
  expect(policy.get('camera'), label).toBe('(self)');
  for (const feature of [
    'microphone',
    'geolocation',
    'payment',
    'usb',
    'serial',
    'bluetooth',
    'hid',
    'midi',
    'display-capture',
    'screen-wake-lock',
    'publickey-credentials-get',
    'accelerometer',
    'gyroscope',
    'magnetometer',
    'fullscreen',
    'autoplay',
    'browsing-topics',
  ]) {
    expect(policy.get(feature), `${label}: ${feature}`).toBe('()');
  }
  expect(
    [...policy.entries()].filter(([name, value]) => name !== 'camera' && value !== '()'),
    label,
  ).toEqual([]);
}

describe('security headers', () => {
  it('on API answers of every kind: 200, 204, 400, 401, 403, 404, 413', async () => {
    const c = client(t.app, 'https://library.example.jp');
    const answers = {
      '200 health': await c.get('/api/health'),
      '200 login': await c.login(),
      '204 logout': await c.delete('/api/session'),
      '400 bad json': await c.post('/api/session', '{"patronNumber":'),
      '401 me': await c.get('/api/me'),
      '403 cross-site': await c.post('/api/session', {}, { origin: 'https://evil.example' }),
      '404 unknown': await c.get('/api/nothing-here'),
      '413 too large': await c.post('/api/session', { pad: 'x'.repeat(40_000) }),
    };
    for (const [label, res] of Object.entries(answers)) {
      expect(res.status, label).toBe(Number(label.slice(0, 3)));
      expectSecurityHeaders(res.headers, label);
      // Personal data and errors alike: no cache keeps an API answer.
      expect(res.headers.get('cache-control'), label).toBe('no-store');
    }
  });

  it('on the SPA shell, its assets and client-side routes', async () => {
    for (const path of ['/', '/loans', '/registration/step-1', '/assets/app-1234.js']) {
      const res = await t.app.request(`https://library.example.jp${path}`);
      expect(res.status, path).toBe(200);
      expectSecurityHeaders(res.headers, path);
    }
    // Hashed assets and the shell get no no-store: they hold nothing personal.
    const shell = await t.app.request('https://library.example.jp/portal');
    expect(shell.headers.get('cache-control')).not.toBe('no-store');
  });

  it('the session cookie: HttpOnly, SameSite=Lax, Path=/, and __Host- + Secure over https', async () => {
    const plain = await client(t.app).login();
    expect(plain.headers.getSetCookie()[0]).toMatch(/^sid=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const https = await client(t.app, 'https://library.example.jp').login();
    expect(https.headers.getSetCookie()[0]).toMatch(
      /^__Host-sid=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    // No Domain (the __Host- prefix forbids it), no Max-Age: the server decides when it ends.
    expect(https.headers.getSetCookie()[0]).not.toMatch(/Domain=|Max-Age=|Expires=/i);
  });

  it('COOKIE_SECURE=true marks the cookie Secure even on plain http (a TLS-terminating proxy without TRUST_PROXY)', {
    timeout: 120_000,
  }, async () => {
    const secure = await createTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const res = await client(secure.app).login();
      expect(res.headers.getSetCookie()[0]).toMatch(/^__Host-sid=.*; Secure; SameSite=Lax$/);
    } finally {
      await secure.close();
    }
  });
});
