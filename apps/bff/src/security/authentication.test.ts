import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authAttempts } from '../db/schema.ts';
import { rateLimitKey } from '../lib/rate-limit.ts';
import { HANAKO_IDENTITY } from '../test/demo-identities.ts';
import { client, createTestApp, type TestApp } from '../test/test-app.ts';
import { expectErrorShape } from './security-test-kit.ts';

/**
 * Authentication under pressure (ASVS V2.2.1, V2.2.2): the per-address rate limit. The lockout
 * (against parallel bursts, and unknown numbers' timing) is tested in services/lockout.test.ts.
 */

const LIMIT = 5;
let t: TestApp;

beforeAll(async () => {
  // A low limit so the test needs few requests; TRUST_PROXY lets it speak from many addresses.
  t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true' } });
});
afterAll(async () => {
  await t.close();
});

const from = (address: string) => ({ 'x-forwarded-for': address });
/** A wrong login for a different unknown number each time: the rate limit, not the lockout, answers. */
let attempt = 0;
const wrongLogin = () => ({
  patronNumber: `1009${String(++attempt).padStart(5, '0')}`,
  password: 'not-a-password',
});

describe('per-address rate limit on authentication', () => {
  it(`allows ${LIMIT} attempts a minute per address, then 429 rate_limited with Retry-After`, async () => {
    const c = client(t.app);
    for (let i = 0; i < LIMIT; i++) {
      const res = await c.post('/api/session', wrongLogin(), from('198.51.100.7'));
      expect(res.status).toBe(401);
      expect(res.headers.get('ratelimit-remaining')).toBe(String(LIMIT - 1 - i));
    }
    const limited = await c.post('/api/session', wrongLogin(), from('198.51.100.7'));
    expect(limited.status).toBe(429);
    expectErrorShape(limited.body);
    expect(limited.body.error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Registration shares the budget: the same address is limited there too…
    const verify = await c.post(
      '/api/registration/verify',
      {
        patronNumber: '300000003',
        ...HANAKO_IDENTITY,
      },
      from('198.51.100.7'),
    );
    expect(verify.status).toBe(429);
    // …and so does パスワードを忘れた方, all three of its endpoints.
    for (const [path, body] of [
      ['/api/password-reset/request', { patronNumber: '100000001' }],
      ['/api/password-reset/verify', { patronNumber: '100000001' }],
      ['/api/password-reset/complete', { resetToken: 'x' }],
    ] as const) {
      const res = await c.post(path, body, from('198.51.100.7'));
      expect(res.status, path).toBe(429);
      expect(res.body.error.code).toBe('rate_limited');
    }
    // …while another address, even with a right password, is not.
    expect(
      (
        await c.post(
          '/api/session',
          { patronNumber: '100000001', password: 'tosho2021' },
          from('198.51.100.8'),
        )
      ).status,
    ).toBe(200);
    // A limited request never reached the handler: no attempt recorded, no lockout counted.
    expect(await t.db.select().from(authAttempts).where(eq(authAttempts.patronNumber, '300000003'))).toEqual(
      [],
    );
  });

  it('counts the address the trusted proxy saw (the last X-Forwarded-For entry), not what the client wrote', async () => {
    const c = client(t.app);
    for (let i = 0; i < LIMIT; i++) {
      expect((await c.post('/api/session', wrongLogin(), from(`10.9.9.${i}, 203.0.113.50`))).status).toBe(
        401,
      );
    }
    expect((await c.post('/api/session', wrongLogin(), from('10.9.9.99, 203.0.113.50'))).status).toBe(429);
  });

  it('counts an IPv6 client per /64 (one host owns the whole prefix)', async () => {
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(rateLimitKey('192.0.2.1')).toBe('192.0.2.1');
    const c = client(t.app);
    for (let i = 0; i < LIMIT; i++) {
      expect((await c.post('/api/session', wrongLogin(), from(`2001:db8:77:1::${i + 1}`))).status).toBe(401);
    }
    expect((await c.post('/api/session', wrongLogin(), from('2001:db8:77:1:ffff::9'))).status).toBe(429);
    expect((await c.post('/api/session', wrongLogin(), from('2001:db8:77:2::1'))).status).toBe(401);
  });

  it('does not limit what is not authentication (reading loans, the calendar, logout)', async () => {
    const c = client(t.app);
    for (let i = 0; i < LIMIT * 2; i++) {
      expect((await c.get('/api/calendar', from('198.51.100.7'))).status).toBe(200);
      expect((await c.delete('/api/session', from('198.51.100.7'))).status).toBe(204);
    }
  });

  it('on a real socket, without a proxy, the peer address is counted and X-Forwarded-For is ignored', {
    timeout: 120_000,
  }, async () => {
    const direct = await createTestApp({ demo: false, env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: direct.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/session`;
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i++) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i}` },
          body: JSON.stringify(wrongLogin()),
        });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await direct.close();
    }
  });
});
