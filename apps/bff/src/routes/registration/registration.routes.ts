import { registrationVerifySchema } from '@library/domain/registration';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { portalPasswordsOnly } from '../../lib/portal-passwords-only.ts';
import { requestContext } from '../../lib/request-context.ts';
import { jsonBody, jsonValue } from '../../lib/validation.ts';
import { registrationService } from '../../services/registration.ts';

/** 新規パスワード登録 (I6, I7, I10): identity check, then password and email. */
export function registrationRoutes(deps: AppDeps) {
  const { clock } = deps;
  const service = registrationService(deps);
  return (
    new Hono<AppEnv>()
      // Before the body is read, as パスワードを忘れた方: with ILS PINs there is nothing to register.
      .use('*', portalPasswordsOnly(deps))
      .post('/verify', async (c) => {
        const input = await jsonBody(c, registrationVerifySchema(clock.today()));
        return c.json(await service.verify(input, requestContext(c, deps)));
      })
      .post('/complete', async (c) => {
        const raw = await jsonValue(c);
        return c.json(await service.complete(raw, requestContext(c, deps)), 201);
      })
  );
}
