import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';

/**
 * GET /api/health (docs/product.md §6): 200 while the database answers, `degraded` when the circulation
 * system (the ILS over SIP2) does not; 503 only when the database is down.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const [, circulationStatus] = await Promise.all([
      deps.db.execute(sql`select 1`),
      deps.circulation.health(),
    ]);
    return c.json({
      status: circulationStatus === 'ok' ? 'ok' : 'degraded',
      database: deps.dbKind,
      circulation: { backend: deps.circulation.backend, status: circulationStatus },
    });
  });
}
