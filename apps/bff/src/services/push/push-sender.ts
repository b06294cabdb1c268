import type { Agent } from 'node:https';
import type { PushPayload } from '@library/domain';
import { eq, inArray, isNull } from 'drizzle-orm';
import webpush, { WebPushError } from 'web-push';
import type { Db } from '../../db/client.ts';
import { pushOutbox, pushSubscriptions } from '../../db/schema.ts';
import type { Env } from '../../env.ts';
import { describeError } from '../../lib/create-app.ts';
import { type Logger, scrubText } from '../../lib/logger.ts';
import type { BackgroundWorker } from '../background-loop.ts';
import type { Clock } from '../clock.ts';
import { retryDelayMs } from '../mail/mail-sender.ts';
import { claimOutboxRows, type OutboxSenderTuning, outboxLoop, retryOutboxRow } from '../outbox-rows.ts';
import { onPushQueued } from './push-outbox.ts';
import { vapidKeys } from './vapid-keys.ts';

/** A reminder that could not be handed over within a day is not worth showing any more. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;

export interface PushSenderOptions extends OutboxSenderTuning {
  db: Db;
  env: Pick<Env, 'MAIL_FROM'>;
  clock: Clock;
  logger: Logger;
  /** How long the push service keeps an undelivered message (the TTL header), and the give-up age. */
  ttlSeconds?: number;
  /** Per request to the push service. */
  timeoutMs?: number;
  /** The TLS agent for requests to push services (tests trust their own stand-in's certificate). */
  agent?: Agent;
}

export interface PushRunResult {
  sent: number;
  /** Will be retried. */
  failed: number;
  /** The push service said 404/410: the subscription was deleted. */
  gone: number;
  /** Given up: older than the TTL, or refused for good (another 4xx). */
  discarded: number;
}

/** Its `runOnce` delivers every due push once. */
export type PushSender = BackgroundWorker<PushRunResult>;

/** The push service's host, for logs: never the endpoint's path (it is the subscription's capability). */
function serviceHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return '?';
  }
}

/**
 * Delivers the push outbox from inside the BFF process, like the mail sender: claims due rows
 * (FOR UPDATE SKIP LOCKED, so several processes never send the same row at once), encrypts and
 * signs each with web-push (RFC 8291 aes128gcm, VAPID RFC 8292 with the stored key pair) and
 * posts it to the subscription's endpoint with a TTL. A 404/410 means the browser dropped the
 * subscription: it is deleted (with its queued pushes). 429, 5xx and network errors back off
 * exponentially; other refusals and pushes older than the TTL are given up.
 */
export function createPushSender(options: PushSenderOptions): PushSender {
  const { db, env, clock, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const retryMaxMs = options.retryMaxMs ?? 60 * 60_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const batchSize = options.batchSize ?? 50;
  const ttlSeconds = options.ttlSeconds ?? PUSH_TTL_SECONDS;
  const log = logger.child({ component: 'push' });

  async function claim(now: Date) {
    const rows = await claimOutboxRows(db, pushOutbox, {
      now,
      batchSize,
      leaseMs,
      alsoWhere: isNull(pushOutbox.discardedAt),
    });
    if (rows.length === 0) return [];
    const subscriptions = await db
      .select()
      .from(pushSubscriptions)
      .where(
        inArray(
          pushSubscriptions.id,
          rows.map((r) => r.subscriptionId),
        ),
      );
    const byId = new Map(subscriptions.map((s) => [s.id, s]));
    return rows.flatMap((row) => {
      const subscription = byId.get(row.subscriptionId);
      // Deleted since the claim: its rows went with it (on delete cascade).
      return subscription ? [{ row, subscription }] : [];
    });
  }

  async function runOnce(): Promise<PushRunResult & { claimed: number }> {
    const started = performance.now();
    const now = clock.now();
    const claimed = await claim(now);
    const result = { sent: 0, failed: 0, gone: 0, discarded: 0, claimed: claimed.length };
    if (claimed.length === 0) return result;
    const keys = await vapidKeys(db);
    const vapidDetails = { subject: `mailto:${env.MAIL_FROM}`, ...keys };
    const deleted = new Set<number>();
    for (const { row, subscription } of claimed) {
      // Its subscription was found gone earlier in this batch: the row went with it.
      if (deleted.has(subscription.id)) continue;
      const service = serviceHost(subscription.endpoint);
      const context = { pushId: row.id, subscriptionId: subscription.id, service, attempts: row.attempts };
      const ageSeconds = (clock.now().getTime() - row.createdAt.getTime()) / 1000;
      if (ageSeconds > ttlSeconds) {
        await db
          .update(pushOutbox)
          .set({ discardedAt: clock.now(), lockedUntil: null, lastError: 'expired: older than the TTL' })
          .where(eq(pushOutbox.id, row.id));
        result.discarded++;
        log.warn(context, 'push given up: older than its TTL');
        continue;
      }
      try {
        await webpush.sendNotification(
          { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
          JSON.stringify(row.payload as PushPayload),
          {
            vapidDetails,
            TTL: Math.max(0, Math.floor(ttlSeconds - ageSeconds)),
            contentEncoding: 'aes128gcm',
            urgency: 'normal',
            timeout: timeoutMs,
            ...(options.agent ? { agent: options.agent } : {}),
          },
        );
        await db
          .update(pushOutbox)
          .set({ sentAt: clock.now(), lockedUntil: null, lastError: null })
          .where(eq(pushOutbox.id, row.id));
        result.sent++;
      } catch (error) {
        const status = error instanceof WebPushError ? error.statusCode : undefined;
        if (status === 404 || status === 410) {
          // The browser unsubscribed or the subscription expired: it will never work again.
          await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscription.id));
          deleted.add(subscription.id);
          result.gone++;
          log.info({ ...context, status }, 'push subscription gone: deleted');
          continue;
        }
        // The message only: a WebPushError also holds the endpoint, which is not logged or kept.
        const err = error as { message?: string; code?: string };
        const lastError = scrubText(
          `${status ?? err.code ?? 'error'}: ${err.message ?? String(error)}`.slice(0, 500),
        );
        const retryable = status === undefined || status === 429 || status >= 500;
        if (retryable) {
          const retryAt = new Date(
            clock.now().getTime() + retryDelayMs(row.attempts, retryBaseMs, retryMaxMs),
          );
          await retryOutboxRow(db, pushOutbox, row.id, retryAt, lastError);
          result.failed++;
          log.warn({ ...context, status, retryAt, error: lastError }, 'push not sent, will retry');
        } else {
          await db
            .update(pushOutbox)
            .set({ discardedAt: clock.now(), lockedUntil: null, lastError })
            .where(eq(pushOutbox.id, row.id));
          result.discarded++;
          log.warn({ ...context, status, error: lastError }, 'push refused by the push service: given up');
        }
      }
    }
    const { claimed: _, ...counts } = result;
    log.info({ ...counts, ms: Math.round(performance.now() - started) }, 'push run');
    return result;
  }

  const loop = outboxLoop({ name: 'push', runOnce, batchSize, pollIntervalMs, log, wakeUp: onPushQueued });

  return {
    start() {
      // Made (or read) at start, so the first subscriber does not wait for it.
      vapidKeys(db).catch((error: Error) =>
        log.error({ err: describeError(error) }, 'VAPID keys unavailable'),
      );
      loop.start();
    },
    stop: loop.stop,
    runOnce: async () => {
      const { claimed: _, ...counts } = await runOnce();
      return counts;
    },
  };
}
