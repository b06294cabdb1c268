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
import {
  clearSessionCookie,
  createSession,
  deleteSession,
  findSession,
  readSessionCookie,
  setSessionCookie,
} from '../../services/sessions.ts';

/**
 * Who is signed in. `language` only when the patron saved one (SPEC §12): the SPA then shows
 * it on a device that has no choice of its own, without asking another endpoint.
 */
function signedInPatron(patron: { number: string; name: string; language: 'ja' | 'en' | null }) {
  return {
    number: patron.number,
    name: patron.name,
    ...(patron.language ? { language: patron.language } : {}),
  };
}

export function sessionRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return (
    new Hono<AppEnv>()
      // Who is signed in, for the SPA's header: 200 either way, so a public page that only wants
      // to know makes no failed request (GET /api/me stays 401 without a session, docs/product.md §6).
      .get('/', async (c) => {
        // How patrons get a password: the portal's own (registration, reset) or the ILS's PIN
        // (CIRCULATION=sip2 with SIP2_PASSWORDS=ils), so the login page offers only what works.
        const passwordMode = deps.circulation.portalPasswords ? 'portal' : 'ils';
        const id = readSessionCookie(c, deps);
        const session = id ? await findSession(db, id, clock.now()) : undefined;
        if (!session) return c.json({ patron: null, passwordMode });
        const [patron] = await db
          .select({ number: patrons.number, name: patrons.nameKana, language: patrons.language })
          .from(patrons)
          .where(eq(patrons.id, session.patronId));
        return c.json({ patron: patron ? signedInPatron(patron) : null, passwordMode });
      })
      .post('/', async (c) => {
        const input = await jsonBody(c, loginSchema);
        const address = clientAddress(c, deps);
        const requestId = c.get('requestId');
        const [patron] = await db.select().from(patrons).where(eq(patrons.number, input.patronNumber));
        // Known, unknown or unregistered: the same statements, the same answers, in the same order.
        const refusedWhenLocked = async <T>(
          patronId: number | undefined,
          step: () => Promise<T>,
        ): Promise<T> => {
          try {
            return await step();
          } catch (error) {
            await audit(db, 'login_locked', { patronId, requestId });
            throw error;
          }
        };
        await refusedWhenLocked(patron?.id, () => lockout.check(deps, input.patronNumber, address));
        // The portal's password (a dummy hash when there is none, so timing reveals nothing), or the
        // ILS's PIN (CIRCULATION=sip2): the port decides, and names the patron's row (an ILS patron
        // seen for the first time gets one).
        const check = await deps.circulation.checkLogin({
          patronNumber: input.patronNumber,
          password: input.password,
          patron,
        });
        if (!check.ok || check.patronId === undefined) {
          c.get('logger').info({ patron: maskPatronNumber(input.patronNumber) }, 'login failed');
          await audit(db, 'login_failed', { patronId: check.patronId, requestId });
          await refusedWhenLocked(check.patronId, () =>
            lockout.fail(deps, 'login', input.patronNumber, address),
          );
          throw new ApiError(401, 'invalid_credentials');
        }
        const patronId = check.patronId;
        // A right password that raced a burst of wrong ones is refused once the burst locked the number.
        await refusedWhenLocked(patronId, () => lockout.check(deps, input.patronNumber, address));
        await lockout.succeed(deps, 'login', input.patronNumber, address);
        const now = clock.now();
        // Rotation: whatever session the browser had is ended; a new id is issued.
        const previous = readSessionCookie(c, deps);
        if (previous) {
          const old = await findSession(db, previous, now);
          if (old) await deleteSession(db, old.idHash);
        }
        const id = await createSession(db, patronId, now);
        setSessionCookie(c, deps, id);
        await audit(db, 'login_succeeded', { patronId, requestId });
        // Read again: the ILS may just have told us the patron's current name.
        const [current] = await db
          .select({ number: patrons.number, name: patrons.nameKana, language: patrons.language })
          .from(patrons)
          .where(eq(patrons.id, patronId));
        return c.json({ patron: current ? signedInPatron(current) : null });
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
