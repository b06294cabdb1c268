import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authAttempts, authLockouts, sessions } from '../../db/schema.ts';
import { expectError } from '../../test/expect-error.ts';
import { client, signedIn } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';

const t = useTestApp();

const genericMessage = '利用者番号またはパスワードが正しくありません。';

describe('POST /api/session', () => {
  it('logs in a registered patron with an HttpOnly, SameSite=Lax session cookie', async () => {
    const c = client(t.app);
    const res = await c.login('100000001');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ patron: { number: '100000001', name: 'ヤナガワタロウ' } });
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    // Only the hash of the id is stored.
    const id = c.jar.get('sid')!;
    const stored = await t.db.select().from(sessions);
    expect(stored.some((s) => s.idHash === id)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.idHash))).toBe(true);
  });

  it('uses the __Host- prefix and Secure over https', async () => {
    const c = client(t.app, 'https://library.example.jp');
    const res = await c.login('100000001');
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^__Host-sid=/);
    expect(cookie).toContain('Secure');
    expect((await c.get('/api/me')).status).toBe(200);
  });

  it('accepts the number as printed on the card or typed in full width', async () => {
    expect((await client(t.app).login('A100000001A')).status).toBe(200);
    expect((await client(t.app).login('１０００００００１')).status).toBe(200);
  });

  it('answers a wrong password, an unknown number and an unregistered patron alike', async () => {
    const wrong = await client(t.app).login('100000004', 'wrong-password');
    const unknown = await client(t.app).login('100999999', 'tosho2021');
    const unregistered = await client(t.app).login('300000003', '19901105');
    for (const res of [wrong, unknown, unregistered]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'invalid_credentials', message: genericMessage } });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    // A success resets the count, so the one failure above does not linger.
    expect((await client(t.app).login('100000004')).status).toBe(200);
  });

  it('refuses malformed input with 400 and the fields', async () => {
    const res = await client(t.app).post('/api/session', { patronNumber: '12', password: '' });
    expectError(res, 400, 'validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['password', 'patronNumber']);
    const bad = await client(t.app).post('/api/session', '{"patronNumber":');
    expectError(bad, 400, 'invalid_json');
  });

  it('locks the number after 5 consecutive failures with 423 and Retry-After, for 15 minutes', async () => {
    const c = client(t.app);
    for (let i = 0; i < 4; i++) expect((await c.login('200000002', 'nope-nope')).status).toBe(401);
    const fifth = await c.login('200000002', 'nope-nope');
    expectError(fifth, 423, 'locked');
    expect(Number(fifth.headers.get('retry-after'))).toBe(900);
    // Even the right password is refused while locked.
    const locked = await c.login('200000002');
    expect(locked.status).toBe(423);
    const attempts = await t.db.select().from(authAttempts).where(eq(authAttempts.patronNumber, '200000002'));
    expect(attempts.filter((a) => !a.succeeded)).toHaveLength(5);
    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await c.login('200000002')).status).toBe(200);
    // The success ended the run: nothing is left of it.
    expect(await t.db.select().from(authLockouts).where(eq(authLockouts.patronNumber, '200000002'))).toEqual(
      [],
    );
  });

  it('rotates the session id at login', async () => {
    const c = await signedIn(t.app, '100000001');
    const first = c.jar.get('sid');
    await c.login('100000001');
    const second = c.jar.get('sid');
    expect(second).not.toBe(first);
    const stale = client(t.app);
    stale.jar.set('sid', first!);
    expect((await stale.get('/api/me')).status).toBe(401);
  });
});

describe('GET /api/session', () => {
  it('answers 200 with patron null without a session, with a forged one and after logout', async () => {
    const c = client(t.app);
    const anonymous = await c.get('/api/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ patron: null, passwordMode: 'portal' });
    expect(anonymous.headers.get('Cache-Control')).toBe('no-store');
    // GET /api/me stays 401 for the same visitor (docs/product.md §6).
    expect((await c.get('/api/me')).status).toBe(401);

    const forged = client(t.app);
    forged.jar.set('sid', 'x'.repeat(43));
    expect((await forged.get('/api/session')).body).toEqual({ patron: null, passwordMode: 'portal' });

    await c.login('100000001');
    await c.delete('/api/session');
    expect((await c.get('/api/session')).body).toEqual({ patron: null, passwordMode: 'portal' });
  });

  it('names the signed-in patron, and only by number and name', async () => {
    const c = await signedIn(t.app, '100000001');
    const res = await c.get('/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      patron: { number: '100000001', name: 'ヤナガワタロウ' },
      passwordMode: 'portal',
    });
  });

  it('says patron null once the session has expired', async () => {
    const c = await signedIn(t.app, '100000001');
    t.clock.advance(31 * 60 * 1000);
    expect((await c.get('/api/session')).body).toEqual({ patron: null, passwordMode: 'portal' });
  });
});

describe('DELETE /api/session', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const c = await signedIn(t.app, '100000001');
    const id = c.jar.get('sid')!;
    const res = await c.delete('/api/session');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()[0]).toMatch(/^sid=;.*Max-Age=0/);
    const replay = client(t.app);
    replay.jar.set('sid', id);
    expect((await replay.get('/api/me')).status).toBe(401);
  });
});

describe('the __Host- cookie over https (issue 17, defect 5)', () => {
  it('accepts nothing but __Host-sid: a planted plain sid is not a session, and logout clears both', async () => {
    // A session id that a sibling subdomain or an http man-in-the-middle could plant as `sid`.
    const other = await signedIn(t.app, '100000004');
    const planted = other.jar.get('sid')!;

    const victim = client(t.app, 'https://library.example.jp');
    victim.jar.set('sid', planted);
    expect((await victim.get('/api/me')).status).toBe(401);
    expect((await victim.get('/api/session')).body).toEqual({ patron: null, passwordMode: 'portal' });

    // Logged in properly, the __Host- cookie decides, whatever the planted one says.
    expect((await victim.login('100000001')).status).toBe(200);
    victim.jar.set('sid', planted);
    expect((await victim.get('/api/me')).body.patron.number).toBe('100000001');

    const out = await victim.delete('/api/session');
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie();
    expect(cleared.some((line) => /^__Host-sid=;.*Max-Age=0/.test(line))).toBe(true);
    expect(cleared.some((line) => /^sid=;.*Max-Age=0/.test(line))).toBe(true);
    // The planted session itself was not ended by the victim's logout: it is simply not theirs.
    expect((await other.get('/api/me')).status).toBe(200);
  });
});

describe('sessions expire', () => {
  it('after 30 idle minutes', async () => {
    const c = await signedIn(t.app, '100000001');
    t.clock.advance(29 * 60 * 1000);
    expect((await c.get('/api/me')).status).toBe(200);
    t.clock.advance(29 * 60 * 1000);
    expect((await c.get('/api/me')).status).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('after 12 hours however active', async () => {
    const c = await signedIn(t.app, '100000001');
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60 * 1000);
      expect((await c.get('/api/me')).status).toBe(200);
    }
    t.clock.advance(29 * 60 * 1000);
    expect((await c.get('/api/me')).status).toBe(401);
  });
});
