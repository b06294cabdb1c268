import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { authAttempts, patrons } from '../db/schema.ts';
import { ApiError } from '../lib/api-error.ts';

export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type AttemptKind = 'login' | 'registration' | 'password_reset';

/** Throws 423 with Retry-After while the patron's number is locked. */
export function assertNotLocked(patron: { lockedUntil: Date | null } | undefined, now: Date): void {
  if (patron?.lockedUntil && patron.lockedUntil > now) {
    throw lockedError(patron.lockedUntil, now);
  }
}

function lockedError(until: Date, now: Date): ApiError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new ApiError(423, 'locked', undefined, { headers: { 'Retry-After': String(seconds) } });
}

/**
 * Records a failed attempt. The count lives in the database and is incremented there, so
 * every BFF process agrees; the fifth consecutive failure locks the number for 15 minutes
 * and answers 423 at once. A failure that completes while the number is already locked
 * (attempts that raced the one that locked it) is not counted again but answered 423 too,
 * so a burst of parallel guesses gets no more than 5 answers that are not 423.
 */
export async function recordFailure(
  db: Db,
  kind: AttemptKind,
  patronNumber: string,
  patronId: number | undefined,
  clientAddress: string | undefined,
  now: Date,
): Promise<void> {
  await db
    .insert(authAttempts)
    .values({ kind, patronNumber, succeeded: false, clientAddress, attemptedAt: now });
  if (patronId === undefined) return;
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const [row] = await db
    .update(patrons)
    .set({
      failedAttempts: sql`case when ${patrons.failedAttempts} + 1 >= ${MAX_CONSECUTIVE_FAILURES} then 0 else ${patrons.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${patrons.failedAttempts} + 1 >= ${MAX_CONSECUTIVE_FAILURES} then ${lockUntil.toISOString()}::timestamptz else ${patrons.lockedUntil} end`,
    })
    .where(and(eq(patrons.id, patronId), or(isNull(patrons.lockedUntil), lte(patrons.lockedUntil, now))))
    .returning({ lockedUntil: patrons.lockedUntil });
  if (!row) {
    // Locked meanwhile by a parallel attempt (in this process or another).
    const [current] = await db
      .select({ lockedUntil: patrons.lockedUntil })
      .from(patrons)
      .where(eq(patrons.id, patronId));
    if (current?.lockedUntil && current.lockedUntil > now) throw lockedError(current.lockedUntil, now);
    return;
  }
  if (row.lockedUntil && row.lockedUntil.getTime() === lockUntil.getTime()) {
    throw lockedError(lockUntil, now);
  }
}

/** Throws 423 if the number got locked while this attempt was being checked (a parallel burst). */
export async function assertStillNotLocked(db: Db, patronId: number, now: Date): Promise<void> {
  const [current] = await db
    .select({ lockedUntil: patrons.lockedUntil })
    .from(patrons)
    .where(eq(patrons.id, patronId));
  assertNotLocked(current, now);
}

export async function recordSuccess(
  db: Db,
  kind: AttemptKind,
  patronNumber: string,
  patronId: number,
  clientAddress: string | undefined,
  now: Date,
): Promise<void> {
  await db
    .insert(authAttempts)
    .values({ kind, patronNumber, succeeded: true, clientAddress, attemptedAt: now });
  await db.update(patrons).set({ failedAttempts: 0, lockedUntil: null }).where(eq(patrons.id, patronId));
}

/** Clears the lock and the failure count (a password reset: the patron proved who they are). */
export async function clearLockout(db: Db | Tx, patronId: number): Promise<void> {
  await db.update(patrons).set({ failedAttempts: 0, lockedUntil: null }).where(eq(patrons.id, patronId));
}
