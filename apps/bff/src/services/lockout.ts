import { DomainError } from '@library/domain';
import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { authAttempts, authLockouts } from '../db/schema.ts';
import { rateLimitKey } from '../lib/rate-limit.ts';
import type { Clock } from './clock.ts';

/**
 * docs/product.md I5: failures lock the (number, client address) pair; a number-wide lock needs failures
 * from several addresses, so a stranger alone cannot lock a patron out; an unknown number is
 * treated exactly as a real one (the state is keyed by the number as typed, never by patron).
 * Everything is counted in the database with atomic statements, so every BFF process agrees.
 * ADR 0016 explains the numbers.
 */

/** Failures in a row from one address (within FAILURE_WINDOW_MS of each other) that lock the pair. */
export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** A run of failures is forgotten when its last failure is older than this. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** The number as a whole is locked once this many addresses failed within the window… */
export const NUMBER_WIDE_ADDRESSES = 3;
/** …with at least this many failures between them. */
export const NUMBER_WIDE_FAILURES = 10;

const NUMBER_WIDE_KEY = '*';
/** In-process tests without a socket have no address: they all count as one. */
const NO_ADDRESS_KEY = 'unknown';

/** Login, registration step 1, a password change's current password; others add theirs (reset by identity, SIP2). */
export type AttemptKind = 'login' | 'registration' | 'password_reset';

export interface LockoutDeps {
  db: Db | Tx;
  clock: Clock;
}

function clientKey(address: string | undefined): string {
  return address ? rateLimitKey(address) : NO_ADDRESS_KEY;
}

function lockedError(until: Date, now: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new DomainError('locked', { retryAfterSeconds: seconds });
}

/** The later lock of the pair and the number-wide one, if either is still running. */
async function activeLock(
  db: Db | Tx,
  patronNumber: string,
  key: string,
  now: Date,
): Promise<Date | undefined> {
  const rows = await db
    .select({ lockedUntil: authLockouts.lockedUntil })
    .from(authLockouts)
    .where(
      and(
        eq(authLockouts.patronNumber, patronNumber),
        inArray(authLockouts.clientKey, [key, NUMBER_WIDE_KEY]),
        gt(authLockouts.lockedUntil, now),
      ),
    );
  const until = rows.map((r) => r.lockedUntil!.getTime());
  return until.length > 0 ? new Date(Math.max(...until)) : undefined;
}

/** Throws 423 `locked` with Retry-After while this address, or everyone, is locked out of the number. */
async function check(deps: LockoutDeps, patronNumber: string, address: string | undefined): Promise<void> {
  const now = deps.clock.now();
  const until = await activeLock(deps.db, patronNumber, clientKey(address), now);
  if (until) throw lockedError(until, now);
}

/**
 * Records a failed attempt, then throws 423 if the number is now locked for this address (this
 * failure was the 5th in a row, the number reached its number-wide threshold, or a parallel
 * attempt locked it meanwhile); otherwise returns, and the caller answers its own 401.
 * The same statements run whether the number exists or not.
 */
async function fail(
  deps: LockoutDeps,
  kind: AttemptKind,
  patronNumber: string,
  address: string | undefined,
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const key = clientKey(address);
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS).toISOString();
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const nowIso = now.toISOString();
  await db
    .insert(authAttempts)
    .values({ kind, patronNumber, succeeded: false, clientAddress: address, attemptedAt: now });

  // One atomic upsert per failure: parallel attempts (in any process) queue on the row. While the
  // pair is locked a failure is not counted again; a run older than the window starts over.
  const counted = sql`case
      when ${authLockouts.lockedUntil} > ${nowIso}::timestamptz then ${authLockouts.failures}
      when ${authLockouts.lockedUntil} is not null or ${authLockouts.lastFailureAt} <= ${windowStart}::timestamptz then 1
      else ${authLockouts.failures} + 1 end`;
  const [pair] = await db
    .insert(authLockouts)
    .values({ patronNumber, clientKey: key, failures: 1, lastFailureAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: [authLockouts.patronNumber, authLockouts.clientKey],
      set: {
        failures: counted,
        lockedUntil: sql`case
          when ${authLockouts.lockedUntil} > ${nowIso}::timestamptz then ${authLockouts.lockedUntil}
          when (${counted}) >= ${MAX_CONSECUTIVE_FAILURES} then ${lockUntil}::timestamptz
          else null end`,
        lastFailureAt: now,
      },
    })
    .returning({ lockedUntil: authLockouts.lockedUntil });

  // Number-wide: failures from several addresses within the window.
  const [spread] = await db
    .select({
      addresses: sql<number>`count(*)::int`,
      failures: sql<number>`coalesce(sum(${authLockouts.failures}), 0)::int`,
    })
    .from(authLockouts)
    .where(
      and(
        eq(authLockouts.patronNumber, patronNumber),
        ne(authLockouts.clientKey, NUMBER_WIDE_KEY),
        gt(authLockouts.lastFailureAt, new Date(windowStart)),
      ),
    );
  if (spread && spread.addresses >= NUMBER_WIDE_ADDRESSES && spread.failures >= NUMBER_WIDE_FAILURES) {
    await db
      .insert(authLockouts)
      .values({
        patronNumber,
        clientKey: NUMBER_WIDE_KEY,
        failures: spread.failures,
        lastFailureAt: now,
        lockedUntil: new Date(lockUntil),
      })
      .onConflictDoUpdate({
        target: [authLockouts.patronNumber, authLockouts.clientKey],
        set: {
          failures: spread.failures,
          lastFailureAt: now,
          // A lock already running is not extended by the attempts it refuses.
          lockedUntil: sql`case when ${authLockouts.lockedUntil} > ${nowIso}::timestamptz then ${authLockouts.lockedUntil} else ${lockUntil}::timestamptz end`,
        },
      });
  }
  // The pair's lock as this failure's own statement left it (a later read could see a lock that a
  // parallel failure set after this one, and answer 423 to one of the first four); the number-wide
  // lock as it is now.
  const [numberWide] = await db
    .select({ lockedUntil: authLockouts.lockedUntil })
    .from(authLockouts)
    .where(
      and(
        eq(authLockouts.patronNumber, patronNumber),
        eq(authLockouts.clientKey, NUMBER_WIDE_KEY),
        gt(authLockouts.lockedUntil, now),
      ),
    );
  const until = [pair?.lockedUntil, numberWide?.lockedUntil]
    .filter((d): d is Date => d instanceof Date && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) throw lockedError(until, now);
}

/** Records a success: this address's run of failures is over (a number-wide lock runs its course). */
async function succeed(
  deps: LockoutDeps,
  kind: AttemptKind,
  patronNumber: string,
  address: string | undefined,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .insert(authAttempts)
    .values({ kind, patronNumber, succeeded: true, clientAddress: address, attemptedAt: now });
  await deps.db
    .delete(authLockouts)
    .where(and(eq(authLockouts.patronNumber, patronNumber), eq(authLockouts.clientKey, clientKey(address))));
}

/**
 * Lifts every lock and run of failures of the number (e.g. after a password reset proved who
 * the patron is, or when staff unlock it). Takes a transaction, to clear with the change.
 */
async function clear(deps: { db: Db | Tx }, patronNumber: string): Promise<void> {
  await deps.db.delete(authLockouts).where(eq(authLockouts.patronNumber, patronNumber));
}

/**
 * The lockout, for every way in that checks a secret (login, registration step 1, the current
 * password of a change; a reset by identity and SIP2 login too):
 * `check` before the work, then `fail` or `succeed`; a right answer that raced a burst calls
 * `check` again before it acts. `clear` after a proven reset.
 */
export const lockout = { check, fail, succeed, clear };
