import { DomainError, maskPatronNumber } from '@library/domain';
import {
  PASSWORD_RESET_IDENTITY_TTL_MINUTES,
  PASSWORD_RESET_MAIL_TTL_MINUTES,
  passwordResetCompleteSchema,
  passwordResetKeys,
} from '@library/domain/registration';
import { eq, sql } from 'drizzle-orm';
import { passwordResetTokens, patrons } from '../db/schema.ts';
import type { AppDeps } from '../lib/app-env.ts';
import { audit } from './audit.ts';
import { type IdentityClaim, newPasswordOptions, verifyIdentity } from './identity.ts';
import { lockout } from './lockout.ts';
import { passwordResetCompletedMail, passwordResetLinkMail } from './mail/mail-templates.ts';
import { notifyMailQueued, queueConfirmation } from './mail/outbox.ts';
import { oneTimeTokens } from './one-time-tokens.ts';
import { hashPassword } from './passwords.ts';
import type { RequestContext } from './request-context.ts';
import { deleteAllSessions, newToken, sha256 } from './sessions.ts';
import { parseWith } from './validation.ts';

export const RESET_MAIL_TTL_MS = PASSWORD_RESET_MAIL_TTL_MINUTES * 60_000;
export const RESET_IDENTITY_TTL_MS = PASSWORD_RESET_IDENTITY_TTL_MINUTES * 60_000;
/** At most this many reset mails to one patron in RESET_MAIL_WINDOW_MS (nobody's mailbox is flooded). */
export const RESET_MAILS_PER_WINDOW = 3;
export const RESET_MAIL_WINDOW_MS = 15 * 60_000;

export const PASSWORD_RESET_PATH = '/password-reset';

const tokens = oneTimeTokens(passwordResetTokens, {
  name: 'resetToken',
  missing: passwordResetKeys.tokenMissing,
});

/** The instant as PostgreSQL reads it (a text parameter: the same on PGlite and postgres.js). */
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** パスワードを忘れた方 (docs/product.md §11): the mailed link, the identity check, the new password. */
export function passwordResetService(deps: AppDeps) {
  const { db, clock, env } = deps;

  /**
   * By mail: 202 whatever the number. The same statements run whoever asks — a token is
   * computed and one insert-or-noop writes it only for a registered patron with an address on
   * file; the mail row is written only beside a token that was written; the audit row always —
   * so neither the answer nor its time tells whether the number exists.
   */
  async function request(patronNumber: string, origin: string, ctx: RequestContext): Promise<void> {
    const now = clock.now();
    const token = newToken();
    const tokenHash = sha256(token);
    const [patron] = await db
      .select({ id: patrons.id, name: patrons.nameKana, language: patrons.language })
      .from(patrons)
      .where(eq(patrons.number, patronNumber));
    // Composed either way, with an empty name when there is no such patron.
    const mail = passwordResetLinkMail({
      name: patron?.name ?? '',
      at: now,
      from: env.MAIL_FROM,
      link: `${origin}${PASSWORD_RESET_PATH}?token=${token}`,
      validMinutes: PASSWORD_RESET_MAIL_TTL_MINUTES,
      lang: patron?.language ?? ctx.lang,
    });
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into password_reset_tokens (token_hash, patron_id, via, expires_at, created_at)
        select ${tokenHash}, p.id, 'mail', ${at(new Date(now.getTime() + RESET_MAIL_TTL_MS))}, ${at(now)}
        from patrons p
        where p.number = ${patronNumber} and p.password_hash is not null and p.email is not null
          and (select count(*) from password_reset_tokens t
               where t.patron_id = p.id and t.via = 'mail'
                 and t.created_at > ${at(new Date(now.getTime() - RESET_MAIL_WINDOW_MS))}) < ${RESET_MAILS_PER_WINDOW}`);
      // Only the newest token is live: the links of earlier mails stop working.
      await tx.execute(sql`
        update password_reset_tokens set used_at = ${at(now)}
        where used_at is null and token_hash <> ${tokenHash}
          and patron_id = (select patron_id from password_reset_tokens where token_hash = ${tokenHash})`);
      // The outbox row, only to the address on file and only beside the token just written.
      await tx.execute(sql`
        insert into mail_outbox (kind, to_address, subject, body, created_at, next_attempt_at)
        select ${mail.kind}, p.email, ${mail.subject}, ${mail.body}, ${at(now)}, ${at(now)}
        from password_reset_tokens t join patrons p on p.id = t.patron_id
        where t.token_hash = ${tokenHash}`);
      await audit(tx, 'password_reset_requested', { patronId: patron?.id, requestId: ctx.requestId });
    });
    notifyMailQueued();
    ctx.logger.info({ patron: maskPatronNumber(patronNumber) }, 'password reset requested');
  }

  /** By identity (as 新規パスワード登録 step 1): failures count toward the lockout, as login's do. */
  async function verify(claim: IdentityClaim, ctx: RequestContext): Promise<{ resetToken: string }> {
    const now = clock.now();
    const patron = await verifyIdentity(deps, claim, {
      kind: 'password_reset',
      failedEvent: 'password_reset_verify_failed',
      ...ctx,
    });
    // Identity proven, so saying so reveals nothing: such a patron registers instead.
    if (!patron.passwordHash) throw new DomainError('not_registered');
    await lockout.succeed({ db, clock }, 'password_reset', claim.patronNumber, ctx.clientAddress);
    const token = await db.transaction(async (tx) => {
      const issued = await tokens.issue(tx, patron.id, now, RESET_IDENTITY_TTL_MS, { via: 'identity' });
      await audit(tx, 'password_reset_verified', { patronId: patron.id, requestId: ctx.requestId });
      return issued;
    });
    return { resetToken: token };
  }

  /**
   * The new password (I8 with the patron's own details), then in one transaction: the hash,
   * the token spent, every session ended, the lockout cleared, the confirmation mail, the audit row.
   */
  async function complete(raw: unknown, ctx: RequestContext): Promise<void> {
    const now = clock.now();
    const { token, patron } = await tokens.redeemable(db, raw, now);
    const input = parseWith(passwordResetCompleteSchema(newPasswordOptions(patron)), raw);
    // Hashing is slow: done before the transaction so it holds no locks meanwhile.
    const passwordHash = await hashPassword(input.password);
    await db.transaction(async (tx) => {
      // Conditional: a double submit or a second tab cannot use the token twice.
      await tokens.spend(tx, token.tokenHash, now);
      await tokens.retireOthers(tx, patron.id, now, token.tokenHash);
      await tx.update(patrons).set({ passwordHash, passwordChangedAt: now }).where(eq(patrons.id, patron.id));
      await lockout.clear({ db: tx }, patron.number);
      // Whoever was signed in — the patron on another device, or someone who knew the old password.
      await deleteAllSessions(tx, patron.id);
      await queueConfirmation(tx, patron, passwordResetCompletedMail, {
        now,
        from: env.MAIL_FROM,
        lang: ctx.lang,
      });
      await audit(tx, 'password_reset_completed', {
        patronId: patron.id,
        requestId: ctx.requestId,
        detail: { via: token.via },
      });
    });
    notifyMailQueued();
    ctx.logger.info({ patron: maskPatronNumber(patron.number), via: token.via }, 'password reset completed');
  }

  return { request, verify, complete };
}
