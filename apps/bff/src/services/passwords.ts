import { DomainError } from '@library/domain';
import { hash, verify } from '@node-rs/argon2';
import type { CirculationPort } from '../circulation/circulation-port.ts';

/** OWASP's argon2id parameters: m = 19 MiB, t = 2, p = 1. */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. Without a stored hash (unknown or unregistered patron) it still spends
 * the same time on a dummy hash, so response time does not tell which numbers exist.
 */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/**
 * CIRCULATION=sip2 with SIP2_PASSWORDS=ils: the password is the ILS's PIN, which only the
 * library counter sets — there is no portal password to register, reset or change.
 */
export function assertPortalPasswords(circulation: Pick<CirculationPort, 'portalPasswords'>): void {
  if (!circulation.portalPasswords) throw new DomainError('registration_not_available');
}
