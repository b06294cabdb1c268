import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { parseMail } from '@library/test-kit';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema.ts';
import { parseEnv } from '../../env.ts';
import { createLogger } from '../../lib/logger.ts';
import { HANAKO_IDENTITY } from '../../test/demo-identities.ts';
import { client } from '../../test/test-app.ts';
import { useTestApp } from '../../test/use-test-app.ts';
import { createMailSender, type MailSenderOptions, messageIdFor, retryDelayMs } from './mail-sender.ts';
import { registrationAcceptedMail } from './mail-templates.ts';
import { queueMail } from './outbox.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtp(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const t = useTestApp({ cleared: [mailOutbox] });

function sender(env: Record<string, string>, options: Partial<MailSenderOptions> = {}) {
  return createMailSender({
    db: t.db,
    env: parseEnv({ ...env }),
    clock: t.clock,
    logger: createLogger('silent'),
    retryBaseMs: 60_000,
    ...options,
  });
}

async function queue(to = 'hanako@example.jp') {
  const mail = registrationAcceptedMail({
    name: 'スズキハナコ',
    at: t.clock.now(),
    from: 'library@city.yanagawa.lg.jp',
  });
  return t.db.transaction((tx) => queueMail(tx, to, mail, t.clock.now()));
}

describe('mail sender with SMTP_URL', () => {
  it('delivers with the right headers and the Japanese text', async () => {
    const smtp = await startSmtp();
    const s = sender({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    try {
      const id = await queue();
      expect(await s.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.from).toBe('library@city.yanagawa.lg.jp');
      expect(mail!.to).toEqual(['hanako@example.jp']);
      const message = parseMail(mail!.raw);
      expect(message.header('From')).toBe('柳川市立図書館 <library@city.yanagawa.lg.jp>');
      expect(message.header('To')).toBe('hanako@example.jp');
      expect(message.header('Subject')).toBe('【柳川市立図書館】パスワード申請受付');
      expect(message.rawHeader('Message-ID')).toBe(`<outbox-${id}@city.yanagawa.lg.jp>`);
      expect(message.rawHeader('Auto-Submitted')).toBe('auto-generated');
      expect(message.rawHeader('Content-Type')).toMatch(/^text\/plain; charset=utf-8/i);
      expect(message.text).toContain('スズキハナコ 様');
      expect(message.text).toContain('パスワード申請を受け付けました。');
      expect(message.text).toContain('このメールに返信することはできません。');
      const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(row).toMatchObject({ attempts: 1, sentAt: t.clock.now(), lockedUntil: null, lastError: null });
      // Nothing more to send.
      expect(await s.runOnce()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await s.stop();
      await smtp.close();
    }
  });

  it('keeps the mail queued while the server is down and delivers it exactly once when it is back', async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const s = sender({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      const id = await queue();
      expect(await s.runOnce()).toEqual({ sent: 0, failed: 1 });
      let [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(row!.sentAt).toBeNull();
      expect(row!.attempts).toBe(1);
      expect(row!.lastError).toMatch(/ECONNREFUSED/);
      expect(row!.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 60_000);

      // Backing off: not retried before its time, and a second failure doubles the wait.
      expect(await s.runOnce()).toEqual({ sent: 0, failed: 0 });
      t.clock.advance(60_000);
      expect(await s.runOnce()).toEqual({ sent: 0, failed: 1 });
      [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(row!.attempts).toBe(2);
      expect(row!.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 120_000);

      const smtp = await startSmtp(port);
      try {
        t.clock.advance(120_000);
        expect(await s.runOnce()).toEqual({ sent: 1, failed: 0 });
        expect(await s.runOnce()).toEqual({ sent: 0, failed: 0 });
        t.clock.advance(24 * 60 * 60_000);
        expect(await s.runOnce()).toEqual({ sent: 0, failed: 0 });
        expect(smtp.received).toHaveLength(1);
        expect(parseMail(smtp.received[0]!.raw).rawHeader('Message-ID')).toBe(
          messageIdFor(id, 'library@city.yanagawa.lg.jp'),
        );
        [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
        expect(row!.sentAt).not.toBeNull();
        expect(row!.attempts).toBe(3);
      } finally {
        await smtp.close();
      }
    } finally {
      await s.stop();
    }
  });

  it('leaves a row claimed by another sender alone until its lease runs out', async () => {
    const smtp = await startSmtp();
    const s = sender({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }, { leaseMs: 120_000 });
    try {
      const id = await queue();
      await t.db
        .update(mailOutbox)
        .set({ lockedUntil: new Date(t.clock.now().getTime() + 120_000) })
        .where(eq(mailOutbox.id, id));
      expect(await s.runOnce()).toEqual({ sent: 0, failed: 0 });
      t.clock.advance(120_000);
      // The other sender died mid-send: the mail goes again, with the same Message-ID.
      expect(await s.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await s.stop();
      await smtp.close();
    }
  });

  it('sends right after the commit that queued the mail, without waiting for the poll', async () => {
    const smtp = await startSmtp();
    const s = sender({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }, { pollIntervalMs: 60 * 60_000 });
    s.start();
    try {
      // Let the first (empty) run finish, so only the wake-up can deliver.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { registrationToken } = (
        await client(t.app).post('/api/registration/verify', {
          patronNumber: '300000003',
          ...HANAKO_IDENTITY,
        })
      ).body;
      const done = await client(t.app).post('/api/registration/complete', {
        registrationToken,
        password: 'kawa-kudari!',
        passwordConfirm: 'kawa-kudari!',
        email: 'hanako.new@example.jp',
        useForContact: true,
        useForReservations: false,
      });
      expect(done.status).toBe(201);
      await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
      expect(smtp.received[0]!.to).toEqual(['hanako.new@example.jp']);
    } finally {
      await s.stop();
      await smtp.close();
    }
  });
});

describe('mail sender without SMTP_URL (development)', () => {
  it('writes each mail as <DATA_DIR>/mail/<id>.eml, a real message', async () => {
    const dataDir = await mkdtemp(`${tmpdir()}/library-mail-`);
    const s = sender({ DATA_DIR: dataDir });
    try {
      const id = await queue('taro@example.jp');
      expect(await s.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(await readdir(`${dataDir}/mail`)).toEqual([`${id}.eml`]);
      const message = parseMail(await readFile(`${dataDir}/mail/${id}.eml`, 'utf8'));
      expect(message.header('Subject')).toBe('【柳川市立図書館】パスワード申請受付');
      expect(message.header('To')).toBe('taro@example.jp');
      expect(message.rawHeader('Message-ID')).toBe(`<outbox-${id}@city.yanagawa.lg.jp>`);
      expect(message.text).toContain('パスワード申請を受け付けました。');
      const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(row!.sentAt).not.toBeNull();
    } finally {
      await s.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('uses MAIL_FROM as the sender', async () => {
    const dataDir = await mkdtemp(`${tmpdir()}/library-mail-`);
    const s = sender({ DATA_DIR: dataDir, MAIL_FROM: 'noreply@library.example.jp' });
    try {
      const id = await queue();
      await s.runOnce();
      const message = parseMail(await readFile(`${dataDir}/mail/${id}.eml`, 'utf8'));
      expect(message.header('From')).toBe('柳川市立図書館 <noreply@library.example.jp>');
      expect(message.rawHeader('Message-ID')).toBe(`<outbox-${id}@library.example.jp>`);
    } finally {
      await s.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('retry delay', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 30_000, 3_600_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000,
    ]);
  });
});
