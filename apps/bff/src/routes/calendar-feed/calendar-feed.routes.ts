import { Hono } from 'hono';
import { linkOrigin } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { patronOfFeedToken, renderCalendarFeed } from '../../services/notifications/calendar-feed.ts';

/**
 * GET /api/calendar-feed/{token}.ics: no session — calendar apps fetch it on their own; the
 * secret URL is the credential (only its hash is stored; the request log redacts it).
 */
export function calendarFeedRoutes(deps: AppDeps) {
  const { db, clock, env } = deps;
  return new Hono<AppEnv>().get('/:file', async (c) => {
    const file = c.req.param('file');
    const patronId = file.endsWith('.ics') ? await patronOfFeedToken(db, file.slice(0, -4)) : undefined;
    if (patronId === undefined) throw new ApiError(404, 'not_found');
    const body = await renderCalendarFeed(db, deps.circulation, patronId, {
      today: clock.today(),
      now: clock.now(),
      publicOrigin: linkOrigin(env),
    });
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="yanagawa-library-due-dates.ics"',
    });
  });
}
