import { emailChangeSchema } from '@library/domain/registration';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requestContext } from '../../lib/request-context.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody, jsonValue } from '../../lib/validation.ts';
import { accountSettingsService } from '../../services/account-settings.ts';

/** 利用者情報変更 (I11): password and email of the signed-in patron, each confirmed by mail. */
export function meSettingsRoutes(deps: AppDeps) {
  const service = accountSettingsService(deps);
  return new Hono<AppEnv>()
    .use(requireSession(deps))
    .put('/password', async (c) => {
      await service.changePassword(c.get('session'), () => jsonValue(c), requestContext(c, deps));
      return c.body(null, 204);
    })
    .put('/email', async (c) => {
      const input = await jsonBody(c, emailChangeSchema);
      await service.changeEmail(c.get('session').patronId, input, requestContext(c, deps));
      return c.body(null, 204);
    });
}
