import { addDays, DomainError, isOverdue, type PlainDate, patronBlock } from '@library/domain';
import { and, eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { localCirculation } from '../circulation/local/local-circulation.ts';
import { auditLog, branches, items, loans, patrons, renewals, titles } from '../db/schema.ts';
import { useTestApp } from '../test/use-test-app.ts';
import { loanIsOverdue } from './overdue.ts';
import { renewLoans } from './renewal.ts';
import { loanPage } from './renewal-preview.ts';

const TODAY: PlainDate = '2021-01-20';
const ITEMS = 6;

const t = useTestApp({ demo: false, today: TODAY });
let patronId: number;
let itemIds: number[];

beforeAll(async () => {
  await t.db.insert(branches).values({ code: 'main', name: '本館', shortName: '本館', weeklyClosingDay: 1 });
  const [patron] = await t.db
    .insert(patrons)
    .values({ number: '100000901', nameKana: 'テスト', createdAt: new Date() })
    .returning({ id: patrons.id });
  patronId = patron!.id;
  const [title] = await t.db.insert(titles).values({ title: '資料' }).returning({ id: titles.id });
  const rows = await t.db
    .insert(items)
    .values(
      Array.from({ length: ITEMS }, (_, i) => ({
        titleId: title!.id,
        barcode: `T${i}`,
        materialType: 'book' as const,
        category: '一般',
      })),
    )
    .returning({ id: items.id });
  itemIds = rows.map((r) => r.id);
});

/** A patron's loans around today: due a few days before or after, some returned. */
const generatedLoans = fc.array(
  fc.record({ dueOffset: fc.integer({ min: -3, max: 3 }), returned: fc.boolean() }),
  { maxLength: ITEMS },
);

async function withLoans(generated: { dueOffset: number; returned: boolean }[]) {
  await t.db.delete(renewals);
  await t.db.delete(auditLog);
  await t.db.delete(loans);
  if (generated.length === 0) return [];
  return t.db
    .insert(loans)
    .values(
      generated.map((g, i) => ({
        patronId,
        itemId: itemIds[i]!,
        branchCode: 'main',
        loanedOn: addDays(TODAY, -14),
        dueDate: addDays(TODAY, g.dueOffset),
        returnedOn: g.returned ? TODAY : null,
      })),
    )
    .returning({ id: loans.id, dueDate: loans.dueDate, returnedOn: loans.returnedOn });
}

/** Whether renewing (a loan that is not the patron's) is refused as a whole: R5 in renewal's transaction. */
async function renewalRefusedAsAWhole(): Promise<boolean> {
  try {
    await renewLoans(t.db, [-1], { patronId, today: TODAY, requestId: 'r5', channel: 'web' });
    return false;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'patron_has_overdue') return true;
    throw error;
  }
}

describe('R5 is decided one way: the SQL agrees with the domain', () => {
  it('on generated loans: the overdue rows, the loan page, the summary and the renewal all answer as isOverdue/patronBlock', async () => {
    await fc.assert(
      fc.asyncProperty(generatedLoans, async (generated) => {
        const rows = await withLoans(generated);
        const active = rows.filter((r) => r.returnedOn === null);
        const expectedBlock = patronBlock(
          active.map((r) => r.dueDate),
          TODAY,
        );

        const sqlOverdue = await t.db
          .select({ id: loans.id })
          .from(loans)
          .where(and(eq(loans.patronId, patronId), isNull(loans.returnedOn), loanIsOverdue(TODAY)));
        expect(sqlOverdue.map((r) => r.id).sort()).toEqual(
          active
            .filter((r) => isOverdue(r.dueDate, TODAY))
            .map((r) => r.id)
            .sort(),
        );

        const page = await loanPage(t.db, { patronId, today: TODAY, page: 1, pageSize: ITEMS });
        expect(page.blocked).toBe(expectedBlock);
        expect(page.items.map((i) => i.overdue)).toEqual(page.items.map((i) => isOverdue(i.dueDate, TODAY)));
        expect((await localCirculation(t.db).summary(patronId, TODAY)).blocked).toBe(expectedBlock);
        expect(await renewalRefusedAsAWhole()).toBe(expectedBlock !== null);
      }),
      { numRuns: 40 },
    );
  });

  it('renewing on the due date itself is allowed; the day after, it is refused', async () => {
    await withLoans([{ dueOffset: 0, returned: false }]);
    expect(await renewalRefusedAsAWhole()).toBe(false);
    await withLoans([{ dueOffset: -1, returned: false }]);
    expect(await renewalRefusedAsAWhole()).toBe(true);
  });
});
