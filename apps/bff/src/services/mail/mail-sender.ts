import { mkdir, rename, writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { mailOutbox } from '../../db/schema.ts';
import type { Env } from '../../env.ts';
import { type Logger, scrubText } from '../../lib/logger.ts';
import type { BackgroundWorker } from '../background-loop.ts';
import type { Clock } from '../clock.ts';
import { claimOutboxRows, type OutboxSenderTuning, outboxLoop, retryOutboxRow } from '../outbox-rows.ts';
import { maskAddress, onMailQueued } from './outbox.ts';

export const LIBRARY_SENDER_NAME = '柳川市立図書館';

export interface MailSenderOptions extends OutboxSenderTuning {
  db: Db;
  env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'DATA_DIR'>;
  clock: Clock;
  logger: Logger;
}

/** Its `runOnce` delivers every due mail once. */
export type MailSender = BackgroundWorker<{ sent: number; failed: number }>;

/** `<outbox-42@city.yanagawa.lg.jp>`: the same on every retry, so a resend is recognisable. */
export function messageIdFor(outboxId: number, from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'localhost';
  return `<outbox-${outboxId}@${domain}>`;
}

export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox from inside the BFF process: claims due rows (FOR UPDATE SKIP LOCKED, so
 * several BFF processes never send the same row at once; PGlite, with its one connection, runs
 * the same statement), sends each with nodemailer to SMTP_URL — or, without SMTP_URL, writes it
 * as `<DATA_DIR>/mail/<id>.eml` — and marks it sent; a failure backs off exponentially.
 */
export function createMailSender(options: MailSenderOptions): MailSender {
  const { db, env, clock, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const retryMaxMs = options.retryMaxMs ?? 60 * 60_000;
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const batchSize = options.batchSize ?? 20;
  const log = logger.child({ component: 'mail' });

  const toFiles = !env.SMTP_URL;
  const mailDir = `${env.DATA_DIR}/mail`;
  const transport: Transporter = env.SMTP_URL
    ? nodemailer.createTransport({
        url: env.SMTP_URL,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : // The same composer as real sending, so the .eml file is exactly the message that would go out.
      nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  const claim = (now: Date) => claimOutboxRows(db, mailOutbox, { now, batchSize, leaseMs });

  async function deliver(row: typeof mailOutbox.$inferSelect, now: Date): Promise<string | undefined> {
    const info = await transport.sendMail({
      from: { name: LIBRARY_SENDER_NAME, address: env.MAIL_FROM },
      to: row.toAddress,
      subject: row.subject,
      text: row.body,
      // With an HTML part nodemailer writes multipart/alternative; without, plain text as before.
      ...(row.html ? { html: row.html } : {}),
      messageId: messageIdFor(row.id, env.MAIL_FROM),
      date: now,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
    if (!toFiles) return undefined;
    await mkdir(mailDir, { recursive: true });
    const file = `${mailDir}/${row.id}.eml`;
    // Written whole, then renamed: a reader never sees half a message.
    await writeFile(`${file}.tmp`, info.message as Buffer);
    await rename(`${file}.tmp`, file);
    return file;
  }

  async function runOnce() {
    const now = clock.now();
    const rows = await claim(now);
    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      const to = maskAddress(row.toAddress);
      try {
        const file = await deliver(row, clock.now());
        await db
          .update(mailOutbox)
          .set({ sentAt: clock.now(), lockedUntil: null, lastError: null })
          .where(eq(mailOutbox.id, row.id));
        sent++;
        log.info(
          { mailId: row.id, kind: row.kind, to, attempts: row.attempts, ...(file ? { file } : {}) },
          file ? 'mail written to file' : 'mail sent',
        );
      } catch (error) {
        failed++;
        const err = error as { message?: string; code?: string };
        const lastError = `${err.code ?? 'error'}: ${err.message ?? String(error)}`.slice(0, 500);
        const retryAt = new Date(clock.now().getTime() + retryDelayMs(row.attempts, retryBaseMs, retryMaxMs));
        await retryOutboxRow(db, mailOutbox, row.id, retryAt, lastError);
        log.warn(
          {
            mailId: row.id,
            kind: row.kind,
            to,
            attempts: row.attempts,
            retryAt,
            error: scrubText(lastError),
          },
          'mail not sent, will retry',
        );
      }
    }
    return { sent, failed, claimed: rows.length };
  }

  const loop = outboxLoop({ name: 'mail', runOnce, batchSize, pollIntervalMs, log, wakeUp: onMailQueued });

  return {
    start: loop.start,
    async stop() {
      await loop.stop();
      transport.close();
    },
    runOnce: async () => {
      const { sent, failed } = await runOnce();
      return { sent, failed };
    },
  };
}
