import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { patrons } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';

export function meRoutes(deps: AppDeps) {
  const { db, clock, circulation } = deps;
  return new Hono<AppEnv>().use(requireSession(deps)).get('/', async (c) => {
    const { patronId } = c.get('session');
    const [[patron], summary] = await Promise.all([
      db
        .select({ number: patrons.number, name: patrons.nameKana, email: patrons.email })
        .from(patrons)
        .where(eq(patrons.id, patronId)),
      circulation.summary(patronId, clock.today()),
    ]);
    return c.json({
      patron,
      blocked: summary.blocked,
      ...(summary.blockMessage ? { blockMessage: summary.blockMessage } : {}),
      loans: summary.loans,
    });
  });
}
