import { Writable } from 'node:stream';
import type { PushPayload } from '@library/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { patrons, pushOutbox, pushSubscriptions } from '../../db/schema.ts';
import { createLogger } from '../../lib/logger.ts';
import {
  browserSubscription,
  type PushService,
  startPushService,
  verifyVapidAuthorization,
} from '../../test/push-service.ts';
import { createTestApp, signedIn, type TestApp } from '../../test/test-app.ts';
import { queuePush } from './push-outbox.ts';
import { createPushSender, PUSH_TTL_SECONDS, type PushSenderOptions } from './push-sender.ts';
import { vapidKeys } from './vapid-keys.ts';

let t: TestApp;
let service: PushService;
beforeAll(async () => {
  t = await createTestApp({ env: { PUSH_ALLOW_LOOPBACK_ENDPOINTS: 'true' } });
  service = await startPushService();
});
afterAll(async () => {
  await service.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.delete(pushSubscriptions);
  service.received.length = 0;
  service.respondWith(() => 201);
});

/** The reminder the scheduler sends for the guide's three マンガ due 2021/01/25. */
const reminder: PushPayload = {
  title: '【柳川市立図書館】返却期限日のお知らせ',
  body: '2021年1月25日(月)が返却期限日の資料が3点あります。',
  url: '/portal/loans',
  tag: 'due-2021-01-25',
};

const MAIL_FROM = 'library@city.yanagawa.lg.jp';

function logLines() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

function sender(options: Partial<PushSenderOptions> = {}) {
  return createPushSender({
    db: t.db,
    env: { MAIL_FROM },
    clock: t.clock,
    logger: createLogger('silent'),
    agent: service.agent,
    retryBaseMs: 60_000,
    ...options,
  });
}

async function patronId(number: string) {
  const [row] = await t.db.select({ id: patrons.id }).from(patrons).where(eq(patrons.number, number));
  return row!.id;
}

/** Subscribes through the real route, as the SPA does. */
async function subscribe(number: string, path: string) {
  const c = await signedIn(t.app, number);
  const browser = browserSubscription(`${service.origin}${path}`);
  const res = await c.post('/api/me/push-subscriptions', browser.json);
  expect(res.status).toBe(201);
  return browser;
}

async function queue(number: string, payload = reminder) {
  const id = await patronId(number);
  return t.db.transaction((tx) => queuePush(tx, id, payload, t.clock.now()));
}

describe('push sender', () => {
  it('posts the reminder encrypted (RFC 8291) and signed with the stored VAPID key to the endpoint', async () => {
    const browser = await subscribe('100000001', '/push/abc123');
    expect(await queue('100000001')).toBe(1);
    const { logger, lines } = logLines();
    const s = sender({ logger });
    expect(await s.runOnce()).toEqual({ sent: 1, failed: 0, gone: 0, discarded: 0 });

    expect(service.received).toHaveLength(1);
    const [push] = service.received;
    expect(push!.method).toBe('POST');
    expect(push!.path).toBe('/push/abc123');
    expect(push!.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push!.headers.ttl)).toBe(PUSH_TTL_SECONDS);
    expect(push!.headers.urgency).toBe('normal');
    // What the browser decrypts is the reminder, exactly.
    expect(JSON.parse(browser.decrypt(push!.body))).toEqual(reminder);

    const keys = await vapidKeys(t.db);
    const claims = verifyVapidAuthorization(push!.headers.authorization as string, keys.publicKey);
    expect(claims.aud).toBe(service.origin);
    expect(claims.sub).toBe(`mailto:${MAIL_FROM}`);
    const nowSeconds = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(nowSeconds);
    expect(claims.exp).toBeLessThanOrEqual(nowSeconds + 24 * 60 * 60);

    const [row] = await t.db.select().from(pushOutbox);
    expect(row).toMatchObject({ attempts: 1, sentAt: t.clock.now(), lockedUntil: null, lastError: null });
    // Sent once: nothing more to do.
    expect(await s.runOnce()).toEqual({ sent: 0, failed: 0, gone: 0, discarded: 0 });
    expect(service.received).toHaveLength(1);

    // The log has the counts, never the endpoint or the keys.
    const log = lines.join('');
    expect(log).toContain('"sent":1');
    expect(log).not.toContain('abc123');
    expect(log).not.toContain(browser.json.keys.p256dh);
    expect(log).not.toContain(browser.json.keys.auth);
    expect(log).not.toContain(keys.privateKey);
  });

  it('a key that is not the stored one does not verify (the check can fail)', async () => {
    const browser = await subscribe('100000001', '/push/k');
    await queue('100000001');
    await sender().runOnce();
    const other = browserSubscription('https://x.example/').json.keys.p256dh;
    expect(() =>
      verifyVapidAuthorization(service.received[0]!.headers.authorization as string, other),
    ).toThrow(/not the stored public key/);
    // And another browser's keys cannot decrypt it.
    const stranger = browserSubscription(browser.json.endpoint);
    expect(() => stranger.decrypt(service.received[0]!.body)).toThrow();
  });

  it('queues one push per subscription of the patron, none for a patron without one', async () => {
    const phone = await subscribe('100000001', '/push/phone');
    const desktop = await subscribe('100000001', '/push/desktop');
    await subscribe('200000002', '/push/someone-else');
    expect(await queue('100000001')).toBe(2);
    expect(await queue('100000004')).toBe(0);
    expect(await sender().runOnce()).toMatchObject({ sent: 2 });
    const byPath = new Map(service.received.map((r) => [r.path, r]));
    expect([...byPath.keys()].sort()).toEqual(['/push/desktop', '/push/phone']);
    expect(JSON.parse(phone.decrypt(byPath.get('/push/phone')!.body))).toEqual(reminder);
    expect(JSON.parse(desktop.decrypt(byPath.get('/push/desktop')!.body))).toEqual(reminder);
  });

  it('writes in the caller’s transaction: a rollback leaves no push', async () => {
    await subscribe('100000001', '/push/rollback');
    const id = await patronId('100000001');
    await expect(
      t.db.transaction(async (tx) => {
        await queuePush(tx, id, reminder, t.clock.now());
        throw new Error('the claim failed');
      }),
    ).rejects.toThrow('the claim failed');
    expect(await t.db.select().from(pushOutbox)).toHaveLength(0);
  });

  it('refuses a payload the push service would refuse (too long, a foreign URL)', async () => {
    await subscribe('100000001', '/push/p');
    await expect(queue('100000001', { ...reminder, body: 'あ'.repeat(1001) })).rejects.toThrow();
    await expect(queue('100000001', { ...reminder, url: 'https://evil.example/' })).rejects.toThrow();
    await expect(queue('100000001', { ...reminder, url: '//evil.example/' })).rejects.toThrow();
  });

  it.each([410, 404])(
    'a %i from the push service deletes the subscription and its queued pushes',
    async (status) => {
      await subscribe('100000001', '/push/gone');
      const kept = await subscribe('100000001', '/push/kept');
      await queue('100000001');
      await queue('100000001');
      service.respondWith((r) => (r.path === '/push/gone' ? status : 201));
      const { logger, lines } = logLines();
      expect(await sender({ logger }).runOnce()).toEqual({ sent: 2, failed: 0, gone: 1, discarded: 0 });
      const subscriptions = await t.db.select().from(pushSubscriptions);
      expect(subscriptions.map((s) => s.endpoint)).toEqual([kept.json.endpoint]);
      const rows = await t.db.select().from(pushOutbox);
      // The gone subscription's second push went with it; the kept one got both.
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.sentAt !== null)).toBe(true);
      expect(lines.join('')).toContain('push subscription gone: deleted');
      expect(lines.join('')).not.toContain('/push/gone');
    },
  );

  it('a 500 is retried with backoff and sent once the push service is back', async () => {
    const browser = await subscribe('100000001', '/push/retry');
    await queue('100000001');
    service.respondWith(() => 500);
    const s = sender();
    expect(await s.runOnce()).toEqual({ sent: 0, failed: 1, gone: 0, discarded: 0 });
    let [row] = await t.db.select().from(pushOutbox);
    expect(row!.sentAt).toBeNull();
    expect(row!.lastError).toMatch(/^500: /);
    expect(row!.nextAttemptAt).toEqual(new Date(t.clock.now().getTime() + 60_000));
    // Not before its time.
    expect(await s.runOnce()).toEqual({ sent: 0, failed: 0, gone: 0, discarded: 0 });
    t.clock.advance(60_000);
    service.respondWith(() => 500);
    expect(await s.runOnce()).toMatchObject({ failed: 1 });
    [row] = await t.db.select().from(pushOutbox);
    // Doubled.
    expect(row!.nextAttemptAt).toEqual(new Date(t.clock.now().getTime() + 120_000));
    t.clock.advance(120_000);
    service.respondWith(() => 201);
    expect(await s.runOnce()).toMatchObject({ sent: 1 });
    [row] = await t.db.select().from(pushOutbox);
    expect(row).toMatchObject({ attempts: 3, lastError: null });
    expect(service.received).toHaveLength(3);
    // The subscription is kept: a 500 says nothing about it.
    expect(await t.db.select().from(pushSubscriptions)).toHaveLength(1);
    expect(JSON.parse(browser.decrypt(service.received[2]!.body))).toEqual(reminder);
  });

  it('a push service that cannot be reached is retried too', async () => {
    const c = await signedIn(t.app, '100000001');
    // Nothing listens on port 9 of 127.0.0.1.
    await c.post('/api/me/push-subscriptions', browserSubscription('https://127.0.0.1:9/push/x').json);
    await queue('100000001');
    expect(await sender().runOnce()).toEqual({ sent: 0, failed: 1, gone: 0, discarded: 0 });
    const [row] = await t.db.select().from(pushOutbox);
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    expect(row!.lastError).not.toContain('/push/x');
  });

  it('another refusal (403: a different VAPID key) is given up, not retried', async () => {
    await subscribe('100000001', '/push/forbidden');
    await queue('100000001');
    service.respondWith(() => 403);
    const s = sender();
    expect(await s.runOnce()).toEqual({ sent: 0, failed: 0, gone: 0, discarded: 1 });
    t.clock.advance(24 * 60 * 60_000);
    expect(await s.runOnce()).toEqual({ sent: 0, failed: 0, gone: 0, discarded: 0 });
    expect(service.received).toHaveLength(1);
    const [row] = await t.db.select().from(pushOutbox);
    expect(row!.discardedAt).not.toBeNull();
  });

  it('a push older than its TTL is given up without sending; a later one gets the TTL left', async () => {
    await subscribe('100000001', '/push/late');
    await queue('100000001');
    t.clock.advance((PUSH_TTL_SECONDS + 1) * 1000);
    expect(await sender().runOnce()).toEqual({ sent: 0, failed: 0, gone: 0, discarded: 1 });
    expect(service.received).toHaveLength(0);

    await queue('100000001');
    t.clock.advance(3600 * 1000);
    expect(await sender().runOnce()).toMatchObject({ sent: 1 });
    expect(Number(service.received[0]!.headers.ttl)).toBe(PUSH_TTL_SECONDS - 3600);
  });

  it('two senders never send the same row', async () => {
    await subscribe('100000001', '/push/a');
    await subscribe('100000001', '/push/b');
    for (let i = 0; i < 5; i++) await queue('100000001');
    const results = await Promise.all([sender().runOnce(), sender().runOnce()]);
    expect(results[0]!.sent + results[1]!.sent).toBe(10);
    expect(service.received).toHaveLength(10);
  });

  it('started, it delivers what is queued without waiting for a run', async () => {
    const browser = await subscribe('100000001', '/push/loop');
    const s = sender({ pollIntervalMs: 50 });
    s.start();
    try {
      await queue('100000001');
      await expect.poll(() => service.received.length, { timeout: 5_000 }).toBe(1);
      expect(JSON.parse(browser.decrypt(service.received[0]!.body))).toEqual(reminder);
    } finally {
      await s.stop();
    }
  });
});
