import { DomainError } from '@library/domain';
import type { emailChangeSchema } from '@library/domain/registration';
import { passwordChangeSchema, passwordKeys } from '@library/domain/registration';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { patrons, reservations } from '../db/schema.ts';
import type { AppDeps, SessionInfo } from '../lib/app-env.ts';
import { audit } from './audit.ts';
import { assertContactChangeAllowed, assertRecipientsUnderLimit } from './contact-limits.ts';
import { newPasswordOptions } from './identity.ts';
import { lockout } from './lockout.ts';
import { emailChangedMail, passwordChangedMail } from './mail/mail-templates.ts';
import { notifyMailQueued, queueConfirmation, queueMail } from './mail/outbox.ts';
import { assertPortalPasswords, hashPassword, verifyPassword } from './passwords.ts';
import { patronById } from './patrons.ts';
import type { RequestContext } from './request-context.ts';
import { deleteOtherSessions } from './sessions.ts';
import { parseWith } from './validation.ts';

/** The reservations whose notices go to the patron's address (the active ones). */
export const activeReservationsOf = (patronId: number) =>
  and(eq(reservations.patronId, patronId), eq(reservations.status, 'active'));

/** 利用者情報変更 (I11): password and email of the signed-in patron, each confirmed by mail. */
export function accountSettingsService(deps: AppDeps) {
  const { db, clock, env } = deps;

  async function sessionPatron(patronId: number) {
    const patron = await patronById(db, patronId);
    if (!patron) throw new DomainError('unauthenticated');
    return patron;
  }

  /**
   * A new password, after the current one (which counts toward the lockout, as at login: someone
   * at an unattended session must not be able to guess it either). `readBody` is called once the
   * patron is known — the schema needs their details (I8's context).
   */
  async function changePassword(session: SessionInfo, readBody: () => Promise<unknown>, ctx: RequestContext) {
    // SIP2_PASSWORDS=ils: the password is the ILS's PIN, changed at the counter; a "current
    // password" typed here could only fail and count toward the patron's lockout.
    assertPortalPasswords(deps.circulation);
    const patron = await sessionPatron(session.patronId);
    const input = parseWith(passwordChangeSchema(newPasswordOptions(patron)), await readBody());
    const now = clock.now();
    await lockout.check(deps, patron.number, ctx.clientAddress);
    if (!(await verifyPassword(patron.passwordHash, input.currentPassword))) {
      await lockout.fail(deps, 'login', patron.number, ctx.clientAddress);
      throw new DomainError('validation_failed', { fields: { currentPassword: passwordKeys.currentWrong } });
    }
    await lockout.succeed(deps, 'login', patron.number, ctx.clientAddress);
    const passwordHash = await hashPassword(input.password);
    await db.transaction(async (tx) => {
      await tx.update(patrons).set({ passwordHash, passwordChangedAt: now }).where(eq(patrons.id, patron.id));
      // Whoever else was signed in with the old password is signed out.
      await deleteOtherSessions(tx, patron.id, session.idHash);
      await queueConfirmation(tx, patron, passwordChangedMail, { now, from: env.MAIL_FROM, lang: ctx.lang });
      await audit(tx, 'password_changed', { patronId: patron.id, requestId: ctx.requestId });
    });
    notifyMailQueued();
  }

  /**
   * A new address for the patron's contact and/or their active reservations. Whoever is told of
   * the change: the new address, the one on file, and — when the reservations move — the
   * addresses they were sent to until now. If someone else made the change, the owner can react.
   */
  async function changeEmail(
    patronId: number,
    input: z.output<typeof emailChangeSchema>,
    ctx: RequestContext,
  ) {
    const patron = await sessionPatron(patronId);
    const now = clock.now();
    await db.transaction(async (tx) => {
      await assertContactChangeAllowed(tx, patron.id, now);
      const same = (a: string | null | undefined) => a?.toLowerCase() === input.email.toLowerCase();
      const told = new Set<string>([input.email]);
      if (patron.email && !same(patron.email)) told.add(patron.email);
      if (input.useForReservations) {
        const previous = await tx
          .selectDistinct({ contactEmail: reservations.contactEmail })
          .from(reservations)
          .where(activeReservationsOf(patron.id));
        for (const { contactEmail } of previous) {
          if (contactEmail && !same(contactEmail)) told.add(contactEmail);
        }
      }
      const recipients = [...new Map([...told].map((a) => [a.toLowerCase(), a])).values()];
      await assertRecipientsUnderLimit(tx, recipients, now);
      if (input.useForContact) {
        await tx.update(patrons).set({ email: input.email }).where(eq(patrons.id, patron.id));
      }
      if (input.useForReservations) {
        await tx
          .update(reservations)
          .set({ contactEmail: input.email })
          .where(activeReservationsOf(patron.id));
      }
      const mail = emailChangedMail({
        name: patron.nameKana,
        at: now,
        from: env.MAIL_FROM,
        newAddress: input.email,
        forContact: input.useForContact,
        forReservations: input.useForReservations,
        lang: patron.language ?? ctx.lang,
      });
      for (const address of recipients) await queueMail(tx, address, mail, now);
      await audit(tx, 'email_changed', {
        patronId: patron.id,
        requestId: ctx.requestId,
        at: now,
        detail: { useForContact: input.useForContact, useForReservations: input.useForReservations },
      });
    });
    notifyMailQueued();
  }

  return { changePassword, changeEmail };
}
