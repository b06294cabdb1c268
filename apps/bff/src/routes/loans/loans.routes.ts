import { loanPageQuerySchema } from '@library/domain';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';
import { parseWith } from '../../lib/validation.ts';

/** GET /api/loans: 貸出一覧, one page with the renewal preview of every loan (docs/product.md §6). */
export function loansRoutes(deps: AppDeps) {
  const { clock, circulation } = deps;
  return new Hono<AppEnv>().use(requireSession(deps)).get('/', async (c) => {
    const query = parseWith(loanPageQuerySchema, {
      page: c.req.query('page'),
      pageSize: c.req.query('pageSize'),
    });
    const page = await circulation.loanPage(c.get('session').patronId, { today: clock.today(), ...query });
    return c.json(page);
  });
}
