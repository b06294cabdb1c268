import { timingSafeEqual } from 'node:crypto';
import { DomainError, maskPatronNumber } from '@library/domain';
import { isCommonPassword } from '@library/domain/common-passwords';
import type { CirculationPort } from '../circulation/circulation-port.ts';
import type { Db } from '../db/client.ts';
import { type AuditEvent, audit } from './audit.ts';
import type { Clock } from './clock.ts';
import { type AttemptKind, lockout } from './lockout.ts';

import { type Patron, patronByNumber } from './patrons.ts';
import type { RequestContext } from './request-context.ts';
import { sha256 } from './sessions.ts';

/** Equal strings, compared in constant time (over their hashes, so lengths leak nothing either). */
export function secretEquals(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(a), 'hex'), Buffer.from(sha256(b), 'hex'));
}

/** What the patron typed, normalised by the shared schema (registrationVerifySchema). */
export interface IdentityClaim {
  patronNumber: string;
  name: string;
  birthDate: string;
  phone: string;
}

/**
 * I8's options for a new password of this patron: what a guesser could know (birth date, phone,
 * number — an ILS patron may lack the first two) and the common-password list.
 */
export function newPasswordOptions(patron: Pick<Patron, 'birthDate' | 'phone' | 'number'>) {
  return {
    context: {
      birthDate: patron.birthDate ?? undefined,
      phone: patron.phone ?? undefined,
      patronNumber: patron.number,
    },
    isCommon: isCommonPassword,
  };
}

/**
 * I6: number, name, birth date and phone must all match the patron record — 新規パスワード登録
 * step 1 and パスワードを忘れた方 by identity. A locked number gets 423; a mismatch (or an
 * unknown number) one generic 401 that counts toward the lockout of `kind`, exactly as login.
 * Returns the patron on a match; the caller decides what the patron's state allows.
 */
export async function verifyIdentity(
  deps: { db: Db; clock: Clock; circulation: Pick<CirculationPort, 'identityRecord'> },
  claim: IdentityClaim,
  attempt: { kind: AttemptKind; failedEvent: AuditEvent } & Omit<RequestContext, 'lang'>,
): Promise<Patron> {
  const { db } = deps;
  const known = await patronByNumber(db, claim.patronNumber);
  await lockout.check(deps, claim.patronNumber, attempt.clientAddress);
  // The record to prove identity against: ours, or the ILS's (CIRCULATION=sip2, refreshed into our row).
  const patron = await deps.circulation.identityRecord(claim.patronNumber, known);
  // Every part is compared, whatever the first mismatch, so timing tells nothing.
  const matches = patron
    ? [
        secretEquals(claim.name, patron.nameKana),
        secretEquals(claim.birthDate, patron.birthDate ?? ''),
        secretEquals(claim.phone, patron.phone ?? ''),
      ].every(Boolean)
    : false;
  if (!patron || !matches) {
    attempt.logger.info(
      { patron: maskPatronNumber(claim.patronNumber), kind: attempt.kind },
      'identity not verified',
    );
    await audit(db, attempt.failedEvent, { patronId: patron?.id, requestId: attempt.requestId });
    await lockout.fail(deps, attempt.kind, claim.patronNumber, attempt.clientAddress);
    throw new DomainError('identity_not_verified');
  }
  // A right answer that raced a burst of wrong ones is refused once the burst locked the number.
  await lockout.check(deps, claim.patronNumber, attempt.clientAddress);
  return patron;
}
