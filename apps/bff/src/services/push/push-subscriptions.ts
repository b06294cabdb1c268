import type { PushSubscriptionInput } from '@library/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pushSubscriptions } from '../../db/schema.ts';
import type { AppDeps } from '../../lib/app-env.ts';
import { vapidKeys } from './vapid-keys.ts';

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

/** Web Push for the routes (docs/product.md §10): the VAPID key, and the patron's browsers. */
export function pushService(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;
  return {
    publicKey: async () => (await vapidKeys(db)).publicKey,
    subscribe: (patronId: number, input: PushSubscriptionInput) =>
      saveSubscription(db, patronId, input, clock.now()),
    unsubscribe: (patronId: number, endpoint: string) => deleteSubscription(db, patronId, endpoint),
  };
}
