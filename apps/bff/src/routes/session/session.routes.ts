import { loginSchema, maskPatronNumber } from '@library/domain';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { patrons } from '../../db/schema.ts';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { clientAddress } from '../../lib/client-address.ts';
import { jsonBody } from '../../lib/validation.ts';
import { audit } from '../../services/audit.ts';
import { lockout } from '../../services/lockout.ts';
import { verifyPassword } from '../../services/passwords.ts';
import {
  clearSessionCookie,
  createSession,
  deleteSession,
  findSession,
  readSessionCookie,
  setSessionCookie,
} from '../../services/sessions.ts';

export function sessionRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return (
    new Hono<AppEnv>()
      // Who is signed in, for the SPA's header: 200 either way, so a public page that only wants
      // to know makes no failed request (GET /api/me stays 401 without a session, docs/product.md §6).
      .get('/', async (c) => {
        const id = readSessionCookie(c, deps);
        const session = id ? await findSession(db, id, clock.now()) : undefined;
        if (!session) return c.json({ patron: null });
        const [patron] = await db
          .select({ number: patrons.number, name: patrons.nameKana })
          .from(patrons)
          .where(eq(patrons.id, session.patronId));
        return c.json({ patron: patron ?? null });
      })
      .post('/', async (c) => {
        const input = await jsonBody(c, loginSchema);
        const address = clientAddress(c, deps);
        const requestId = c.get('requestId');
        const [patron] = await db.select().from(patrons).where(eq(patrons.number, input.patronNumber));
        // Known, unknown or unregistered: the same statements, the same answers, in the same order.
        const refusedWhenLocked = async <T>(step: () => Promise<T>): Promise<T> => {
          try {
            return await step();
          } catch (error) {
            await audit(db, 'login_locked', { patronId: patron?.id, requestId });
            throw error;
          }
        };
        await refusedWhenLocked(() => lockout.check(deps, input.patronNumber, address));
        // Always hash (a dummy when there is no patron or no password) so timing reveals nothing.
        const ok = await verifyPassword(patron?.passwordHash, input.password);
        if (!ok || !patron) {
          c.get('logger').info({ patron: maskPatronNumber(input.patronNumber) }, 'login failed');
          await audit(db, 'login_failed', { patronId: patron?.id, requestId });
          await refusedWhenLocked(() => lockout.fail(deps, 'login', input.patronNumber, address));
          throw new ApiError(401, 'invalid_credentials');
        }
        // A right password that raced a burst of wrong ones is refused once the burst locked the number.
        await refusedWhenLocked(() => lockout.check(deps, patron.number, address));
        await lockout.succeed(deps, 'login', patron.number, address);
        const now = clock.now();
        // Rotation: whatever session the browser had is ended; a new id is issued.
        const previous = readSessionCookie(c, deps);
        if (previous) {
          const old = await findSession(db, previous, now);
          if (old) await deleteSession(db, old.idHash);
        }
        const id = await createSession(db, patron.id, now);
        setSessionCookie(c, deps, id);
        await audit(db, 'login_succeeded', { patronId: patron.id, requestId });
        return c.json({ patron: { number: patron.number, name: patron.nameKana } });
      })
      .delete('/', async (c) => {
        const id = readSessionCookie(c, deps);
        if (id) {
          const session = await findSession(db, id, clock.now());
          if (session) {
            await deleteSession(db, session.idHash);
            await audit(db, 'logout', { patronId: session.patronId, requestId: c.get('requestId') });
          }
        }
        clearSessionCookie(c, deps);
        return c.body(null, 204);
      })
  );
}
