import type { PushSubscriptionInput } from '@library/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pushSubscriptions } from '../../db/schema.ts';

/**
 * Keeps the browser's subscription for the patron. Upsert by endpoint: a browser that subscribes
 * again (new keys) or is now used by another patron ends with one row, owned by whoever
 * subscribed last — the endpoint belongs to the browser, and only its holder knows it.
 */
export async function saveSubscription(db: Db, patronId: number, input: PushSubscriptionInput, now: Date) {
  await db
    .insert(pushSubscriptions)
    .values({
      patronId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        patronId,
        p256dh: sql`excluded.p256dh`,
        auth: sql`excluded.auth`,
        updatedAt: now,
      },
    });
}

/** Deletes the patron's own subscription with that endpoint; another patron's is left alone. */
export async function deleteSubscription(db: Db, patronId: number, endpoint: string): Promise<boolean> {
  const deleted = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.patronId, patronId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return deleted.length > 0;
}
