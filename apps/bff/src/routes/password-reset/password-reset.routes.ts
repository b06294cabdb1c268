import { passwordResetRequestSchema, passwordResetVerifySchema } from '@library/domain/registration';
import { type Context, Hono } from 'hono';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { clientAddress } from '../../lib/client-address.ts';
import { requestOrigin } from '../../lib/same-origin.ts';
import { jsonBody } from '../../lib/validation.ts';
import { passwordResetService } from '../../services/password-reset.ts';

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
}

/** パスワードを忘れた方 (docs/product.md §11, §6): request a mailed link, or prove identity; then a new password. */
export function passwordResetRoutes(deps: AppDeps) {
  const { clock, env } = deps;
  const service = passwordResetService(deps);
  return new Hono<AppEnv>()
    .use('*', async (_c, next) => {
      // CIRCULATION=sip2 with SIP2_PASSWORDS=ils: the password is the ILS's PIN, which only the
      // library counter sets; there is no portal password to reset (as registration answers).
      if (!deps.circulation.portalPasswords) throw new ApiError(403, 'registration_not_available');
      await next();
    })
    .post('/request', async (c) => {
      const input = await jsonBody(c, passwordResetRequestSchema);
      // PUBLIC_ORIGIN when configured: then a forged Host header cannot put another site in the link.
      const origin = env.PUBLIC_ORIGIN ?? requestOrigin(c.req.url, c.req.raw.headers, env.TRUST_PROXY);
      await service.request(input.patronNumber, origin, {
        requestId: c.get('requestId'),
        logger: c.get('logger'),
        lang: c.get('lang'),
      });
      return c.json({ accepted: true }, 202);
    })
    .post('/verify', async (c) => {
      const input = await jsonBody(c, passwordResetVerifySchema(clock.today()));
      const result = await service.verify(input, {
        requestId: c.get('requestId'),
        logger: c.get('logger'),
        lang: c.get('lang'),
        clientAddress: clientAddress(c, deps),
      });
      return c.json(result);
    })
    .post('/complete', async (c) => {
      await service.complete(await readJson(c), {
        requestId: c.get('requestId'),
        logger: c.get('logger'),
        lang: c.get('lang'),
      });
      return c.body(null, 204);
    });
}
