import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  loans,
  mailOutbox,
  notificationPreferences,
  patrons,
  pushSubscriptions,
  pushVapidKeys,
  reservations,
  sessions,
} from '../db/schema.ts';
import { TARO_IDENTITY } from '../test/demo-identities.ts';
import { browserSubscription } from '../test/push-service.ts';
import { client } from '../test/test-app.ts';
import { useTestApp } from '../test/use-test-app.ts';
import { activeLoanIds, apiEndpoints, expectErrorShape, patronId, patronState } from './security-test-kit.ts';

/**
 * Access control (ASVS V4): every endpoint of the API, called without a session (or with a
 * forged one) and, signed in as patron A, aimed at patron B's data. Nothing of B's is read or
 * changed. The table must list every /api route Hono knows: a new endpoint without a row fails.
 */

const A = '100000001';
const B = '100000004'; // 23 renewable books: a leak or a cross-patron renewal would show
const UNREGISTERED = '300000003';

const notificationPrefs = {
  reminder: { email: true, daysBefore: 3, includeTitles: false, push: false },
  overdueNotice: true,
  language: 'ja',
};

/** B's own お知らせの設定: unlike anything A sends. */
const bPrefs = {
  reminder: { email: false, daysBefore: 7, includeTitles: true, push: false },
  overdueNotice: false,
  language: 'en',
};

/** An identity claim that matches nobody's record (another patron's details). */
const wrongIdentity = (patronNumber: string) => ({
  patronNumber,
  ...TARO_IDENTITY,
});

/** Step 2 of a registration with a token nobody was given. */
const strangersRegistration = () => ({
  registrationToken: randomBytes(32).toString('base64url'),
  password: strongPassword,
  passwordConfirm: strongPassword,
  email: 'intruder@example.jp',
  useForContact: true,
  useForReservations: true,
});

const t = useTestApp();
let a: ReturnType<typeof client>;
let b: ReturnType<typeof client>;
let bLoans: number[];
let aLoans: number[];

beforeAll(async () => {
  a = client(t.app);
  b = client(t.app);
  expect((await a.login(A)).status).toBe(200);
  expect((await b.login(B)).status).toBe(200);
  // B has settings and a feed of its own, which A must neither read nor change — settings that
  // differ from every body A sends, so a write of A's landing on B's row would show.
  expect((await b.put('/api/me/notifications', bPrefs)).status).toBe(204);
  expect((await b.post('/api/me/calendar-feed')).status).toBe(201);
  aLoans = await activeLoanIds(t.db, A);
  bLoans = await activeLoanIds(t.db, B);
  expect(bLoans.length).toBe(23);
});

type Client = ReturnType<typeof client>;
type Answer = Awaited<ReturnType<Client['get']>>;

/** A public endpoint's anonymous answer: this status, and whatever `more` checks of it. */
const answers = (status: number, more?: (res: Answer) => void) => (res: Answer) => {
  expect(res.status).toBe(status);
  more?.(res);
};

/** Step 2 of a password reset with a token nobody was given. */
const strangersReset = () => ({
  resetToken: randomBytes(32).toString('base64url'),
  password: strongPassword,
  passwordConfirm: strongPassword,
});

/**
 * An identity-proof step (registration or reset, step 1): a wrong claim about `patronNumber`
 * is refused with 401 and no `tokenField` in the answer.
 */
function identityCheck(path: string, patronNumber: string, tokenField: string): AccessCase {
  return {
    kind: 'public',
    anonymous: (c) => c.post(path, wrongIdentity(patronNumber)),
    publicCheck: answers(401, (res) => expect(JSON.stringify(res.body)).not.toContain(tokenField)),
    crossPatron: { notApplicable: 'the identity proof itself is the authorisation; a session adds nothing' },
  };
}

/**
 * A step 2 (registration or reset) sent with a token nobody was given (`body` makes a fresh one):
 * 410, signed in or not. Only B's own live token completes B's step; A's session does not, and
 * B's session lives on.
 */
function strangersTokenCheck(path: string, body: () => object): AccessCase {
  return {
    kind: 'public',
    anonymous: (c) => c.post(path, body()),
    publicCheck: answers(410),
    crossPatron: async () => {
      expect((await a.post(path, body())).status).toBe(410);
      expect((await b.get('/api/me')).status).toBe(200);
    },
  };
}

/**
 * B's own rows, read straight from the database: the patron row whole, B's お知らせの設定,
 * B's reservations (their contact addresses), which sessions B has, and the audit rows naming B.
 */
async function bRows() {
  const id = await patronId(t.db, B);
  return {
    patron: await t.db.select().from(patrons).where(eq(patrons.id, id)),
    notifications: await t.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.patronId, id)),
    reservations: await t.db
      .select()
      .from(reservations)
      .where(eq(reservations.patronId, id))
      .orderBy(reservations.id),
    sessions: (await t.db.select({ idHash: sessions.idHash }).from(sessions).where(eq(sessions.patronId, id)))
      .map((r) => r.idHash)
      .sort(),
    audit: await t.db.select().from(auditLog).where(eq(auditLog.patronId, id)).orderBy(auditLog.id),
  };
}

/** A PUT of A's with B's number slipped in: 204, and every row of B's read back as it was. */
async function putAsANamingB(path: string, body: object): Promise<void> {
  const before = await bRows();
  expect((await a.put(path, namingB(body))).status).toBe(204);
  expect(await bRows()).toEqual(before);
}

/**
 * A protected PUT of `body`: without a session 401; signed in as A with B named in the body,
 * 204 with B's rows untouched (read back from the database), and `changedAs` checks that A's
 * own data changed.
 */
function putNamingB(path: string, body: object, changedAs: () => Promise<void>): AccessCase {
  return {
    kind: 'protected',
    anonymous: (c) => c.put(path, body),
    crossPatron: async () => {
      await putAsANamingB(path, body);
      await changedAs();
    },
  };
}

interface AccessCase {
  /** Without a session: what the endpoint is called with. */
  anonymous: (c: Client) => Promise<Answer>;
  /** `protected`: 401 unauthenticated; `public`: answered, but nothing personal in it. */
  kind: 'protected' | 'public';
  /** Extra checks of a public endpoint's anonymous answer. */
  publicCheck?: (res: Answer) => Promise<void> | void;
  /** Signed in as A, aimed at B: throws if anything of B's is read or changed. */
  crossPatron: (() => Promise<void>) | { notApplicable: string };
}

const strongPassword = 'Kawa-no-machi-77';
/** A's password change to `strongPassword`, as the settings form sends it. */
const passwordChange = {
  currentPassword: 'tosho2021',
  password: strongPassword,
  passwordConfirm: strongPassword,
};
/** A body with B's number slipped in: the server must take the patron from the session only. */
const namingB = <T extends object>(body: T) => ({ ...body, patronNumber: B });

const table: Record<string, AccessCase> = {
  'GET /api/openapi.json': {
    kind: 'public',
    anonymous: (c) => c.get('/api/openapi.json'),
    publicCheck: (res) => expect(res.body.openapi).toBe('3.1.0'),
    crossPatron: { notApplicable: 'the same document for everyone' },
  },
  'GET /api/health': {
    kind: 'public',
    anonymous: (c) => c.get('/api/health'),
    publicCheck: answers(200),
    crossPatron: { notApplicable: 'holds no patron data' },
  },
  'GET /api/calendar': {
    kind: 'public',
    anonymous: (c) => c.get('/api/calendar?from=2021-01&months=2'),
    // Due dates are personal: without a session the calendar has none.
    publicCheck: answers(200, (res) => expect(JSON.stringify(res.body)).not.toContain('dueCount')),
    crossPatron: async () => {
      // A's calendar counts exactly A's loans, never B's (whose 23 books share one due date).
      const rows = await t.db
        .select({ dueDate: loans.dueDate })
        .from(loans)
        .where(and(eq(loans.patronId, await patronId(t.db, A)), isNull(loans.returnedOn)));
      const own = new Map<string, number>();
      for (const r of rows) own.set(r.dueDate, (own.get(r.dueDate) ?? 0) + 1);
      for (const branch of ['main', 'mitsuhashi', 'yamato']) {
        const res = await a.get(`/api/calendar?branch=${branch}&from=2021-01&months=2`);
        expect(res.status).toBe(200);
        for (const month of res.body.months) {
          for (const day of month.days) expect(day.dueCount).toBe(own.get(day.date) ?? 0);
        }
      }
    },
  },
  'POST /api/session': {
    kind: 'public',
    anonymous: (c) => c.post('/api/session', { patronNumber: B, password: 'not-the-password' }),
    publicCheck: answers(401, (res) => expect(res.headers.getSetCookie()).toEqual([])),
    crossPatron: { notApplicable: "signing in as B needs B's password (routes/session/session.test.ts)" },
  },
  'GET /api/session': {
    kind: 'public',
    anonymous: (c) => c.get('/api/session'),
    publicCheck: answers(200, (res) => expect(res.body).toEqual({ patron: null, passwordMode: 'portal' })),
    crossPatron: async () => {
      // A's cookie names A, never B.
      const res = await a.get('/api/session');
      expect(res.status).toBe(200);
      expect(res.body.patron.number).toBe(A);
    },
  },
  'DELETE /api/session': {
    kind: 'public',
    anonymous: (c) => c.delete('/api/session'),
    publicCheck: answers(204),
    crossPatron: async () => {
      // A logging out (even with B's cookie name games) ends A's session only.
      const a2 = client(t.app);
      expect((await a2.login(A)).status).toBe(200);
      expect((await a2.delete('/api/session')).status).toBe(204);
      expect((await a2.get('/api/me')).status).toBe(401);
      expect((await b.get('/api/me')).status).toBe(200);
      expect((await a.get('/api/me')).status).toBe(200);
    },
  },
  'GET /api/me': {
    kind: 'protected',
    anonymous: (c) => c.get('/api/me'),
    crossPatron: async () => {
      const res = await a.get(`/api/me?patron=${B}&patronId=${await patronId(t.db, B)}`);
      expect(res.status).toBe(200);
      expect(res.body.patron.number).toBe(A);
      expect(res.body.loans).toHaveLength(aLoans.length);
      expect(JSON.stringify(res.body)).not.toContain(B);
    },
  },
  'PUT /api/me/password': putNamingB('/api/me/password', passwordChange, async () => {
    // B still signs in with B's own password, and B's session lives on.
    expect((await b.get('/api/me')).status).toBe(200);
    const bAgain = client(t.app);
    expect((await bAgain.login(B)).status).toBe(200);
    expect((await bAgain.delete('/api/session')).status).toBe(204);
    // A's password is back as it was, for the other rows.
    expect(
      (
        await a.put('/api/me/password', {
          currentPassword: strongPassword,
          password: 'tosho2021-again',
          passwordConfirm: 'tosho2021-again',
        })
      ).status,
    ).toBe(204);
  }),
  'PUT /api/me/email': putNamingB(
    '/api/me/email',
    { email: 'taro@example.jp', useForContact: true, useForReservations: true },
    async () => {
      const [row] = await t.db.select({ email: patrons.email }).from(patrons).where(eq(patrons.number, A));
      expect(row!.email).toBe('taro@example.jp');
    },
  ),
  'GET /api/me/notifications': {
    kind: 'protected',
    anonymous: (c) => c.get('/api/me/notifications'),
    crossPatron: async () => {
      const res = await a.get(`/api/me/notifications?patron=${B}&patronId=${await patronId(t.db, B)}`);
      expect(res.status).toBe(200);
      // A's own (the defaults), not what B saved.
      expect(res.body.language).toBe('ja');
      expect(res.body.reminder).toEqual({ email: false, daysBefore: 3, includeTitles: false, push: false });
      expect(res.body.overdueNotice).toBe(true);
    },
  },
  'PUT /api/me/notifications': putNamingB('/api/me/notifications', notificationPrefs, async () => {
    expect((await a.get('/api/me/notifications')).body).toEqual(notificationPrefs);
    expect((await b.get('/api/me/notifications')).body).toEqual(bPrefs);
  }),
  'PUT /api/me/language': putNamingB('/api/me/language', { language: 'en' }, async () => {
    expect((await a.get('/api/me/notifications')).body.language).toBe('en');
    expect((await b.get('/api/me/notifications')).body.language).toBe('en');
    // B's language is B's own: A going back to Japanese leaves it English.
    await putAsANamingB('/api/me/language', { language: 'ja' });
    expect((await a.get('/api/me/notifications')).body.language).toBe('ja');
    expect((await b.get('/api/me/notifications')).body.language).toBe('en');
  }),
  'POST /api/me/calendar-feed': {
    kind: 'protected',
    anonymous: (c) => c.post('/api/me/calendar-feed'),
    crossPatron: async () => {
      const res = await a.post('/api/me/calendar-feed', namingB({}));
      expect(res.status).toBe(201);
      const feed = await t.app.request(res.body.url.replace(/^https?:\/\/[^/]+/, 'http://localhost'));
      const text = await feed.text();
      // A's 8 loans, none of B's 23.
      const counts = [...text.matchAll(/SUMMARY:返却期限日 \((\d+)点\)/g)].map((m) => Number(m[1]));
      expect(counts.reduce((n, x) => n + x, 0)).toBe(aLoans.length);
    },
  },
  'DELETE /api/me/calendar-feed': {
    kind: 'protected',
    anonymous: (c) => c.delete('/api/me/calendar-feed'),
    crossPatron: async () => {
      expect((await a.delete('/api/me/calendar-feed')).status).toBe(204);
    },
  },
  'GET /api/calendar-feed/:file': {
    kind: 'public',
    anonymous: (c) => c.get(`/api/calendar-feed/${randomBytes(32).toString('base64url')}.ics`),
    publicCheck: answers(404),
    crossPatron: { notApplicable: 'the secret URL is the credential; a session adds nothing' },
  },
  'GET /api/push/public-key': {
    kind: 'public',
    anonymous: (c) => c.get('/api/push/public-key'),
    publicCheck: async (res) => {
      expect(res.status).toBe(200);
      const [keys] = await t.db.select().from(pushVapidKeys);
      expect(res.body).toEqual({ publicKey: keys!.publicKey });
      expect(JSON.stringify(res.body)).not.toContain(keys!.privateKey);
    },
    crossPatron: { notApplicable: 'one public key for the whole service' },
  },
  'POST /api/me/push-subscriptions': {
    kind: 'protected',
    anonymous: (c) =>
      c.post(
        '/api/me/push-subscriptions',
        browserSubscription('https://fcm.googleapis.com/fcm/send/anon').json,
      ),
    crossPatron: async () => {
      const bEndpoint = 'https://fcm.googleapis.com/fcm/send/b-own-browser';
      expect((await b.post('/api/me/push-subscriptions', browserSubscription(bEndpoint).json)).status).toBe(
        201,
      );
      // A names B in every way a body could: the subscription is A's all the same.
      const aEndpoint = 'https://fcm.googleapis.com/fcm/send/a-own-browser';
      const res = await a.post(
        '/api/me/push-subscriptions',
        namingB({ ...browserSubscription(aEndpoint).json, patronId: await patronId(t.db, B) }),
      );
      expect(res.status).toBe(201);
      const rows = await t.db.select().from(pushSubscriptions);
      const owner = new Map(rows.map((r) => [r.endpoint, r.patronId]));
      expect(owner.get(aEndpoint)).toBe(await patronId(t.db, A));
      expect(owner.get(bEndpoint)).toBe(await patronId(t.db, B));
    },
  },
  'DELETE /api/me/push-subscriptions': {
    kind: 'protected',
    anonymous: (c) =>
      c.deleteJson('/api/me/push-subscriptions', { endpoint: 'https://fcm.googleapis.com/fcm/send/anon' }),
    crossPatron: async () => {
      const bEndpoint = 'https://fcm.googleapis.com/fcm/send/b-kept';
      expect((await b.post('/api/me/push-subscriptions', browserSubscription(bEndpoint).json)).status).toBe(
        201,
      );
      const res = await a.deleteJson('/api/me/push-subscriptions', { endpoint: bEndpoint });
      // The same answer as for an endpoint that does not exist: nothing to learn from it.
      expect(res.status).toBe(204);
      const [row] = await t.db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.endpoint, bEndpoint));
      expect(row!.patronId).toBe(await patronId(t.db, B));
    },
  },
  'POST /api/registration/verify': identityCheck(
    '/api/registration/verify',
    UNREGISTERED,
    'registrationToken',
  ),
  'POST /api/registration/complete': strangersTokenCheck('/api/registration/complete', strangersRegistration),
  'POST /api/password-reset/request': {
    kind: 'public',
    anonymous: (c) => c.post('/api/password-reset/request', { patronNumber: B }),
    publicCheck: answers(202, (res) => expect(res.body).toEqual({ accepted: true })),
    crossPatron: async () => {
      // A signed in asks for B: B's mail goes to B's address on file (B has none), nothing to A.
      const before = await t.db.select().from(mailOutbox);
      expect((await a.post('/api/password-reset/request', { patronNumber: B })).body).toEqual({
        accepted: true,
      });
      expect(await t.db.select().from(mailOutbox)).toHaveLength(before.length);
    },
  },
  'POST /api/password-reset/verify': identityCheck('/api/password-reset/verify', B, 'resetToken'),
  'POST /api/password-reset/complete': strangersTokenCheck('/api/password-reset/complete', strangersReset),
  'GET /api/loans': {
    kind: 'protected',
    anonymous: (c) => c.get('/api/loans'),
    crossPatron: async () => {
      const seen: number[] = [];
      for (let page = 1; page <= 5; page++) {
        const res = await a.get(`/api/loans?page=${page}&pageSize=50&patronId=${await patronId(t.db, B)}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((i: { id: number }) => i.id));
        if (page >= res.body.totalPages) break;
      }
      expect(seen.sort((x, y) => x - y)).toEqual(aLoans);
      expect(seen.some((id) => bLoans.includes(id))).toBe(false);
    },
  },
  'POST /api/renewals': {
    kind: 'protected',
    anonymous: (c) => c.post('/api/renewals', { loanIds: bLoans.slice(0, 5) }),
    crossPatron: async () => {
      const res = await a.post('/api/renewals', { loanIds: [aLoans[0]!, ...bLoans] });
      expect(res.status).toBe(200);
      const foreign = res.body.results.filter((r: { loanId: number }) => bLoans.includes(r.loanId));
      expect(foreign).toHaveLength(bLoans.length);
      for (const r of foreign) {
        // Not even the title: it would tell what B borrowed.
        expect(r).toEqual({ loanId: r.loanId, ok: false, reason: 'not_found' });
      }
      const key = `cross-${randomBytes(6).toString('hex')}`;
      const keyed = await a.post(
        '/api/renewals',
        { loanIds: bLoans.slice(0, 3) },
        { 'Idempotency-Key': key },
      );
      expect(keyed.body.results.every((r: { ok: boolean }) => !r.ok)).toBe(true);
    },
  },
};

describe('access control', () => {
  it('the table lists every /api endpoint the app has, and no other', () => {
    expect(apiEndpoints(t.app)).toEqual(Object.keys(table).sort());
  });

  describe.each(Object.entries(table))('%s', (_endpoint, row) => {
    it('without a session (or with a forged one): 401, or a public answer with nothing personal; nothing changed', async () => {
      const before = await Promise.all([A, B, UNREGISTERED].map((n) => patronState(t.db, n)));
      const forgedId = randomBytes(32).toString('base64url');
      const anonymous = client(t.app);
      const forged = client(t.app);
      forged.jar.set('sid', forgedId);
      const forgedHost = client(t.app, 'https://library.example.jp');
      forgedHost.jar.set('__Host-sid', forgedId);
      for (const c of [anonymous, forged, forgedHost]) {
        const res = await row.anonymous(c);
        if (row.kind === 'protected') {
          expect(res.status).toBe(401);
          expectErrorShape(res.body);
          expect(res.body.error.code).toBe('unauthenticated');
        } else {
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expectErrorShape(res.body);
          await row.publicCheck?.(res);
        }
      }
      const after = await Promise.all([A, B, UNREGISTERED].map((n) => patronState(t.db, n)));
      // patronState leaves out the failure count: a failed login counts toward B's lockout by design.
      expect(after).toEqual(before);
    });

    if (row.crossPatron instanceof Function) {
      const crossPatron = row.crossPatron;
      it("signed in as A, aimed at B's data: nothing of B's read or changed", async () => {
        const before = await patronState(t.db, B);
        await crossPatron();
        const after = await patronState(t.db, B);
        expect(after).toEqual(before);
      });
    }
  });
});
