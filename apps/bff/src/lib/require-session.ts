import { createMiddleware } from 'hono/factory';
import { DomainError } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { cookieSession } from './session-cookie.ts';

/** Lets the request through only with a live session, which it puts in `c.var.session`. */
export function requireSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = await cookieSession(c, deps);
    if (!session) throw new DomainError('unauthenticated');
    c.set('session', session);
    await next();
  });
}
