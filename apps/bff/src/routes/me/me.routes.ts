import { isOverdue, patronBlock } from '@library/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { items, loans, patrons, titles } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { requireSession } from '../../lib/require-session.ts';

export function meRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return new Hono<AppEnv>().use(requireSession(deps)).get('/', async (c) => {
    const { patronId } = c.get('session');
    const today = clock.today();
    const [patron] = await db
      .select({ number: patrons.number, name: patrons.nameKana, email: patrons.email })
      .from(patrons)
      .where(eq(patrons.id, patronId));
    const rows = await db
      .select({ title: titles.title, dueDate: loans.dueDate })
      .from(loans)
      .innerJoin(items, eq(items.id, loans.itemId))
      .innerJoin(titles, eq(titles.id, items.titleId))
      .where(and(eq(loans.patronId, patronId), isNull(loans.returnedOn)))
      .orderBy(asc(loans.loanedOn), asc(loans.id));
    const summary = rows.map((row, index) => ({
      no: index + 1,
      title: row.title,
      dueDate: row.dueDate,
      overdue: isOverdue(row.dueDate, today),
    }));
    return c.json({
      patron,
      blocked: patronBlock(
        rows.map((r) => r.dueDate),
        today,
      ),
      loans: summary,
    });
  });
}
