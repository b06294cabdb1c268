import { PUSH_ENDPOINT_MAX_LENGTH, pushSubscriptionMessages } from '@library/domain';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type Db, openDatabase } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import { patrons, pushSubscriptions, pushVapidKeys } from '../../db/schema.ts';
import { expectError } from '../../test/expect-error.ts';
import { browserSubscription } from '../../test/push-service.ts';
import { client, createTestApp, signedIn } from '../../test/test-app.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const t = useTestApp({ cleared: [pushSubscriptions] });

const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/dGVzdC1lbmRwb2ludA:APA91bHq';

async function patronId(number: string) {
  const [row] = await t.db.select({ id: patrons.id }).from(patrons).where(eq(patrons.number, number));
  return row!.id;
}

describe('GET /api/push/public-key', () => {
  it('answers the stored VAPID public key (an uncompressed P-256 point), the same every time', async () => {
    const c = client(t.app);
    const first = await c.get('/api/push/public-key');
    expect(first.status).toBe(200);
    expect(first.body.publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/);
    expect(Buffer.from(first.body.publicKey, 'base64url')).toHaveLength(65);
    expect((await c.get('/api/push/public-key')).body).toEqual(first.body);
    const rows = await t.db.select().from(pushVapidKeys);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.publicKey).toBe(first.body.publicKey);
    expect(Buffer.from(rows[0]!.privateKey, 'base64url')).toHaveLength(32);
    // The private key is never in the answer.
    expect(JSON.stringify(first.body)).not.toContain(rows[0]!.privateKey);
  });

  it('makes one key pair when two app instances start on one empty database at once', async () => {
    const database = await openTestDatabase();
    // A second handle on the same database: a second postgres.js pool on a server, or a
    // second drizzle over the same PGlite (one connection, statements interleaved).
    const second = database.url
      ? await openDatabase({ url: database.url, dataDir: '' })
      : { db: drizzle((database.db as unknown as { $client: never }).$client, { schema }) as unknown as Db };
    try {
      expect(await database.db.select().from(pushVapidKeys)).toHaveLength(0);
      const apps = [database.db, second.db].map((db) => buildApp({ ...t.deps, db }));
      const answers = await Promise.all(
        apps.map(async (app) => {
          const response = await app.request('http://localhost/api/push/public-key');
          return (await response.json()) as { publicKey: string };
        }),
      );
      expect(answers[0]!.publicKey).toMatch(/^B/);
      expect(answers[1]).toEqual(answers[0]);
      const rows = await database.db.select().from(pushVapidKeys);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.publicKey).toBe(answers[0]!.publicKey);
    } finally {
      if ('close' in second) await second.close();
      await database.close();
    }
  });
});

describe('POST /api/me/push-subscriptions', () => {
  it('keeps the subscription for the signed-in patron: 201, and again with new keys is one row', async () => {
    const c = await signedIn(t.app, '100000001');
    const first = browserSubscription(ENDPOINT).json;
    const created = await c.post('/api/me/push-subscriptions', first);
    expect(created.status).toBe(201);
    expect(created.body).toBeUndefined();
    const renewed = browserSubscription(ENDPOINT).json;
    expect((await c.post('/api/me/push-subscriptions', renewed)).status).toBe(201);
    const rows = await t.db.select().from(pushSubscriptions);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      patronId: await patronId('100000001'),
      endpoint: ENDPOINT,
      p256dh: renewed.keys.p256dh,
      auth: renewed.keys.auth,
    });
  });

  it('moves a browser’s subscription to the patron who subscribed with it last', async () => {
    const a = await signedIn(t.app, '100000001');
    await a.post('/api/me/push-subscriptions', browserSubscription(ENDPOINT).json);
    const b = await signedIn(t.app, '200000002');
    expect((await b.post('/api/me/push-subscriptions', browserSubscription(ENDPOINT).json)).status).toBe(201);
    const rows = await t.db.select().from(pushSubscriptions);
    expect(rows.map((r) => r.patronId)).toEqual([await patronId('200000002')]);
  });

  it('needs a session', async () => {
    const res = await client(t.app).post('/api/me/push-subscriptions', browserSubscription(ENDPOINT).json);
    expectError(res, 401, 'unauthenticated');
    expect(await t.db.select().from(pushSubscriptions)).toHaveLength(0);
  });

  const valid = browserSubscription(ENDPOINT).json;
  const bad: [string, unknown, string][] = [
    ['an http endpoint', { ...valid, endpoint: 'http://fcm.googleapis.com/fcm/send/x' }, 'endpoint'],
    ['not a URL', { ...valid, endpoint: 'fcm.googleapis.com' }, 'endpoint'],
    [
      'an endpoint over 1 KB',
      { ...valid, endpoint: `https://fcm.googleapis.com/${'a'.repeat(PUSH_ENDPOINT_MAX_LENGTH)}` },
      'endpoint',
    ],
    [
      'a loopback endpoint (not allowed here)',
      { ...valid, endpoint: 'https://127.0.0.1:8443/push' },
      'endpoint',
    ],
    ['a private-network endpoint', { ...valid, endpoint: 'https://192.168.1.10/push' }, 'endpoint'],
    ['localhost', { ...valid, endpoint: 'https://localhost/push' }, 'endpoint'],
    ['credentials in the URL', { ...valid, endpoint: 'https://u:p@fcm.googleapis.com/x' }, 'endpoint'],
    [
      'a p256dh of 64 bytes',
      { ...valid, keys: { ...valid.keys, p256dh: valid.keys.p256dh.slice(0, 86) } },
      'keys.p256dh',
    ],
    [
      'a compressed point',
      { ...valid, keys: { ...valid.keys, p256dh: Buffer.alloc(33, 2).toString('base64url') } },
      'keys.p256dh',
    ],
    [
      'standard base64 in p256dh',
      { ...valid, keys: { ...valid.keys, p256dh: `${valid.keys.p256dh.slice(0, 86)}+` } },
      'keys.p256dh',
    ],
    [
      'an auth of 15 bytes',
      { ...valid, keys: { ...valid.keys, auth: Buffer.alloc(15, 1).toString('base64url') } },
      'keys.auth',
    ],
    [
      'an auth of 17 bytes',
      { ...valid, keys: { ...valid.keys, auth: Buffer.alloc(17, 1).toString('base64url') } },
      'keys.auth',
    ],
    ['no keys', { endpoint: ENDPOINT }, 'keys'],
    ['a number as endpoint', { ...valid, endpoint: 42 }, 'endpoint'],
  ];
  it.each(bad)('400 with the field for %s', async (_, body, field) => {
    const c = await signedIn(t.app, '100000001');
    const res = await c.post('/api/me/push-subscriptions', body);
    expectError(res, 400, 'validation_failed');
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(Object.values(pushSubscriptionMessages)).toContain(res.body.error.fields[field]);
    expect(await t.db.select().from(pushSubscriptions)).toHaveLength(0);
  });

  it('400 invalid_json for a body that is not JSON', async () => {
    const c = await signedIn(t.app, '100000001');
    const res = await c.post('/api/me/push-subscriptions', '{"endpoint":');
    expectError(res, 400, 'invalid_json');
  });

  it('takes https://127.0.0.1 only with PUSH_ALLOW_LOOPBACK_ENDPOINTS=true', async () => {
    const local = await createTestApp({ env: { PUSH_ALLOW_LOOPBACK_ENDPOINTS: 'true' } });
    try {
      const c = client(local.app);
      await c.login('100000001');
      const ok = await c.post(
        '/api/me/push-subscriptions',
        browserSubscription('https://127.0.0.1:8443/p/1').json,
      );
      expect(ok.status).toBe(201);
      // Still https only, and still no private network.
      const http = await c.post(
        '/api/me/push-subscriptions',
        browserSubscription('http://127.0.0.1:8443/p/1').json,
      );
      expect(http.status).toBe(400);
      const lan = await c.post(
        '/api/me/push-subscriptions',
        browserSubscription('https://10.0.0.5/p/1').json,
      );
      expect(lan.status).toBe(400);
    } finally {
      await local.close();
    }
  });
});

describe('DELETE /api/me/push-subscriptions', () => {
  it('deletes the patron’s own subscription: 204', async () => {
    const c = await signedIn(t.app, '100000001');
    await c.post('/api/me/push-subscriptions', browserSubscription(ENDPOINT).json);
    const res = await c.deleteJson('/api/me/push-subscriptions', { endpoint: ENDPOINT });
    expect(res.status).toBe(204);
    expect(await t.db.select().from(pushSubscriptions)).toHaveLength(0);
    // Again: nothing left, still 204.
    expect((await c.deleteJson('/api/me/push-subscriptions', { endpoint: ENDPOINT })).status).toBe(204);
  });

  it('leaves another patron’s subscription alone (and says nothing about it)', async () => {
    const owner = await signedIn(t.app, '100000001');
    await owner.post('/api/me/push-subscriptions', browserSubscription(ENDPOINT).json);
    const other = await signedIn(t.app, '200000002');
    const res = await other.deleteJson('/api/me/push-subscriptions', { endpoint: ENDPOINT });
    expect(res.status).toBe(204);
    const rows = await t.db.select().from(pushSubscriptions);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.patronId).toBe(await patronId('100000001'));
  });

  it('400 with the field for a bad endpoint; 401 without a session', async () => {
    const c = await signedIn(t.app, '100000001');
    const bad = await c.deleteJson('/api/me/push-subscriptions', { endpoint: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.endpoint).toBe(pushSubscriptionMessages.endpoint);
    const anonymous = await client(t.app).deleteJson('/api/me/push-subscriptions', { endpoint: ENDPOINT });
    expect(anonymous.status).toBe(401);
  });
});
