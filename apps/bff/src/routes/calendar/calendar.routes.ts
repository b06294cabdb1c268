import {
  CALENDAR_DEFAULT_BRANCH,
  CALENDAR_MONTHS_DEFAULT,
  calendarKeys,
  calendarQuerySchema,
  yearMonthOf,
} from '@library/domain';
import { Hono } from 'hono';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { parseWith } from '../../lib/validation.ts';
import { buildCalendarMonths, listBranches } from '../../services/calendar.ts';
import { findSession, readSessionCookie } from '../../services/sessions.ts';

/**
 * GET /api/calendar (docs/product.md §6): public — closed days, holidays and events of a branch; with a
 * session each day also carries the patron's `dueCount`. No session is not an error here.
 */
export function calendarRoutes(deps: AppDeps) {
  const { db, clock, circulation } = deps;
  return new Hono<AppEnv>().get('/', async (c) => {
    const query = parseWith(calendarQuerySchema, c.req.query());
    const branchCode = query.branch ?? CALENDAR_DEFAULT_BRANCH;
    const from = query.from ?? yearMonthOf(clock.today());
    const months = query.months ?? CALENDAR_MONTHS_DEFAULT;

    const branchList = await listBranches(db);
    if (!branchList.some((b) => b.code === branchCode)) {
      throw new ApiError(400, 'unknown_branch', calendarKeys.unknownBranch, {
        fields: { branch: calendarKeys.unknownBranch },
      });
    }
    const sessionId = readSessionCookie(c, deps);
    const session = sessionId ? await findSession(db, sessionId, clock.now()) : undefined;

    const calendar = await buildCalendarMonths(db, {
      branchCode,
      from,
      months,
      ...(session ? { dueCounts: (range) => circulation.dueCounts(session.patronId, range) } : {}),
    });
    // Personal data (due dates) must not be kept by shared caches; the public part may change at
    // any import, so no caching either way (createApp already sets no-store on /api).
    return c.json({ today: clock.today(), branch: branchCode, branches: branchList, months: calendar });
  });
}
