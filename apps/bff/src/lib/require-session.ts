import { createMiddleware } from 'hono/factory';
import { findSession, readSessionCookie } from '../services/sessions.ts';
import { ApiError } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';

/** Lets the request through only with a live session, which it puts in `c.var.session`. */
export function requireSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = readSessionCookie(c, deps);
    const session = id ? await findSession(deps.db, id, deps.clock.now()) : undefined;
    if (!session) throw new ApiError(401, 'unauthenticated');
    c.set('session', session);
    await next();
  });
}
