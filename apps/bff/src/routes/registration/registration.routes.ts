import {
  registrationCompleteSchema,
  registrationKeys,
  registrationVerifySchema,
} from '@library/domain/registration';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { patrons, registrationTokens, reservations } from '../../db/schema.ts';
import { ApiError } from '../../lib/api-error.ts';
import type { AppDeps, AppEnv } from '../../lib/app-env.ts';
import { clientAddress } from '../../lib/client-address.ts';
import { jsonBody, parseWith } from '../../lib/validation.ts';
import { audit } from '../../services/audit.ts';
import { assertRecipientsUnderLimit } from '../../services/contact-limits.ts';
import { newPasswordOptions, verifyIdentity } from '../../services/identity.ts';
import { lockout } from '../../services/lockout.ts';
import { registrationAcceptedMail } from '../../services/mail/mail-templates.ts';
import { maskAddress, notifyMailQueued, queueMail } from '../../services/mail/outbox.ts';
import { hashPassword } from '../../services/passwords.ts';
import { newToken, sha256 } from '../../services/sessions.ts';

export const REGISTRATION_TOKEN_TTL_MS = 15 * 60 * 1000;

const tokenOnly = z.object({ registrationToken: z.string().min(1).max(128) }).loose();

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
}

/** 新規パスワード登録 (I6, I7, I10): identity check, then password and email. */
export function registrationRoutes(deps: AppDeps) {
  const { db, clock, env } = deps;

  /** The live token's row, or undefined: unknown, used and expired tokens all look alike. */
  async function liveToken(token: string, now: Date) {
    const [row] = await db
      .select()
      .from(registrationTokens)
      .where(
        and(
          eq(registrationTokens.tokenHash, sha256(token)),
          isNull(registrationTokens.usedAt),
          gt(registrationTokens.expiresAt, now),
        ),
      );
    return row;
  }

  return new Hono<AppEnv>()
    .post('/verify', async (c) => {
      const input = await jsonBody(c, registrationVerifySchema(clock.today()));
      const now = clock.now();
      const address = clientAddress(c, deps);
      if (!deps.circulation.portalPasswords) throw new ApiError(403, 'registration_not_available');
      const patron = await verifyIdentity(deps, input, {
        kind: 'registration',
        failedEvent: 'registration_verify_failed',
        clientAddress: address,
        requestId: c.get('requestId'),
        logger: c.get('logger'),
      });
      if (patron.passwordHash) throw new ApiError(409, 'already_registered');
      await lockout.succeed(deps, 'registration', input.patronNumber, address);
      const token = newToken();
      await db.transaction(async (tx) => {
        // Only the newest token is live: an older tab's token stops working.
        await tx
          .update(registrationTokens)
          .set({ usedAt: now })
          .where(and(eq(registrationTokens.patronId, patron.id), isNull(registrationTokens.usedAt)));
        await tx.insert(registrationTokens).values({
          tokenHash: sha256(token),
          patronId: patron.id,
          expiresAt: new Date(now.getTime() + REGISTRATION_TOKEN_TTL_MS),
          createdAt: now,
        });
      });
      // 旧メールアドレス is shown read-only: the screen needs no more than t***@example.jp.
      return c.json({
        registrationToken: token,
        currentEmail: patron.email ? maskAddress(patron.email) : null,
      });
    })
    .post('/complete', async (c) => {
      const raw = await readJson(c);
      const now = clock.now();
      const requestId = c.get('requestId');
      const tokenInput = tokenOnly.safeParse(raw);
      if (!tokenInput.success) {
        throw new ApiError(400, 'validation_failed', undefined, {
          fields: { registrationToken: registrationKeys.tokenMissing },
        });
      }
      const token = await liveToken(tokenInput.data.registrationToken, now);
      if (!token) throw new ApiError(410, 'token_expired');
      const [patron] = await db.select().from(patrons).where(eq(patrons.id, token.patronId));
      if (!patron) throw new ApiError(410, 'token_expired');
      // The password rules need what a guesser could know: the patron's own details.
      const input = parseWith(registrationCompleteSchema(newPasswordOptions(patron)), raw);
      if (patron.passwordHash) throw new ApiError(409, 'already_registered');
      // Hashing is slow: done before the transaction so it holds no locks meanwhile.
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        // Conditional updates: a double submit or a second tab cannot register twice.
        const used = await tx
          .update(registrationTokens)
          .set({ usedAt: now })
          .where(
            and(
              eq(registrationTokens.tokenHash, token.tokenHash),
              isNull(registrationTokens.usedAt),
              gt(registrationTokens.expiresAt, now),
            ),
          )
          .returning({ patronId: registrationTokens.patronId });
        if (used.length === 0) throw new ApiError(410, 'token_expired');
        const updated = await tx
          .update(patrons)
          .set({
            passwordHash,
            passwordChangedAt: now,
            ...(input.useForContact ? { email: input.email } : {}),
          })
          .where(and(eq(patrons.id, patron.id), isNull(patrons.passwordHash)))
          .returning({ id: patrons.id });
        if (updated.length === 0) throw new ApiError(409, 'already_registered');
        // Identity proven and a password set: whatever a guesser locked is lifted.
        await lockout.clear({ db: tx }, patron.number);
        if (input.useForReservations) {
          await tx
            .update(reservations)
            .set({ contactEmail: input.email })
            .where(and(eq(reservations.patronId, patron.id), eq(reservations.status, 'active')));
        }
        await assertRecipientsUnderLimit(tx, [input.email], now);
        await queueMail(
          tx,
          input.email,
          // In the language of the page that registered (SPEC §12).
          registrationAcceptedMail({
            name: patron.nameKana,
            at: now,
            from: env.MAIL_FROM,
            lang: c.get('lang'),
          }),
          now,
        );
        await audit(tx, 'registration_completed', {
          patronId: patron.id,
          requestId,
          detail: { useForContact: input.useForContact, useForReservations: input.useForReservations },
        });
      });
      notifyMailQueued();
      return c.json({ patron: { number: patron.number, name: patron.nameKana }, mailTo: input.email }, 201);
    });
}
