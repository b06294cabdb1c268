import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateClosedDays } from '../calendar/closing-rules.ts';
import { addDays, isPlainDate, type PlainDate } from '../dates/plain-date.ts';
import { MATERIAL_TYPES } from '../loans/material.ts';
import { patronBlock } from './patron-block.ts';
import { defaultRenewalPolicy } from './renewal-policy.ts';
import { RENEWAL_REFUSAL_REASONS } from './renewal-reasons.ts';
import {
  availableFrom,
  evaluateRenewal,
  type IsClosed,
  newDueDate,
  type RenewableLoan,
  renewalRefusal,
} from './renewal-rules.ts';

const openEveryDay: IsClosed = () => false;
const closedOn =
  (...dates: PlainDate[]): IsClosed =>
  (date) =>
    dates.includes(date);

/** 三橋図書館's real rules (Tuesdays, last Thursdays, 12/29–1/3) with a couple of holidays. */
const holidays: Record<string, string> = { '2021-01-01': '元日', '2021-01-11': '成人の日' };
const mitsuhashiClosed = new Set(
  generateClosedDays({ weeklyClosingDay: 2 }, '2019-01-01', '2026-12-31', (d) => holidays[d]).map(
    (d) => d.date,
  ),
);
const isMitsuhashiClosed: IsClosed = (date) => mitsuhashiClosed.has(date);

const book = (over: Partial<RenewableLoan> = {}): RenewableLoan => ({
  materialType: 'book',
  dueDate: '2021-01-25',
  renewalCount: 0,
  interlibrary: false,
  reservedByOthers: false,
  ...over,
});

describe('newDueDate (R1, R2)', () => {
  it("gives the guide's 2021/02/03 for a book renewed on 2021-01-20 at 三橋図書館", () => {
    expect(newDueDate('2021-01-20', 'book', isMitsuhashiClosed)).toBe('2021-02-03');
  });

  it('counts the renewal day as day 1: 15 days for books, 8 for magazines and AV', () => {
    expect(newDueDate('2021-01-11', 'book', openEveryDay)).toBe('2021-01-25');
    expect(newDueDate('2021-01-20', 'magazine', openEveryDay)).toBe('2021-01-27');
    expect(newDueDate('2021-01-20', 'av', openEveryDay)).toBe('2021-01-27');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(newDueDate('2024-02-15', 'book', openEveryDay)).toBe('2024-02-29');
    expect(newDueDate('2023-02-15', 'book', openEveryDay)).toBe('2023-03-01');
    expect(newDueDate('2024-02-22', 'av', openEveryDay)).toBe('2024-02-29');
    expect(newDueDate('2020-12-25', 'magazine', openEveryDay)).toBe('2021-01-01');
    expect(newDueDate('2021-01-31', 'book', openEveryDay)).toBe('2021-02-14');
  });

  it('moves a due date on a closed day to the next open day, across the year end', () => {
    // A book renewed on 2020-12-20 would be due 2021-01-03, still in the 12/29–1/3 closing.
    expect(newDueDate('2020-12-20', 'book', isMitsuhashiClosed)).toBe('2021-01-04');
    expect(newDueDate('2020-12-20', 'book', closedOn('2021-01-03', '2021-01-04'))).toBe('2021-01-05');
  });

  it('leaves the date alone when the policy turns R2 off', () => {
    const policy = { ...defaultRenewalPolicy, moveOffClosedDays: false };
    expect(newDueDate('2020-12-20', 'book', isMitsuhashiClosed, policy)).toBe('2021-01-03');
  });
});

describe('renewalRefusal (R3, R4)', () => {
  const context = { today: '2021-01-20', isClosed: isMitsuhashiClosed };

  it("lets the guide's マンガ日本の歴史 be renewed", () => {
    expect(renewalRefusal(book(), context)).toBeNull();
    expect(evaluateRenewal(book(), context)).toEqual({ eligible: true, newDueDate: '2021-02-03' });
  });

  it("reports the first reason in R4's order (docs/product.md §3)", () => {
    const all = book({ interlibrary: true, renewalCount: 1, reservedByOthers: true, dueDate: '2021-03-01' });
    expect(renewalRefusal(all, context)).toBe('interlibrary_loan');
    expect(renewalRefusal({ ...all, interlibrary: false }, context)).toBe('already_renewed');
    expect(renewalRefusal({ ...all, interlibrary: false, renewalCount: 0 }, context)).toBe('reserved');
    expect(
      renewalRefusal({ ...all, interlibrary: false, renewalCount: 0, reservedByOthers: false }, context),
    ).toBe('not_extended');
  });

  it('allows maxRenewals renewals', () => {
    const policy = { ...defaultRenewalPolicy, maxRenewals: 2 };
    expect(renewalRefusal(book({ renewalCount: 1 }), { ...context, policy })).toBeNull();
    expect(renewalRefusal(book({ renewalCount: 2 }), { ...context, policy })).toBe('already_renewed');
  });

  it('refuses a renewal that would not move the due date later, and says from when it helps', () => {
    // Loaned today (2021-01-20) at 本館, due 2021-02-03: renewing today gives the same date.
    const loan = book({ dueDate: '2021-02-03' });
    const evaluation = evaluateRenewal(loan, { today: '2021-01-20', isClosed: openEveryDay });
    expect(evaluation).toEqual({ eligible: false, reason: 'not_extended', availableFrom: '2021-01-21' });
  });

  it('takes closed days into account for availableFrom', () => {
    // Open every day, renewing helps from 1/23 (→ 2/6). With 2/4 and 2/5 closed, renewing on
    // 1/21 (→ 2/4 → moved to 2/6) already helps.
    const loan = book({ dueDate: '2021-02-05' });
    expect(availableFrom(loan, { today: '2021-01-20', isClosed: openEveryDay })).toBe('2021-01-23');
    expect(availableFrom(loan, { today: '2021-01-20', isClosed: closedOn('2021-02-04', '2021-02-05') })).toBe(
      '2021-01-21',
    );
  });
});

// Arbitraries: dates 2000–2099, loans whose due date is around "today".
const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const closedSetArb = fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 20 });
type LoanShape = Omit<RenewableLoan, 'dueDate'> & { dueOffset: number };
const loanArb: fc.Arbitrary<LoanShape> = fc.record({
  materialType: fc.constantFrom(...MATERIAL_TYPES),
  dueOffset: fc.integer({ min: -5, max: 30 }),
  renewalCount: fc.integer({ min: 0, max: 3 }),
  interlibrary: fc.boolean(),
  reservedByOthers: fc.boolean(),
});

function setup(today: PlainDate, closedOffsets: number[], loan: LoanShape) {
  const closed = new Set(closedOffsets.map((n) => addDays(today, n)));
  const isClosed: IsClosed = (d) => closed.has(d);
  const renewable: RenewableLoan = {
    materialType: loan.materialType,
    dueDate: addDays(today, loan.dueOffset),
    renewalCount: loan.renewalCount,
    interlibrary: loan.interlibrary,
    reservedByOthers: loan.reservedByOthers,
  };
  return { isClosed, renewable, context: { today, isClosed } };
}

describe('properties', () => {
  it('an eligible renewal moves the due date later and never onto a closed day', () => {
    fc.assert(
      fc.property(dateArb, closedSetArb, loanArb, (today, closedOffsets, loan) => {
        const { isClosed, renewable, context } = setup(today, closedOffsets, loan);
        const evaluation = evaluateRenewal(renewable, context);
        if (!evaluation.eligible) return;
        expect(isPlainDate(evaluation.newDueDate)).toBe(true);
        expect(evaluation.newDueDate > renewable.dueDate).toBe(true);
        expect(
          evaluation.newDueDate >= addDays(today, defaultRenewalPolicy.periodDays[loan.materialType] - 1),
        ).toBe(true);
        expect(isClosed(evaluation.newDueDate)).toBe(false);
      }),
    );
  });

  it("reports the first applicable reason in R4's order (docs/product.md §3)", () => {
    fc.assert(
      fc.property(dateArb, closedSetArb, loanArb, (today, closedOffsets, loan) => {
        const { renewable, context } = setup(today, closedOffsets, loan);
        const applies = {
          interlibrary_loan: renewable.interlibrary,
          already_renewed: renewable.renewalCount >= 1,
          reserved: renewable.reservedByOthers,
          not_extended: newDueDate(today, renewable.materialType, context.isClosed) <= renewable.dueDate,
        };
        const expected = RENEWAL_REFUSAL_REASONS.find((reason) => applies[reason]) ?? null;
        expect(renewalRefusal(renewable, context)).toBe(expected);
      }),
    );
  });

  it('availableFrom is the first later day on which renewing extends the loan', () => {
    fc.assert(
      fc.property(dateArb, closedSetArb, loanArb, (today, closedOffsets, loan) => {
        const { renewable, context } = setup(today, closedOffsets, loan);
        const plain = { ...renewable, interlibrary: false, renewalCount: 0, reservedByOthers: false };
        const evaluation = evaluateRenewal(plain, context);
        if (evaluation.eligible || evaluation.reason !== 'not_extended') return;
        const from = evaluation.availableFrom!;
        expect(from > today).toBe(true);
        expect(newDueDate(from, plain.materialType, context.isClosed) > plain.dueDate).toBe(true);
        const dayBefore = addDays(from, -1);
        if (dayBefore > today) {
          expect(newDueDate(dayBefore, plain.materialType, context.isClosed) <= plain.dueDate).toBe(true);
        }
        // And renewing on that day is indeed allowed (no other reason applies).
        expect(evaluateRenewal(plain, { ...context, today: from }).eligible).toBe(true);
      }),
    );
  });

  it("the patron's block wins over every item reason", () => {
    fc.assert(
      fc.property(
        dateArb,
        closedSetArb,
        loanArb,
        fc.integer({ min: 1, max: 30 }),
        (today, closed, loan, late) => {
          const { renewable, context } = setup(today, closed, loan);
          const block = patronBlock([renewable.dueDate, addDays(today, -late)], today);
          expect(block).toBe('patron_has_overdue');
          expect(evaluateRenewal(renewable, { ...context, patronBlock: block })).toEqual({
            eligible: false,
            reason: 'patron_has_overdue',
          });
        },
      ),
    );
  });

  it('renewing on the due date itself is not blocked (R5)', () => {
    fc.assert(
      fc.property(dateArb, (today) => {
        expect(patronBlock([today, addDays(today, 3)], today)).toBeNull();
        expect(patronBlock([addDays(today, -1)], today)).toBe('patron_has_overdue');
      }),
    );
  });
});
