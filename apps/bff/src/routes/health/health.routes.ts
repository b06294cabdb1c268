import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';

export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await deps.db.execute(sql`select 1`);
    return c.json({ status: 'ok', database: deps.dbKind });
  });
}
