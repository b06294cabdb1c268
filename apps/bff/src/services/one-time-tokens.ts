import { DomainError } from '@library/domain';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { passwordResetTokens, registrationTokens } from '../db/schema.ts';
import { type Patron, patronById } from './patrons.ts';
import { newToken, sha256 } from './sessions.ts';

type TokenTable = typeof registrationTokens | typeof passwordResetTokens;

/**
 * The single-use tokens of 新規パスワード登録 and パスワードを忘れた方 (I10, docs/product.md §11):
 * only the hash is stored, only a patron's newest token is live, and a token is spent by one
 * conditional update, so a double submit or a second tab cannot use it twice.
 */
export function oneTimeTokens<T extends TokenTable>(table: T, field: { name: string; missing: string }) {
  const t = table as TokenTable;
  const tokenOnly = z.object({ [field.name]: z.string().min(1).max(128) }).loose();
  const live = (now: Date) => and(isNull(t.usedAt), gt(t.expiresAt, now));

  /** Ends the patron's live tokens but `keepHash` (an older tab's, or earlier mails' links). */
  async function retireOthers(tx: Db | Tx, patronId: number, now: Date, keepHash?: string) {
    await tx
      .update(t)
      .set({ usedAt: now })
      .where(
        and(eq(t.patronId, patronId), isNull(t.usedAt), keepHash ? ne(t.tokenHash, keepHash) : undefined),
      );
  }

  /**
   * A new token for the patron, made the only live one (an older tab's token stops working):
   * inside the caller's transaction. Returns the token itself; only its hash is stored.
   */
  async function issue(
    tx: Tx,
    patronId: number,
    now: Date,
    ttlMs: number,
    columns?: Omit<T['$inferInsert'], 'tokenHash' | 'patronId' | 'expiresAt' | 'createdAt'>,
  ): Promise<string> {
    const token = newToken();
    await retireOthers(tx, patronId, now);
    // Typed per table at the call (`columns`); drizzle cannot check a row against a generic table.
    const row = {
      ...columns,
      tokenHash: sha256(token),
      patronId,
      expiresAt: new Date(now.getTime() + ttlMs),
      createdAt: now,
    } as typeof registrationTokens.$inferInsert & typeof passwordResetTokens.$inferInsert;
    await tx.insert(t).values(row);
    return token;
  }

  /**
   * The first step of completing: the body's token names a live token and its patron, or the
   * answer is 410 `token_expired` (unknown, used and expired tokens all look alike). A body
   * without a token is `validation_failed` on its field.
   */
  async function redeemable(
    db: Db,
    raw: unknown,
    now: Date,
  ): Promise<{ token: T['$inferSelect']; patron: Patron }> {
    const input = tokenOnly.safeParse(raw);
    if (!input.success)
      throw new DomainError('validation_failed', { fields: { [field.name]: field.missing } });
    const [token] = await db
      .select()
      .from(t)
      .where(and(eq(t.tokenHash, sha256(input.data[field.name] as string)), live(now)));
    const patron = token ? await patronById(db, token.patronId) : undefined;
    if (!token || !patron) throw new DomainError('token_expired');
    return { token: token as T['$inferSelect'], patron };
  }

  /** Spends the token inside the completing transaction; a token spent meanwhile is 410. */
  async function spend(tx: Tx, tokenHash: string, now: Date): Promise<void> {
    const used = await tx
      .update(t)
      .set({ usedAt: now })
      .where(and(eq(t.tokenHash, tokenHash), live(now)))
      .returning({ patronId: t.patronId });
    if (used.length === 0) throw new DomainError('token_expired');
  }

  return { issue, retireOthers, redeemable, spend };
}
