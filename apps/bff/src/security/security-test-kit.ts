import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { Db } from '../db/client.ts';
import {
  calendarFeeds,
  loans,
  notificationPreferences,
  patrons,
  renewals,
  reservations,
  sessions,
} from '../db/schema.ts';

/** Every API endpoint the app answers, as `METHOD /path`, read from Hono's own route table. */
export function apiEndpoints(app: Pick<Hono, 'routes'>): string[] {
  const keys = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

/** docs/product.md §6: `{"error": {"code", "message", "fields"?}}` and nothing else. */
export function expectErrorShape(body: unknown): void {
  expect(body).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
  const error = (body as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).every((k) => ['code', 'message', 'fields'].includes(k))).toBe(true);
  expect(error.code).toMatch(/^[a-z_]+$/);
  expect((error.message as string).length).toBeGreaterThan(0);
  if (error.fields !== undefined) {
    for (const value of Object.values(error.fields as object)) expect(typeof value).toBe('string');
  }
}

export function isErrorShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return false;
  const error = (body as { error: unknown }).error as Record<string, unknown> | null;
  if (typeof error !== 'object' || error === null) return false;
  if (typeof error.code !== 'string' || !/^[a-z_]+$/.test(error.code)) return false;
  if (typeof error.message !== 'string' || error.message.length === 0) return false;
  if (!Object.keys(error).every((k) => ['code', 'message', 'fields'].includes(k))) return false;
  if (error.fields !== undefined) {
    if (typeof error.fields !== 'object' || error.fields === null) return false;
    if (!Object.values(error.fields).every((v) => typeof v === 'string')) return false;
  }
  return true;
}

export async function patronId(db: Db, number: string): Promise<number> {
  const [row] = await db.select({ id: patrons.id }).from(patrons).where(eq(patrons.number, number));
  if (!row) throw new Error(`no patron ${number}`);
  return row.id;
}

export async function activeLoanIds(db: Db, patronNumber: string): Promise<number[]> {
  const rows = await db
    .select({ id: loans.id })
    .from(loans)
    .innerJoin(patrons, eq(patrons.id, loans.patronId))
    .where(and(eq(patrons.number, patronNumber), isNull(loans.returnedOn)))
    .orderBy(asc(loans.id));
  return rows.map((r) => r.id);
}

/** What a patron owns that a request could read or change: compared before and after. */
export async function patronState(db: Db, patronNumber: string) {
  const id = await patronId(db, patronNumber);
  const [patron] = await db
    .select({ passwordHash: patrons.passwordHash, email: patrons.email, language: patrons.language })
    .from(patrons)
    .where(eq(patrons.id, id));
  const loanRows = await db
    .select({ id: loans.id, dueDate: loans.dueDate, renewalCount: loans.renewalCount })
    .from(loans)
    .where(eq(loans.patronId, id))
    .orderBy(asc(loans.id));
  const renewalCount = await db.$count(
    renewals,
    inArray(renewals.loanId, db.select({ id: loans.id }).from(loans).where(eq(loans.patronId, id))),
  );
  const contacts = await db
    .select({ contactEmail: reservations.contactEmail })
    .from(reservations)
    .where(eq(reservations.patronId, id))
    .orderBy(asc(reservations.id));
  const sessionCount = await db.$count(sessions, eq(sessions.patronId, id));
  const notifications = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.patronId, id));
  const feeds = await db
    .select({ tokenHash: calendarFeeds.tokenHash })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.patronId, id));
  return {
    patron,
    loans: loanRows,
    renewals: renewalCount,
    contacts,
    sessions: sessionCount,
    notifications,
    feeds,
  };
}
