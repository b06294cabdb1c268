import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';
import { patronOverview } from '../../services/patrons.ts';

export function meRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireSession(deps))
    .get('/', async (c) => c.json(await patronOverview(deps, c.get('session').patronId)));
}
