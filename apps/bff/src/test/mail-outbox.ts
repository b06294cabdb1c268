import { expect } from 'vitest';
import type { Db } from '../db/client.ts';
import { mailOutbox } from '../db/schema.ts';

/** The outbox holds exactly one mail, and it matches `expected`; returns it for checks on its body. */
export async function theOnlyMail(db: Db, expected: Partial<typeof mailOutbox.$inferSelect>) {
  const mails = await db.select().from(mailOutbox);
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject(expected);
  return mails[0]!;
}
