import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { mailOutbox, pushOutbox } from '../db/schema.ts';
import { describeError } from '../lib/create-app.ts';
import type { Logger } from '../lib/logger.ts';
import { backgroundLoop } from './background-loop.ts';

type OutboxTable = typeof mailOutbox | typeof pushOutbox;

/**
 * Claims up to `batchSize` due rows of an outbox (mail or push) for this process: not sent, due,
 * and not leased by another — `FOR UPDATE SKIP LOCKED`, so two processes never take one row — and
 * leases them for `leaseMs`, counting the attempt. A process that dies mid-delivery leaves its
 * lease to run out; the row is then claimed again.
 */
export async function claimOutboxRows<T extends OutboxTable>(
  db: Db,
  table: T,
  options: { now: Date; batchSize: number; leaseMs: number; alsoWhere?: SQL },
): Promise<T['$inferSelect'][]> {
  const t = table as OutboxTable;
  const { now } = options;
  const due = db
    .select({ id: t.id })
    .from(t)
    .where(
      and(
        isNull(t.sentAt),
        options.alsoWhere,
        lte(t.nextAttemptAt, now),
        or(isNull(t.lockedUntil), lte(t.lockedUntil, now)),
      ),
    )
    .orderBy(asc(t.id))
    .limit(options.batchSize)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(t)
    .set({ lockedUntil: new Date(now.getTime() + options.leaseMs), attempts: sql`${t.attempts} + 1` })
    .where(inArray(t.id, due))
    .returning();
  return rows as T['$inferSelect'][];
}

/** A failed delivery: the row is tried again at `retryAt`, its lease given back, the error kept. */
export async function retryOutboxRow(
  db: Db,
  table: OutboxTable,
  id: number,
  retryAt: Date,
  lastError: string,
): Promise<void> {
  await db
    .update(table)
    .set({ nextAttemptAt: retryAt, lockedUntil: null, lastError })
    .where(eq(table.id, id));
}

/** How a sender of an outbox (mail, push) polls, retries and leases; every field has a default. */
export interface OutboxSenderTuning {
  /** How often due rows are looked for when nothing wakes the sender. */
  pollIntervalMs?: number;
  /** First retry delay; doubles with every failed attempt up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A claimed row is left alone by other senders this long (longer than any delivery's timeout). */
  leaseMs?: number;
  batchSize?: number;
}

/**
 * The loop of an outbox sender: a run that claimed a full batch means more may be waiting, so
 * the next starts at once; a committed row (`wakeUp`) starts one too. A failed run is logged
 * as `<name> run failed` with the error's description, never the query text: its parameters
 * hold the rows (addresses and message bodies, push endpoints and keys).
 */
export function outboxLoop(options: {
  name: 'mail' | 'push';
  runOnce: () => Promise<{ claimed: number }>;
  batchSize: number;
  pollIntervalMs: number;
  log: Logger;
  wakeUp: (listener: () => void) => () => void;
}) {
  const { runOnce, batchSize, log } = options;
  return backgroundLoop({
    run: async () => ({ more: (await runOnce()).claimed === batchSize }),
    intervalMs: options.pollIntervalMs,
    onError: (error) => log.error({ err: describeError(error) }, `${options.name} run failed`),
    wakeUp: options.wakeUp,
  });
}
