import { DomainError } from '@library/domain';
import { registrationKeys } from '@library/domain/registration';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { auditLog, mailOutbox, patrons } from '../db/schema.ts';
import type { MailKind } from './mail/mail-templates.ts';

/**
 * The library's mail server must not become a megaphone (issue 17): a change of contact mails
 * a library-branded message, with the patron's name, to an address the requester chose. Both
 * limits are counted in the database inside the change's transaction, under a lock, so
 * parallel requests in several BFF processes cannot overrun them.
 */
export const CONTACT_CHANGES_PER_HOUR = 5;
export const CONTACT_CHANGE_WINDOW_MS = 60 * 60 * 1000;
/** Mails to one address, whoever caused them, of the kinds that go to an address someone typed. */
export const MAILS_PER_RECIPIENT_PER_DAY = 10;
export const RECIPIENT_WINDOW_MS = 24 * 60 * 60 * 1000;
const TYPED_ADDRESS_KINDS: MailKind[] = ['email_changed', 'registration_accepted'];

function limited(oldest: Date, windowMs: number, now: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
  return new DomainError('rate_limited', {
    message: registrationKeys.contactChangeLimited,
    retryAfterSeconds: seconds,
  });
}

/** At most CONTACT_CHANGES_PER_HOUR changes of contact per patron (the audit trail counts them). */
export async function assertContactChangeAllowed(tx: Tx, patronId: number, now: Date): Promise<void> {
  // The patron's row is the lock: two changes of one patron queue here, in any process.
  await tx.select({ id: patrons.id }).from(patrons).where(eq(patrons.id, patronId)).for('update');
  const recent = await tx
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.patronId, patronId),
        eq(auditLog.event, 'email_changed'),
        gt(auditLog.at, new Date(now.getTime() - CONTACT_CHANGE_WINDOW_MS)),
      ),
    )
    .orderBy(asc(auditLog.at));
  if (recent.length >= CONTACT_CHANGES_PER_HOUR) {
    throw limited(recent[recent.length - CONTACT_CHANGES_PER_HOUR]!.at, CONTACT_CHANGE_WINDOW_MS, now);
  }
}

/** At most MAILS_PER_RECIPIENT_PER_DAY such mails to each address (case-insensitive), from the outbox. */
export async function assertRecipientsUnderLimit(tx: Tx, addresses: string[], now: Date): Promise<void> {
  const recipients = [...new Set(addresses.map((a) => a.toLowerCase()))].sort();
  for (const address of recipients) {
    // One lock per address, taken in a fixed order (no deadlock), held until the mail row commits.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mail-recipient:${address}`}))`);
    const recent = await tx
      .select({ at: mailOutbox.createdAt })
      .from(mailOutbox)
      .where(
        and(
          sql`lower(${mailOutbox.toAddress}) = ${address}`,
          gt(mailOutbox.createdAt, new Date(now.getTime() - RECIPIENT_WINDOW_MS)),
          inArray(mailOutbox.kind, TYPED_ADDRESS_KINDS),
        ),
      )
      .orderBy(asc(mailOutbox.createdAt));
    if (recent.length >= MAILS_PER_RECIPIENT_PER_DAY) {
      throw limited(recent[recent.length - MAILS_PER_RECIPIENT_PER_DAY]!.at, RECIPIENT_WINDOW_MS, now);
    }
  }
}
