import { DomainError } from '@library/domain';
import { type ItemInformation, type PatronInformation, Sip2UnavailableError } from '@library/sip2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { patrons } from '../../db/schema.ts';
import { createLogger } from '../../lib/logger.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { type Sip2Client, sip2Circulation } from './sip2-circulation.ts';

/**
 * dueLoans (the reminder scheduler's and the calendar feed's read) on CIRCULATION=sip2, in front
 * of a stand-in for the pool whose 63 answers take as long as each patron says: the patrons are
 * asked at once, never more than the pool's size of them, and the answer keeps its order.
 */

const RANGE = { from: '2026-12-01', to: '2026-12-31' };
const ts = (date: string) => `${date.replaceAll('-', '')}    000000`;

interface Patron {
  number: string;
  /** How long its 63 takes to answer. */
  ms: number;
  /** Its charged items in the ILS's order: [item id, due date]. */
  items: [string, string][];
  fails?: boolean;
}

function standIn(list: Patron[]) {
  const byNumber = new Map(list.map((p) => [p.number, p]));
  const due = new Map(list.flatMap((p) => p.items));
  const asked: string[] = [];
  let inFlight = 0;
  let most = 0;
  const client = {
    async patronInformation(number: string) {
      const patron = byNumber.get(number)!;
      asked.push(number);
      most = Math.max(most, ++inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, patron.ms));
        if (patron.fails) throw new Sip2UnavailableError('SIP2: connection refused');
        return { chargedItems: patron.items.map(([id]) => id) } as PatronInformation;
      } finally {
        inFlight--;
      }
    },
    async itemInformationMany(ids: string[]) {
      return ids.map(
        (id) => ({ itemIdentifier: id, title: `title ${id}`, dueDate: ts(due.get(id)!) }) as ItemInformation,
      );
    },
  } as unknown as Sip2Client;
  return { client, asked, stats: () => ({ inFlight, most }) };
}

let database: Database;
const logger = createLogger('silent');

/** The portal's rows of the patrons (ids ascending in the order given), and the adapter with a pool of 2. */
async function withPatrons(list: Patron[]) {
  const rows = await database.db
    .insert(patrons)
    .values(list.map((p) => ({ number: p.number, nameKana: 'テスト' })))
    .returning({ id: patrons.id, number: patrons.number });
  const ils = standIn(list);
  const circulation = sip2Circulation({
    db: database.db,
    pool: ils.client,
    passwords: 'ils',
    reasonPatterns: [],
    logger,
    poolSize: 2,
  });
  return { ids: new Map(rows.map((r) => [r.number, r.id])), ils, circulation };
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('dueLoans on CIRCULATION=sip2', () => {
  it('asks up to the pool size of patrons at once, and answers by patron, then due date', async () => {
    // The first patron is the slowest: answering in the order the ILS did would put it last.
    const list: Patron[] = [
      {
        number: '100000101',
        ms: 400,
        items: [
          ['a1', '2026-12-10'],
          ['a2', '2026-12-03'],
          ['a3', '2027-01-05'], // outside the range
          ['a4', '2026-12-10'],
        ],
      },
      { number: '100000102', ms: 100, items: [['b1', '2026-12-08']] },
      { number: '100000103', ms: 100, items: [] },
      {
        number: '100000104',
        ms: 100,
        items: [
          ['d1', '2026-12-20'],
          ['d2', '2026-12-02'],
        ],
      },
      { number: '100000105', ms: 50, items: [['e1', '2026-12-01']] },
    ];
    const { ids, ils, circulation } = await withPatrons(list);
    const started = performance.now();
    const due = await circulation.dueLoans([...ids.values()].reverse(), RANGE);
    const ms = performance.now() - started;

    expect(due.map((l) => [l.patronId, l.title, l.dueDate])).toEqual([
      [ids.get('100000101'), 'title a2', '2026-12-03'],
      [ids.get('100000101'), 'title a1', '2026-12-10'],
      [ids.get('100000101'), 'title a4', '2026-12-10'],
      [ids.get('100000102'), 'title b1', '2026-12-08'],
      [ids.get('100000104'), 'title d2', '2026-12-02'],
      [ids.get('100000104'), 'title d1', '2026-12-20'],
      [ids.get('100000105'), 'title e1', '2026-12-01'],
    ]);
    expect(new Set(due.map((l) => l.loanId)).size).toBe(due.length);
    // Two at once (the pool's size), never more: one after another would be 750 ms of 63s;
    // at two at once the slowest patron's 400 ms covers the four after it (~400 ms).
    expect(ils.stats().most).toBe(2);
    expect(ms).toBeLessThan(700);
  });

  it("fails as a whole when one patron's 63 fails (ils_unavailable), asking no patron after it", async () => {
    const list: Patron[] = [
      { number: '100000201', ms: 150, items: [['f1', '2026-12-05']] },
      { number: '100000202', ms: 10, items: [], fails: true },
      { number: '100000203', ms: 10, items: [['h1', '2026-12-05']] },
      { number: '100000204', ms: 10, items: [['i1', '2026-12-05']] },
    ];
    const { ids, ils, circulation } = await withPatrons(list);
    const error = await circulation.dueLoans([...ids.values()], RANGE).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ils_unavailable');
    // The first patron was already being asked; nobody after the failed one is, and the call
    // answers only when nothing it started is still running.
    expect(ils.asked).toEqual(['100000201', '100000202']);
    expect(ils.stats().inFlight).toBe(0);
  });
});
