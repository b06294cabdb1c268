import { DomainError, type LoginInput, maskPatronNumber } from '@library/domain';
import type { AppDeps } from '../lib/app-env.ts';
import { audit } from './audit.ts';
import { lockout } from './lockout.ts';
import { patronByNumber, signedInPatron } from './patrons.ts';
import type { RequestContext } from './request-context.ts';
import { createSession, deleteSession, findSession } from './sessions.ts';

/**
 * ログイン and ログアウト (docs/product.md §6, I1–I3): the password or PIN checked through the
 * circulation port, the lockout (ADR 0016), the session rotated. The cookie that carries the
 * session is the route's (lib/session-cookie.ts): this service takes and returns its value.
 */
export function loginService(deps: AppDeps) {
  const { db, clock } = deps;

  /** Who is signed in, and how patrons get a password here (the login page offers only what works). */
  async function whoIsSignedIn(sessionId: string | undefined) {
    // The portal's own (registration, reset) or the ILS's PIN (CIRCULATION=sip2 with SIP2_PASSWORDS=ils).
    const passwordMode = deps.circulation.portalPasswords ? 'portal' : 'ils';
    const session = sessionId ? await findSession(db, sessionId, clock.now()) : undefined;
    if (!session) return { patron: null, passwordMode };
    return { patron: await signedInPatron(db, session.patronId), passwordMode };
  }

  /**
   * Signs the patron in: a new session id (whatever session `previousSessionId` named ends), or
   * `invalid_credentials` / `locked`. Known, unknown or unregistered numbers run the same
   * statements, with the same answers, in the same order.
   */
  async function login(input: LoginInput, previousSessionId: string | undefined, ctx: RequestContext) {
    const address = ctx.clientAddress;
    const patron = await patronByNumber(db, input.patronNumber);
    const refusedWhenLocked = async <T>(patronId: number | undefined, step: () => Promise<T>): Promise<T> => {
      try {
        return await step();
      } catch (error) {
        await audit(db, 'login_locked', { patronId, requestId: ctx.requestId });
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
      ctx.logger.info({ patron: maskPatronNumber(input.patronNumber) }, 'login failed');
      await audit(db, 'login_failed', { patronId: check.patronId, requestId: ctx.requestId });
      await refusedWhenLocked(check.patronId, () => lockout.fail(deps, 'login', input.patronNumber, address));
      throw new DomainError('invalid_credentials');
    }
    const patronId = check.patronId;
    // A right password that raced a burst of wrong ones is refused once the burst locked the number.
    await refusedWhenLocked(patronId, () => lockout.check(deps, input.patronNumber, address));
    await lockout.succeed(deps, 'login', input.patronNumber, address);
    const now = clock.now();
    // Rotation: whatever session the browser had is ended; a new id is issued.
    if (previousSessionId) {
      const old = await findSession(db, previousSessionId, now);
      if (old) await deleteSession(db, old.idHash);
    }
    const sessionId = await createSession(db, patronId, now);
    await audit(db, 'login_succeeded', { patronId, requestId: ctx.requestId });
    // Read again: the ILS may just have told us the patron's current name.
    return { sessionId, patron: await signedInPatron(db, patronId) };
  }

  /** Ends the session the browser had, if it was live. */
  async function logout(sessionId: string | undefined, ctx: Pick<RequestContext, 'requestId'>) {
    if (!sessionId) return;
    const session = await findSession(db, sessionId, clock.now());
    if (!session) return;
    await deleteSession(db, session.idHash);
    await audit(db, 'logout', { patronId: session.patronId, requestId: ctx.requestId });
  }

  return { whoIsSignedIn, login, logout };
}
