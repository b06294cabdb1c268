import { emailChangeSchema, passwordChangeSchema, passwordKeys } from '@library/domain/registration';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { patrons, reservations } from '../../db/schema.ts';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { clientAddress } from '../../lib/client-address.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody, parseWith } from '../../lib/validation.ts';
import { audit } from '../../services/audit.ts';
import { assertContactChangeAllowed, assertRecipientsUnderLimit } from '../../services/contact-limits.ts';
import { newPasswordOptions } from '../../services/identity.ts';
import { lockout } from '../../services/lockout.ts';
import { emailChangedMail, passwordChangedMail } from '../../services/mail/mail-templates.ts';
import { notifyMailQueued, queueMail } from '../../services/mail/outbox.ts';
import { hashPassword, verifyPassword } from '../../services/passwords.ts';
import { deleteOtherSessions } from '../../services/sessions.ts';

/** 利用者情報変更 (I11): password and email of the signed-in patron, each confirmed by mail. */
export function meSettingsRoutes(deps: AppDeps) {
  const { db, clock, env } = deps;

  async function sessionPatron(patronId: number) {
    const [patron] = await db.select().from(patrons).where(eq(patrons.id, patronId));
    if (!patron) throw new ApiError(401, 'unauthenticated');
    return patron;
  }

  return new Hono<AppEnv>()
    .use(requireSession(deps))
    .put('/password', async (c) => {
      // SIP2_PASSWORDS=ils: the password is the ILS's PIN, changed at the counter; a "current
      // password" typed here could only fail and count toward the patron's lockout.
      if (!deps.circulation.portalPasswords) throw new ApiError(403, 'registration_not_available');
      const session = c.get('session');
      const patron = await sessionPatron(session.patronId);
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new ApiError(400, 'invalid_json');
      }
      const input = parseWith(passwordChangeSchema(newPasswordOptions(patron)), raw);
      const now = clock.now();
      const address = clientAddress(c, deps);
      await lockout.check(deps, patron.number, address);
      if (!(await verifyPassword(patron.passwordHash, input.currentPassword))) {
        // Someone at an unattended session must not be able to guess the password either.
        await lockout.fail(deps, 'login', patron.number, address);
        throw new ApiError(400, 'validation_failed', undefined, {
          fields: { currentPassword: passwordKeys.currentWrong },
        });
      }
      await lockout.succeed(deps, 'login', patron.number, address);
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        await tx
          .update(patrons)
          .set({ passwordHash, passwordChangedAt: now })
          .where(eq(patrons.id, patron.id));
        // Whoever else was signed in with the old password is signed out.
        await deleteOtherSessions(tx, patron.id, session.idHash);
        if (patron.email) {
          await queueMail(
            tx,
            patron.email,
            passwordChangedMail({
              name: patron.nameKana,
              at: now,
              from: env.MAIL_FROM,
              lang: patron.language ?? c.get('lang'),
            }),
            now,
          );
        }
        await audit(tx, 'password_changed', { patronId: patron.id, requestId: c.get('requestId') });
      });
      notifyMailQueued();
      return c.body(null, 204);
    })
    .put('/email', async (c) => {
      const session = c.get('session');
      const input = await jsonBody(c, emailChangeSchema);
      const patron = await sessionPatron(session.patronId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await assertContactChangeAllowed(tx, patron.id, now);
        const same = (a: string | null | undefined) => a?.toLowerCase() === input.email.toLowerCase();
        // Whoever is told of the change: the new address, the one on file, and — when the
        // reservations move — the addresses they were sent to until now. If someone else made
        // the change, the owner can react.
        const told = new Set<string>([input.email]);
        if (patron.email && !same(patron.email)) told.add(patron.email);
        if (input.useForReservations) {
          const previous = await tx
            .selectDistinct({ contactEmail: reservations.contactEmail })
            .from(reservations)
            .where(and(eq(reservations.patronId, patron.id), eq(reservations.status, 'active')));
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
            .where(and(eq(reservations.patronId, patron.id), eq(reservations.status, 'active')));
        }
        const mail = emailChangedMail({
          name: patron.nameKana,
          at: now,
          from: env.MAIL_FROM,
          newAddress: input.email,
          forContact: input.useForContact,
          forReservations: input.useForReservations,
          lang: patron.language ?? c.get('lang'),
        });
        for (const address of recipients) await queueMail(tx, address, mail, now);
        await audit(tx, 'email_changed', {
          patronId: patron.id,
          requestId: c.get('requestId'),
          at: now,
          detail: { useForContact: input.useForContact, useForReservations: input.useForReservations },
        });
      });
      notifyMailQueued();
      return c.body(null, 204);
    });
}
