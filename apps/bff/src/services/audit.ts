import type { Db, Tx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export type AuditEvent =
  | 'login_succeeded'
  | 'login_failed'
  | 'login_locked'
  | 'logout'
  | 'registration_verify_failed'
  | 'registration_completed'
  | 'password_reset_requested'
  | 'password_reset_verify_failed'
  | 'password_reset_verified'
  | 'password_reset_completed'
  | 'password_changed'
  | 'email_changed'
  | 'renewal'
  | 'calendar_feed_created'
  | 'calendar_feed_revoked';

/** Appends to the audit table; never holds passwords, tokens or birth dates. */
export async function audit(
  db: Db | Tx,
  event: AuditEvent,
  entry: { patronId?: number | null; requestId?: string; detail?: Record<string, unknown>; at?: Date },
): Promise<void> {
  await db.insert(auditLog).values({
    event,
    patronId: entry.patronId ?? null,
    requestId: entry.requestId ?? null,
    detail: entry.detail ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}
