import { notificationPreferencesSchema } from '@library/domain/notifications';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody } from '../../lib/validation.ts';
import { notificationSettingsService } from '../../services/notifications/notification-settings.ts';

/** お知らせの設定 and the patron's iCalendar URL (docs/product.md §6, §10), under /api/me. */
export function notificationsRoutes(deps: AppDeps) {
  const service = notificationSettingsService(deps);
  return new Hono<AppEnv>()
    .use(requireSession(deps))
    .get('/notifications', async (c) => c.json(await service.preferences(c.get('session').patronId)))
    .put('/notifications', async (c) => {
      const input = await jsonBody(c, notificationPreferencesSchema);
      await service.savePreferences(c.get('session').patronId, input);
      return c.body(null, 204);
    })
    .post('/calendar-feed', async (c) => {
      const url = await service.createFeed(c.get('session').patronId, { requestId: c.get('requestId') });
      return c.json({ url }, 201);
    })
    .delete('/calendar-feed', async (c) => {
      await service.revokeFeed(c.get('session').patronId, { requestId: c.get('requestId') });
      return c.body(null, 204);
    });
}
