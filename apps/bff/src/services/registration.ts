import { DomainError } from '@library/domain';
import { registrationCompleteSchema, registrationKeys } from '@library/domain/registration';
import { and, eq, isNull } from 'drizzle-orm';
import { patrons, registrationTokens, reservations } from '../db/schema.ts';
import type { AppDeps } from '../lib/app-env.ts';
import { activeReservationsOf } from './account-settings.ts';
import { audit } from './audit.ts';
import { assertRecipientsUnderLimit } from './contact-limits.ts';
import { type IdentityClaim, newPasswordOptions, verifyIdentity } from './identity.ts';
import { lockout } from './lockout.ts';
import { registrationAcceptedMail } from './mail/mail-templates.ts';
import { maskAddress, notifyMailQueued, queueMail } from './mail/outbox.ts';
import { oneTimeTokens } from './one-time-tokens.ts';
import { hashPassword } from './passwords.ts';
import type { RequestContext } from './request-context.ts';

import { parseWith } from './validation.ts';

export const REGISTRATION_TOKEN_TTL_MS = 15 * 60 * 1000;

const tokens = oneTimeTokens(registrationTokens, {
  name: 'registrationToken',
  missing: registrationKeys.tokenMissing,
});

/** 新規パスワード登録 (I6, I7, I10): identity check, then password and email. */
export function registrationService(deps: AppDeps) {
  const { db, clock, env } = deps;

  /** Step 1 (I6): the identity proven, a 15-minute token for step 2 and the masked address on file. */
  async function verify(input: IdentityClaim, ctx: RequestContext) {
    const now = clock.now();
    const patron = await verifyIdentity(deps, input, {
      kind: 'registration',
      failedEvent: 'registration_verify_failed',
      ...ctx,
    });
    if (patron.passwordHash) throw new DomainError('already_registered');
    await lockout.succeed(deps, 'registration', input.patronNumber, ctx.clientAddress);
    const token = await db.transaction((tx) => tokens.issue(tx, patron.id, now, REGISTRATION_TOKEN_TTL_MS));
    // 旧メールアドレス is shown read-only: the screen needs no more than t***@example.jp.
    return { registrationToken: token, currentEmail: patron.email ? maskAddress(patron.email) : null };
  }

  /**
   * Step 2 (I7): the body as sent — its schema needs the token's patron (I8's context). The
   * password, the address and its uses, the token spent, the lockout lifted and the mail queued
   * in one transaction.
   */
  async function complete(raw: unknown, ctx: RequestContext) {
    const now = clock.now();
    const { token, patron } = await tokens.redeemable(db, raw, now);
    // The password rules need what a guesser could know: the patron's own details.
    const input = parseWith(registrationCompleteSchema(newPasswordOptions(patron)), raw);
    if (patron.passwordHash) throw new DomainError('already_registered');
    // Hashing is slow: done before the transaction so it holds no locks meanwhile.
    const passwordHash = await hashPassword(input.password);
    await db.transaction(async (tx) => {
      // Conditional updates: a double submit or a second tab cannot register twice.
      await tokens.spend(tx, token.tokenHash, now);
      const updated = await tx
        .update(patrons)
        .set({
          passwordHash,
          passwordChangedAt: now,
          ...(input.useForContact ? { email: input.email } : {}),
        })
        .where(and(eq(patrons.id, patron.id), isNull(patrons.passwordHash)))
        .returning({ id: patrons.id });
      if (updated.length === 0) throw new DomainError('already_registered');
      // Identity proven and a password set: whatever a guesser locked is lifted.
      await lockout.clear({ db: tx }, patron.number);
      if (input.useForReservations) {
        await tx
          .update(reservations)
          .set({ contactEmail: input.email })
          .where(activeReservationsOf(patron.id));
      }
      await assertRecipientsUnderLimit(tx, [input.email], now);
      await queueMail(
        tx,
        input.email,
        // In the language of the page that registered (docs/product.md §12).
        registrationAcceptedMail({ name: patron.nameKana, at: now, from: env.MAIL_FROM, lang: ctx.lang }),
        now,
      );
      await audit(tx, 'registration_completed', {
        patronId: patron.id,
        requestId: ctx.requestId,
        detail: { useForContact: input.useForContact, useForReservations: input.useForReservations },
      });
    });
    notifyMailQueued();
    return { patron: { number: patron.number, name: patron.nameKana }, mailTo: input.email };
  }

  return { verify, complete };
}
