import { type PushPublicKeyResponse, pushSubscriptionSchema, pushUnsubscribeSchema } from '@library/domain';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody } from '../../lib/validation.ts';
import { pushService } from '../../services/push/push-subscriptions.ts';

/** GET /api/push/public-key: the VAPID key browsers subscribe with (public, no session). */
export function pushRoutes(deps: AppDeps) {
  const service = pushService(deps);
  return new Hono<AppEnv>().get('/public-key', async (c) =>
    c.json({ publicKey: await service.publicKey() } satisfies PushPublicKeyResponse),
  );
}

/** POST/DELETE /api/me/push-subscriptions: the signed-in patron's browsers (docs/product.md §6, §10). */
export function pushSubscriptionRoutes(deps: AppDeps) {
  const options = { allowLoopback: deps.env.PUSH_ALLOW_LOOPBACK_ENDPOINTS };
  const subscribeSchema = pushSubscriptionSchema(options);
  const unsubscribeSchema = pushUnsubscribeSchema(options);
  const service = pushService(deps);
  return new Hono<AppEnv>()
    .use(requireSession(deps))
    .post('/', async (c) => {
      const input = await jsonBody(c, subscribeSchema);
      await service.subscribe(c.get('session').patronId, input);
      return c.body(null, 201);
    })
    .delete('/', async (c) => {
      const input = await jsonBody(c, unsubscribeSchema);
      // 204 whether or not there was one: the answer tells nothing about others' endpoints.
      await service.unsubscribe(c.get('session').patronId, input.endpoint);
      return c.body(null, 204);
    });
}
