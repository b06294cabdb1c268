import { isCommonPassword } from '@library/domain/common-passwords';
import { emailChangeSchema, passwordChangeSchema, passwordMessages } from '@library/domain/registration';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { patrons, reservations } from '../../db/schema.ts';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { clientAddress } from '../../lib/client-address.ts';
import { requireSession } from '../../lib/require-session.ts';
import { jsonBody, parseWith } from '../../lib/validation.ts';
import { audit } from '../../services/audit.ts';
import { assertNotLocked, recordFailure } from '../../services/lockout.ts';
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
      const session = c.get('session');
      const patron = await sessionPatron(session.patronId);
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new ApiError(400, 'invalid_json');
      }
      const input = parseWith(
        passwordChangeSchema({
          context: {
            birthDate: patron.birthDate ?? undefined,
            phone: patron.phone ?? undefined,
            patronNumber: patron.number,
          },
          isCommon: isCommonPassword,
        }),
        raw,
      );
      const now = clock.now();
      assertNotLocked(patron, now);
      if (!(await verifyPassword(patron.passwordHash, input.currentPassword))) {
        // Someone at an unattended session must not be able to guess the password either.
        await recordFailure(db, 'login', patron.number, patron.id, clientAddress(c, deps), now);
        throw new ApiError(400, 'validation_failed', undefined, {
          fields: { currentPassword: passwordMessages.currentWrong },
        });
      }
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        await tx
          .update(patrons)
          .set({ passwordHash, passwordChangedAt: now, failedAttempts: 0 })
          .where(eq(patrons.id, patron.id));
        // Whoever else was signed in with the old password is signed out.
        await deleteOtherSessions(tx, patron.id, session.idHash);
        if (patron.email) {
          await queueMail(
            tx,
            patron.email,
            passwordChangedMail({ name: patron.nameKana, at: now, from: env.MAIL_FROM }),
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
        });
        await queueMail(tx, input.email, mail, now);
        // The old address hears of it too: if someone else made the change, its owner can react.
        if (input.useForContact && patron.email && patron.email !== input.email) {
          await queueMail(tx, patron.email, mail, now);
        }
        await audit(tx, 'email_changed', {
          patronId: patron.id,
          requestId: c.get('requestId'),
          detail: { useForContact: input.useForContact, useForReservations: input.useForReservations },
        });
      });
      notifyMailQueued();
      return c.body(null, 204);
    });
}
