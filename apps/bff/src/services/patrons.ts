import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { patrons } from '../db/schema.ts';
import type { AppDeps } from '../lib/app-env.ts';

export type Patron = typeof patrons.$inferSelect;

/** The patron's row, or undefined. */
export async function patronById(db: Db | Tx, patronId: number): Promise<Patron | undefined> {
  const [patron] = await db.select().from(patrons).where(eq(patrons.id, patronId));
  return patron;
}

/** The patron's row by 利用者番号, or undefined. */
export async function patronByNumber(db: Db | Tx, patronNumber: string): Promise<Patron | undefined> {
  const [patron] = await db.select().from(patrons).where(eq(patrons.number, patronNumber));
  return patron;
}

/**
 * Who is signed in, for the SPA's header. `language` only when the patron saved one
 * (docs/product.md §12): the SPA then shows it on a device that has no choice of its own,
 * without asking another endpoint.
 */
export async function signedInPatron(db: Db, patronId: number) {
  const [patron] = await db
    .select({ number: patrons.number, name: patrons.nameKana, language: patrons.language })
    .from(patrons)
    .where(eq(patrons.id, patronId));
  if (!patron) return null;
  return {
    number: patron.number,
    name: patron.name,
    ...(patron.language ? { language: patron.language } : {}),
  };
}

/** GET /api/me's patron: number, name and the address on file. */
async function patronContact(db: Db, patronId: number) {
  const [patron] = await db
    .select({ number: patrons.number, name: patrons.nameKana, email: patrons.email })
    .from(patrons)
    .where(eq(patrons.id, patronId));
  return patron;
}

/** GET /api/me (docs/product.md §6): the patron, whether they may renew, and their loans. */
export async function patronOverview(deps: Pick<AppDeps, 'db' | 'clock' | 'circulation'>, patronId: number) {
  const [patron, summary] = await Promise.all([
    patronContact(deps.db, patronId),
    deps.circulation.summary(patronId, deps.clock.today()),
  ]);
  return {
    patron,
    blocked: summary.blocked,
    ...(summary.blockMessage ? { blockMessage: summary.blockMessage } : {}),
    loans: summary.loans,
  };
}
