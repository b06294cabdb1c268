import { notificationPreferencesSchema } from '@library/domain/notifications';
import { Hono } from 'hono';
import { linkOrigin } from '../../env.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody } from '../../lib/validation.ts';
import { audit } from '../../services/audit.ts';
import {
  calendarFeedUrl,
  createCalendarFeed,
  revokeCalendarFeed,
} from '../../services/notifications/calendar-feed.ts';
import { readPreferences, writePreferences } from '../../services/notifications/preferences.ts';

/** お知らせの設定 and the patron's iCalendar URL (docs/product.md §6, §10), under /api/me. */
export function notificationsRoutes(deps: AppDeps) {
  const { db, clock, env } = deps;
  return new Hono<AppEnv>()
    .use(requireSession(deps))
    .get('/notifications', async (c) => c.json(await readPreferences(db, c.get('session').patronId)))
    .put('/notifications', async (c) => {
      const input = await jsonBody(c, notificationPreferencesSchema);
      const { patronId } = c.get('session');
      await writePreferences(db, patronId, input, clock.now());
      return c.body(null, 204);
    })
    .post('/calendar-feed', async (c) => {
      const { patronId } = c.get('session');
      const token = await db.transaction(async (tx) => {
        await audit(tx, 'calendar_feed_created', { patronId, requestId: c.get('requestId') });
        return createCalendarFeed(tx, patronId, clock.now());
      });
      return c.json({ url: calendarFeedUrl(linkOrigin(env), token) }, 201);
    })
    .delete('/calendar-feed', async (c) => {
      const { patronId } = c.get('session');
      await db.transaction(async (tx) => {
        await revokeCalendarFeed(tx, patronId);
        await audit(tx, 'calendar_feed_revoked', { patronId, requestId: c.get('requestId') });
      });
      return c.body(null, 204);
    });
}
