import { calendarQuerySchema } from '@library/domain';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { cookieSession } from '../../lib/session-cookie.ts';
import { parseWith } from '../../lib/validation.ts';
import { calendarPage } from '../../services/calendar.ts';

/**
 * GET /api/calendar (docs/product.md §6): public — closed days, holidays and events of a branch; with a
 * session each day also carries the patron's `dueCount`. No session is not an error here.
 */
export function calendarRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const query = parseWith(calendarQuerySchema, c.req.query());
    const page = await calendarPage(deps, query, async () => (await cookieSession(c, deps))?.patronId);
    // Personal data (due dates) must not be kept by shared caches; the public part may change at
    // any import, so no caching either way (createApp already sets no-store on /api).
    return c.json(page);
  });
}
