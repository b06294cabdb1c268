import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findSession } from '../services/sessions.ts';
import type { AppDeps, SessionInfo } from './app-env.ts';

/** The session cookie's name; over https it is `__Host-sid` (Hono adds the prefix). */
const COOKIE_NAME = 'sid';

function isSecureRequest(c: Context, deps: AppDeps): boolean {
  if (deps.env.COOKIE_SECURE !== 'auto') return deps.env.COOKIE_SECURE === 'true';
  const forwarded = deps.env.TRUST_PROXY ? c.req.header('x-forwarded-proto') : undefined;
  return forwarded !== undefined ? forwarded === 'https' : c.req.url.startsWith('https:');
}

export function setSessionCookie(c: Context, deps: AppDeps, id: string): void {
  const secure = isSecureRequest(c, deps);
  setCookie(c, COOKIE_NAME, id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    ...(secure ? { prefix: 'host' as const } : {}),
  });
}

/**
 * The session id from the cookie this request's scheme uses. Over https only `__Host-sid`
 * counts: a browser keeps that one to our exact origin, while a plain `sid` can be planted by a
 * sibling subdomain or an http man-in-the-middle (session fixation), so it is never read there.
 */
export function readSessionCookie(c: Context, deps: AppDeps): string | undefined {
  return isSecureRequest(c, deps) ? getCookie(c, COOKIE_NAME, 'host') : getCookie(c, COOKIE_NAME);
}

export function clearSessionCookie(c: Context, deps: AppDeps): void {
  const secure = isSecureRequest(c, deps);
  deleteCookie(c, COOKIE_NAME, {
    path: '/',
    secure,
    ...(secure ? { prefix: 'host' as const } : {}),
  });
  // A planted plain `sid` goes too, so nothing of it outlives the logout.
  if (secure && getCookie(c, COOKIE_NAME) !== undefined)
    deleteCookie(c, COOKIE_NAME, { path: '/', secure: true });
}

/** The live session the request's cookie names, if any (the services decide nothing about cookies). */
export async function cookieSession(c: Context, deps: AppDeps): Promise<SessionInfo | undefined> {
  const id = readSessionCookie(c, deps);
  return id ? findSession(deps.db, id, deps.clock.now()) : undefined;
}
