import { and, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { items, loans, patrons, renewals, reservations } from '../db/schema.ts';
import { GUIDE_TODAY } from '../test/test-app.ts';
import { useTestApp } from '../test/use-test-app.ts';
import { writeRenewal } from './renewal.ts';

/**
 * R6 at write time: what another request changes between the renewal's read and its write
 * stops the write (renewal.ts, `renewal_write`). The write is run here with what a read saw
 * before the change, which no request through the API can time.
 */
describe('the renewal write re-checks at commit (R6)', () => {
  const t = useTestApp();
  let loan: typeof loans.$inferSelect;
  let titleId: number;
  let otherPatron: number;

  beforeAll(async () => {
    const [patron] = await t.db.select().from(patrons).where(eq(patrons.number, '100000004'));
    [loan] = (await t.db
      .select()
      .from(loans)
      .where(and(eq(loans.patronId, patron!.id), eq(loans.renewalCount, 0)))
      .limit(1)) as [typeof loans.$inferSelect];
    const [item] = await t.db.select().from(items).where(eq(items.id, loan.itemId));
    titleId = item!.titleId;
    const [other] = await t.db.select().from(patrons).where(eq(patrons.number, '100000001'));
    otherPatron = other!.id;
  });

  /** The write with what the read saw (the loan as it was, not renewed, no reservation, no overdue). */
  const write = (renewalCount = loan.renewalCount) =>
    writeRenewal(t.db).execute({
      loanId: loan.id,
      patronId: loan.patronId,
      today: GUIDE_TODAY,
      renewalCount,
      titleId,
      previousDueDate: loan.dueDate,
      newDueDate: '2021-02-03',
      channel: 'web',
      requestId: 'renewal-write-test',
    });
  const untouched = async () => {
    const [now] = await t.db.select().from(loans).where(eq(loans.id, loan.id));
    expect(now).toMatchObject({ dueDate: loan.dueDate, renewalCount: loan.renewalCount });
    expect(await t.db.select().from(renewals).where(eq(renewals.loanId, loan.id))).toEqual([]);
  };

  it('writes nothing when another patron reserved the title after the read (R4)', async () => {
    await t.db.insert(reservations).values({ titleId, patronId: otherPatron });
    try {
      expect(await write()).toEqual([]);
      await untouched();
    } finally {
      await t.db.delete(reservations).where(eq(reservations.patronId, otherPatron));
    }
  });

  it('writes nothing when one of the patron’s other loans became overdue after the read (R5)', async () => {
    const [another] = await t.db
      .select()
      .from(loans)
      .where(and(eq(loans.patronId, loan.patronId), ne(loans.id, loan.id)))
      .limit(1);
    await t.db.update(loans).set({ dueDate: '2021-01-19' }).where(eq(loans.id, another!.id));
    try {
      expect(await write()).toEqual([]);
      await untouched();
    } finally {
      await t.db.update(loans).set({ dueDate: another!.dueDate }).where(eq(loans.id, another!.id));
    }
  });

  it('writes nothing when someone renewed it after the read (the count moved on, R3/R7)', async () => {
    expect(await write(loan.renewalCount + 1)).toEqual([]);
    await untouched();
  });

  it('writes the renewal, its record and nothing else when all still holds', async () => {
    expect(await write()).toEqual([[1]]);
    const [now] = await t.db.select().from(loans).where(eq(loans.id, loan.id));
    expect(now).toMatchObject({ dueDate: '2021-02-03', renewalCount: 1 });
    expect(await t.db.select().from(renewals).where(eq(renewals.loanId, loan.id))).toHaveLength(1);
  });
});
