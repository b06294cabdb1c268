import { passwordResetRequestSchema, passwordResetVerifySchema } from '@library/domain/registration';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { portalPasswordsOnly } from '../../lib/portal-passwords-only.ts';
import { requestContext } from '../../lib/request-context.ts';
import { requestOrigin } from '../../lib/same-origin.ts';
import { jsonBody, jsonValue } from '../../lib/validation.ts';
import { passwordResetService } from '../../services/password-reset.ts';

/** パスワードを忘れた方 (docs/product.md §11, §6): request a mailed link, or prove identity; then a new password. */
export function passwordResetRoutes(deps: AppDeps) {
  const { clock, env } = deps;
  const service = passwordResetService(deps);
  return (
    new Hono<AppEnv>()
      // Before the body is read: with ILS PINs there is nothing to reset, whatever was sent.
      .use('*', portalPasswordsOnly(deps))
      .post('/request', async (c) => {
        const input = await jsonBody(c, passwordResetRequestSchema);
        // PUBLIC_ORIGIN when configured: then a forged Host header cannot put another site in the link.
        const origin = env.PUBLIC_ORIGIN ?? requestOrigin(c.req.url, c.req.raw.headers, env.TRUST_PROXY);
        await service.request(input.patronNumber, origin, requestContext(c, deps));
        return c.json({ accepted: true }, 202);
      })
      .post('/verify', async (c) => {
        const input = await jsonBody(c, passwordResetVerifySchema(clock.today()));
        return c.json(await service.verify(input, requestContext(c, deps)));
      })
      .post('/complete', async (c) => {
        await service.complete(await jsonValue(c), requestContext(c, deps));
        return c.body(null, 204);
      })
  );
}
