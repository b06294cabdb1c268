import type { Language, PlainDate } from '@library/domain';
import {
  type DaysBefore,
  type NotificationKind,
  notificationsDue,
  notificationWindow,
} from '@library/domain/notifications';
import { and, asc, between, eq, gt, inArray, or } from 'drizzle-orm';
import type { CirculationPort, DueLoan } from '../../circulation/circulation-port.ts';
import type { Db } from '../../db/client.ts';
import { notificationPreferences, notificationsSent, patrons } from '../../db/schema.ts';
import { type Env, linkOrigin } from '../../env.ts';
import { describeError } from '../../lib/create-app.ts';
import type { Logger } from '../../lib/logger.ts';
import { type BackgroundWorker, backgroundLoop } from '../background-loop.ts';
import type { Clock } from '../clock.ts';
import { notifyMailQueued, queueMail } from '../mail/outbox.ts';
import { notifyPushQueued, queuePush } from '../push/push-outbox.ts';
import { notificationMail, notificationPushPayload } from './notification-mail.ts';

export interface NotificationSchedulerOptions {
  db: Db;
  /** Where the loans' due dates come from: our tables, or the ILS (CIRCULATION=sip2). */
  circulation: Pick<CirculationPort, 'dueLoans'>;
  env: Pick<Env, 'MAIL_FROM' | 'PUBLIC_ORIGIN' | 'PORT' | 'NOTIFICATION_INTERVAL_SECONDS'>;
  clock: Clock;
  logger: Logger;
  /** Overrides NOTIFICATION_INTERVAL_SECONDS (tests). */
  intervalMs?: number;
  /** Opted-in patrons read (and their loans asked for) at a time. */
  batchSize?: number;
}

export interface NotificationRunResult {
  today: PlainDate;
  /** Opted-in patrons looked at. */
  patrons: number;
  reminders: number;
  overdue: number;
  /** Due, but already claimed (by an earlier run or another process). */
  alreadySent: number;
  ms: number;
}

/** Its `runOnce` is one pass for the business date. */
export type NotificationScheduler = BackgroundWorker<NotificationRunResult>;

interface OptedIn {
  patronId: number;
  name: string;
  email: string | null;
  language: Language | null;
  reminderEmail: boolean;
  push: boolean;
  daysBefore: number;
  includeTitles: boolean;
  overdueNotice: boolean;
}

/**
 * 返却期限日のお知らせ (docs/product.md §10, ADR 0013): in every BFF process, at start and then every
 * NOTIFICATION_INTERVAL_SECONDS, sends what is due on the business date. Exactly once across
 * processes and restarts: each (patron, due date, kind) is claimed with INSERT … ON CONFLICT DO
 * NOTHING in the same small transaction that queues its mail in the outbox — the loser of a race
 * inserts nothing and queues nothing; a crash before the commit leaves neither.
 */
export function createNotificationScheduler(options: NotificationSchedulerOptions): NotificationScheduler {
  const { db, circulation, env, clock, logger } = options;
  const intervalMs = options.intervalMs ?? env.NOTIFICATION_INTERVAL_SECONDS * 1000;
  const batchSize = options.batchSize ?? 200;
  const log = logger.child({ component: 'notifications' });
  const loansUrl = `${linkOrigin(env)}/portal/loans`;
  const settingsUrl = `${linkOrigin(env)}/portal/settings`;

  async function optedInAfter(lastId: number): Promise<OptedIn[]> {
    return db
      .select({
        patronId: patrons.id,
        name: patrons.nameKana,
        email: patrons.email,
        language: patrons.language,
        reminderEmail: notificationPreferences.reminderEmail,
        push: notificationPreferences.push,
        daysBefore: notificationPreferences.daysBefore,
        includeTitles: notificationPreferences.includeTitles,
        overdueNotice: notificationPreferences.overdueNotice,
      })
      .from(notificationPreferences)
      .innerJoin(patrons, eq(patrons.id, notificationPreferences.patronId))
      .where(
        and(
          or(eq(notificationPreferences.reminderEmail, true), eq(notificationPreferences.push, true)),
          gt(notificationPreferences.patronId, lastId),
        ),
      )
      .orderBy(asc(notificationPreferences.patronId))
      .limit(batchSize);
  }

  /** Claims one notification and queues what it sends; false when someone else already had it. */
  async function claim(
    patron: OptedIn,
    kind: NotificationKind,
    dueDate: PlainDate,
    loans: DueLoan[],
    today: PlainDate,
    now: Date,
  ): Promise<boolean> {
    const claimed = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(notificationsSent)
        .values({ patronId: patron.patronId, dueDate, kind, sentOn: today, itemCount: loans.length })
        .onConflictDoNothing()
        .returning({ patronId: notificationsSent.patronId });
      if (!row) return false;
      const titles = loans.map((l) => l.title);
      if (patron.reminderEmail && patron.email) {
        const mail = notificationMail({
          kind,
          name: patron.name,
          dueDate,
          titles,
          includeTitles: patron.includeTitles,
          loansUrl,
          settingsUrl,
          from: env.MAIL_FROM,
          lang: patron.language,
        });
        const mailId = await queueMail(tx, patron.email, mail, now);
        await tx
          .update(notificationsSent)
          .set({ mailId })
          .where(
            and(
              eq(notificationsSent.patronId, patron.patronId),
              eq(notificationsSent.dueDate, dueDate),
              eq(notificationsSent.kind, kind),
            ),
          );
      }
      if (patron.push) {
        // To every browser the patron subscribed (none: nothing queued); the claim above makes it once.
        await queuePush(
          tx,
          patron.patronId,
          notificationPushPayload({ kind, dueDate, titles, lang: patron.language }),
          now,
        );
      }
      return true;
    });
    return claimed;
  }

  async function runOnce(): Promise<NotificationRunResult> {
    const started = performance.now();
    const today = clock.today();
    const window = notificationWindow(today);
    const result: NotificationRunResult = {
      today,
      patrons: 0,
      reminders: 0,
      overdue: 0,
      alreadySent: 0,
      ms: 0,
    };
    let lastId = 0;
    for (;;) {
      const batch = await optedInAfter(lastId);
      if (batch.length === 0) break;
      lastId = batch.at(-1)!.patronId;
      result.patrons += batch.length;
      const ids = batch.map((p) => p.patronId);
      const [loans, sent] = await Promise.all([
        circulation.dueLoans(ids, window),
        db
          .select({
            patronId: notificationsSent.patronId,
            dueDate: notificationsSent.dueDate,
            kind: notificationsSent.kind,
          })
          .from(notificationsSent)
          .where(
            and(
              inArray(notificationsSent.patronId, ids),
              between(notificationsSent.dueDate, window.from, window.to),
            ),
          ),
      ]);
      // Already sent: skipped without a transaction (the claim would refuse them anyway).
      const done = new Set(sent.map((s) => `${s.patronId}|${s.dueDate}|${s.kind}`));
      const byPatron = new Map<number, Map<PlainDate, DueLoan[]>>();
      for (const loan of loans) {
        const dates = byPatron.get(loan.patronId) ?? new Map<PlainDate, DueLoan[]>();
        byPatron.set(loan.patronId, dates);
        dates.set(loan.dueDate, [...(dates.get(loan.dueDate) ?? []), loan]);
      }
      for (const patron of batch) {
        const dates = byPatron.get(patron.patronId);
        if (!dates) continue;
        // Nowhere to send it: not claimed, so it still goes if an address is added in time.
        if (!patron.push && !(patron.reminderEmail && patron.email)) continue;
        const due = notificationsDue(
          {
            reminder: true,
            daysBefore: patron.daysBefore as DaysBefore,
            overdueNotice: patron.overdueNotice,
          },
          dates.keys(),
          today,
        );
        for (const { kind, dueDate } of due) {
          if (done.has(`${patron.patronId}|${dueDate}|${kind}`)) {
            result.alreadySent++;
            continue;
          }
          if (await claim(patron, kind, dueDate, dates.get(dueDate)!, today, clock.now())) {
            if (kind === 'reminder') result.reminders++;
            else result.overdue++;
          } else {
            result.alreadySent++;
          }
        }
      }
      if (batch.length < batchSize) break;
    }
    result.ms = Math.round(performance.now() - started);
    if (result.reminders + result.overdue > 0) {
      notifyMailQueued();
      notifyPushQueued();
    }
    log.info(result, 'notification run');
    return result;
  }

  const loop = backgroundLoop({
    run: async () => {
      await runOnce();
      return { more: false };
    },
    intervalMs,
    onError: (error) => log.error({ err: describeError(error) }, 'notification run failed'),
    // Not in the start-up path: the server listens while the first run goes on.
    deferFirstRun: true,
  });

  return {
    start: loop.start,
    stop: loop.stop,
    runOnce,
  };
}
