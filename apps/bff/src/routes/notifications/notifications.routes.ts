import { languageChangeSchema, notificationPreferencesUpdateSchema } from '@library/domain/notifications';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody } from '../../lib/validation.ts';
import { notificationSettingsService } from '../../services/notifications/notification-settings.ts';

/** お知らせの設定, the patron's language and iCalendar URL (docs/product.md §6, §10, §12), under /api/me. */
export function notificationsRoutes(deps: AppDeps) {
  const service = notificationSettingsService(deps);
  return (
    new Hono<AppEnv>()
      .use(requireSession(deps))
      .get('/notifications', async (c) => c.json(await service.preferences(c.get('session').patronId)))
      .put('/notifications', async (c) => {
        const input = await jsonBody(c, notificationPreferencesUpdateSchema);
        await service.savePreferences(c.get('session').patronId, input);
        return c.body(null, 204);
      })
      // The header's 日本語 / English alone, so it and お知らせの設定 never overwrite each other's fields.
      .put('/language', async (c) => {
        const { language } = await jsonBody(c, languageChangeSchema);
        await service.saveLanguage(c.get('session').patronId, language);
        return c.body(null, 204);
      })
      .post('/calendar-feed', async (c) => {
        const url = await service.createFeed(c.get('session').patronId, { requestId: c.get('requestId') });
        return c.json({ url }, 201);
      })
      .delete('/calendar-feed', async (c) => {
        await service.revokeFeed(c.get('session').patronId, { requestId: c.get('requestId') });
        return c.body(null, 204);
      })
  );
}
