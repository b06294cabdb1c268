import { Hono } from 'hono';
import { DomainError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { notificationSettingsService } from '../../services/notifications/notification-settings.ts';

/**
 * GET /api/calendar-feed/{token}.ics: no session — calendar apps fetch it on their own; the
 * secret URL is the credential (only its hash is stored; the request log redacts it).
 */
export function calendarFeedRoutes(deps: AppDeps) {
  const service = notificationSettingsService(deps);
  return new Hono<AppEnv>().get('/:file', async (c) => {
    const body = await service.feed(c.req.param('file'));
    if (body === undefined) throw new DomainError('not_found');
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="yanagawa-library-due-dates.ics"',
    });
  });
}
