import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { healthReport } from '../../services/health.ts';

/**
 * GET /api/health (docs/product.md §6): 200 while the database answers, `degraded` when the circulation
 * system (the ILS over SIP2) does not; 503 only when the database is down.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => c.json(await healthReport(deps)));
}
