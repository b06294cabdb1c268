import { renewalRequestSchema } from '@library/domain';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { idempotent } from '../../lib/idempotency.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody } from '../../lib/validation.ts';

/** POST /api/renewals: renew one or many loans, each on its own, exactly once (docs/product.md R6–R8). */
export function renewalsRoutes(deps: AppDeps) {
  const { clock, circulation } = deps;
  return new Hono<AppEnv>().use(requireSession(deps)).post(
    '/',
    idempotent(deps, async (c) => (await jsonBody(c, renewalRequestSchema)).loanIds),
    async (c) => {
      const { loanIds } = await jsonBody(c, renewalRequestSchema);
      const results = await circulation.renew(loanIds, {
        patronId: c.get('session').patronId,
        today: clock.today(),
        requestId: c.get('requestId'),
        channel: 'web',
      });
      return c.json({ results });
    },
  );
}
