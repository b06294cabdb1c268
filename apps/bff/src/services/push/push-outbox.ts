import { type PushPayload, pushPayloadSchema } from '@library/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { pushOutbox, pushSubscriptions } from '../../db/schema.ts';
import { queuedSignal } from '../background-loop.ts';

/**
 * Queues a push to every browser the patron subscribed, in the caller's transaction (so a push
 * exists exactly when the change that causes it committed; the caller's claim makes it once).
 * Returns how many rows were written: 0 when the patron has no subscription. The push sender
 * delivers them; call `notifyPushQueued()` after the commit to have it do so at once.
 */
export async function queuePush(tx: Tx, patronId: number, payload: PushPayload, now: Date): Promise<number> {
  // A payload over the push services' limits would fail on every retry: refuse it here, loudly.
  const checked = pushPayloadSchema.parse(payload);
  const subscriptions = await tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.patronId, patronId));
  if (subscriptions.length === 0) return 0;
  const rows = await tx
    .insert(pushOutbox)
    .values(
      subscriptions.map((s) => ({
        subscriptionId: s.id,
        payload: checked,
        createdAt: now,
        nextAttemptAt: now,
      })),
    )
    .returning({ id: pushOutbox.id });
  return rows.length;
}

const queued = queuedSignal();

/** Call after the commit that queued pushes: a running sender delivers them now, not at its next poll. */
export const notifyPushQueued = queued.notify;

export const onPushQueued = queued.on;
