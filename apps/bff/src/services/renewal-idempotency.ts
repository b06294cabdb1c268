import { createHash } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema.ts';

/** How long a first answer is kept for replays. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim older than this without an answer belongs to a process that died: it may be taken over. */
const STALE_CLAIM_MS = 60 * 1000;
/** Marks a claimed key whose first request is still running. */
const IN_PROGRESS = 0;

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Claims (patron, key) in one statement: inserts it, or takes over an expired or abandoned
 * one. Otherwise tells whether the stored answer can be replayed (same request) or not.
 */
export async function claimIdempotencyKey(
  db: Db,
  input: { patronId: number; key: string; hash: string; now: Date },
): Promise<IdempotencyClaim> {
  const { patronId, key, hash, now } = input;
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  const abandoned = new Date(now.getTime() - STALE_CLAIM_MS);
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ patronId, key, requestHash: hash, status: IN_PROGRESS, response: {}, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.patronId, idempotencyKeys.key],
      set: { requestHash: hash, status: IN_PROGRESS, response: {}, createdAt: now },
      setWhere: or(
        lt(idempotencyKeys.createdAt, expired),
        and(eq(idempotencyKeys.status, IN_PROGRESS), lt(idempotencyKeys.createdAt, abandoned)),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return { kind: 'claimed' };

  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.patronId, patronId), eq(idempotencyKeys.key, key)));
  // Gone between the two statements (taken over and released): let the caller try again.
  if (!stored) return { kind: 'in_progress' };
  if (stored.requestHash !== hash) return { kind: 'mismatch' };
  if (stored.status === IN_PROGRESS) return { kind: 'in_progress' };
  return { kind: 'replay', status: stored.status, body: stored.response };
}

export async function storeIdempotentAnswer(
  db: Db,
  input: { patronId: number; key: string; status: number; body: unknown },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status: input.status, response: input.body })
    .where(and(eq(idempotencyKeys.patronId, input.patronId), eq(idempotencyKeys.key, input.key)));
}

/** After an unexpected failure nothing was decided: the key is freed for a retry. */
export async function releaseIdempotencyKey(db: Db, input: { patronId: number; key: string }): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.patronId, input.patronId),
        eq(idempotencyKeys.key, input.key),
        eq(idempotencyKeys.status, IN_PROGRESS),
      ),
    );
}

/** Expired answers of this patron go when they next renew, so the table stays small. */
export async function pruneIdempotencyKeys(db: Db, patronId: number, now: Date): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.patronId, patronId),
        lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)),
      ),
    );
}
