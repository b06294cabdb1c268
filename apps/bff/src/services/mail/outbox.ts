import type { Language } from '@library/domain';
import type { Tx } from '../../db/client.ts';
import { mailOutbox } from '../../db/schema.ts';
import { queuedSignal } from '../background-loop.ts';
import type { AccountMailInput, MailContent } from './mail-templates.ts';

/**
 * Transactional outbox: the mail row is written in the transaction of the change that causes
 * it, so a mail exists exactly when the change committed. The sender delivers it later.
 */
export async function queueMail(tx: Tx, to: string, mail: MailContent, now: Date): Promise<number> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      kind: mail.kind,
      toAddress: to,
      subject: mail.subject,
      body: mail.body,
      html: mail.html ?? null,
      createdAt: now,
      nextAttemptAt: now,
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

const queued = queuedSignal();

/** Call after the commit that queued mail: a running sender delivers it now instead of at its next poll. */
export const notifyMailQueued = queued.notify;

export const onMailQueued = queued.on;

/** For logs: h***@example.jp — enough to tell mails apart, not to harvest addresses. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/**
 * A confirmation to the patron's address on file (nothing without one): in the patron's saved
 * language, else the request's (docs/product.md §12).
 */
export async function queueConfirmation(
  tx: Tx,
  patron: { email: string | null; nameKana: string; language: Language | null },
  compose: (input: AccountMailInput) => MailContent,
  input: { now: Date; from: string; lang: Language },
): Promise<void> {
  if (!patron.email) return;
  const mail = compose({
    name: patron.nameKana,
    at: input.now,
    from: input.from,
    lang: patron.language ?? input.lang,
  });
  await queueMail(tx, patron.email, mail, input.now);
}
