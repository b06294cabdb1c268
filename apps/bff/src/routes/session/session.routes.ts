import { loginSchema } from '@library/domain';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requestContext } from '../../lib/request-context.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../lib/session-cookie.ts';
import { jsonBody } from '../../lib/validation.ts';
import { loginService } from '../../services/login.ts';

export function sessionRoutes(deps: AppDeps) {
  const service = loginService(deps);
  return (
    new Hono<AppEnv>()
      // Who is signed in, for the SPA's header: 200 either way, so a public page that only wants
      // to know makes no failed request (GET /api/me stays 401 without a session, docs/product.md §6).
      .get('/', async (c) => c.json(await service.whoIsSignedIn(readSessionCookie(c, deps))))
      .post('/', async (c) => {
        const input = await jsonBody(c, loginSchema);
        const { sessionId, patron } = await service.login(
          input,
          readSessionCookie(c, deps),
          requestContext(c, deps),
        );
        setSessionCookie(c, deps, sessionId);
        return c.json({ patron });
      })
      .delete('/', async (c) => {
        await service.logout(readSessionCookie(c, deps), { requestId: c.get('requestId') });
        clearSessionCookie(c, deps);
        return c.body(null, 204);
      })
  );
}
