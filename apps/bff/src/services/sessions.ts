import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { statement } from '../db/prepared.ts';
import { sessions } from '../db/schema.ts';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Refresh last_seen_at at most this often, to spare a write per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** 256 random bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(db: Db | Tx, patronId: number, now: Date): Promise<string> {
  const id = newToken();
  await db.insert(sessions).values({
    idHash: sha256(id),
    patronId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  return id;
}

/**
 * The session of a cookie, if it has not expired, with how long ago it was last seen, in one
 * prepared statement answering a plain row (on every authenticated request: no row mapping).
 */
const liveSession = statement<[patronId: number, idleMs: number]>(
  'live_session',
  sql`select ${sessions.patronId}, (extract(epoch from ${sql.placeholder('now')}::timestamptz - ${sessions.lastSeenAt}) * 1000)::float8
    from ${sessions}
    where ${sessions.idHash} = ${sql.placeholder('idHash')}::text and ${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
);

/** The live session for a cookie value, or undefined; applies the idle and absolute timeouts. */
export async function findSession(db: Db, id: string, now: Date) {
  const idHash = sha256(id);
  const [row] = await liveSession(db).execute({ idHash, now: now.toISOString() });
  if (!row) return undefined;
  const [patronId, idleMs] = row;
  if (idleMs > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return undefined;
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return { idHash, patronId };
}

export async function deleteSession(db: Db | Tx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of the patron but the one given (after a password change). */
export async function deleteOtherSessions(db: Db | Tx, patronId: number, keepIdHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.patronId, patronId), ne(sessions.idHash, keepIdHash)));
}

/** Ends every session of the patron (after a password reset): each of their browsers gets 401. */
export async function deleteAllSessions(db: Db | Tx, patronId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.patronId, patronId));
}
