import { sql } from 'drizzle-orm';
import type { AppDeps } from '../lib/app-env.ts';

/**
 * GET /api/health's answer (docs/product.md §6): `degraded` when the circulation system (the ILS
 * over SIP2) does not answer; a database that does not answer throws (503 by the error handler).
 */
export async function healthReport(deps: Pick<AppDeps, 'db' | 'dbKind' | 'circulation'>) {
  const [, circulationStatus] = await Promise.all([
    deps.db.execute(sql`select 1`),
    deps.circulation.health(),
  ]);
  return {
    status: circulationStatus === 'ok' ? 'ok' : 'degraded',
    database: deps.dbKind,
    circulation: { backend: deps.circulation.backend, status: circulationStatus },
  };
}
