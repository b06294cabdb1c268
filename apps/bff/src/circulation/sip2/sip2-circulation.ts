import {
  DomainError,
  isOverdue,
  loanPageKeys,
  maskPatronNumber,
  materialTypeLabels,
  type PatronBlock,
  type PlainDate,
  type RenewalReason,
} from '@library/domain';
import { birthDateFromDigits, normalizePatronName } from '@library/domain/registration';
import {
  type ItemInformation,
  type PatronInformation,
  type Sip2Pool,
  Sip2TimeoutError,
  Sip2UnavailableError,
  sip2CanCarry,
  sip2DatePart,
} from '@library/sip2';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { branches, ilsLoans, patrons } from '../../db/schema.ts';
import type { ReasonPattern } from '../../env.ts';
import type { Logger } from '../../lib/logger.ts';
import { audit } from '../../services/audit.ts';
import { verifyPassword } from '../../services/passwords.ts';
import type { RenewalResult } from '../../services/renewal.ts';
import type { LoanListItem, LoanPage } from '../../services/renewal-preview.ts';
import type { CirculationPort, DueLoan, PatronRow, PatronSummary } from '../circulation-port.ts';
import { materialTypeOfSip2 } from './media-type.ts';

/** What the adapter uses of the pool (tests and measurements may wrap it). */
export type Sip2Client = Pick<
  Sip2Pool,
  'patronInformation' | 'itemInformation' | 'itemInformationMany' | 'renew' | 'scStatus' | 'close'
>;

export interface Sip2CirculationOptions {
  db: Db;
  pool: Sip2Client;
  /** ils: the PIN the ILS knows (63 CQ); portal: the portal's own passwords. */
  passwords: 'ils' | 'portal';
  reasonPatterns: ReasonPattern[];
  logger: Logger;
  /** The pool's number of connections (SIP2_POOL): how many patrons dueLoans asks at once. 1 if not given. */
  poolSize?: number;
}

type DueRange = { from: PlainDate; to: PlainDate };

/** A loan as the ILS tells it: 64 lists the item, 17/18 describes it. */
interface IlsLoan {
  itemIdentifier: string;
  title: string;
  dueDate: PlainDate;
  item: ItemInformation;
}

/** SIP2 has no 貸出館 of a loan; an item's permanent location (AQ) that names a branch of ours stands in. */
const NO_BRANCH = { code: '', name: '—' };

/**
 * CIRCULATION=sip2: the library's ILS is the source of truth for the patron, the loans, the
 * holds, the due dates and the renewal decision (docs/product.md §9, ADR 0010). The portal keeps a row per
 * ILS patron it has seen (sessions, lockout, audit, settings) and an integer handle per loan
 * (`ils_loans`), so the API and the SPA stay as they are.
 */
export function sip2Circulation(options: Sip2CirculationOptions): CirculationPort {
  const { db, pool, logger } = options;
  const poolSize = Math.max(1, options.poolSize ?? 1);

  /** Any failure to get an answer is the ILS being unreachable: 503 with docs/product.md §9's message. */
  async function ils<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof Sip2UnavailableError) {
        logger.warn(
          { event: 'sip2.unavailable', what, error: error.name, reason: error.message },
          'ILS unavailable',
        );
        throw new DomainError('ils_unavailable');
      }
      throw error;
    }
  }

  async function patronNumberOf(patronId: number): Promise<string> {
    const [row] = await db.select({ number: patrons.number }).from(patrons).where(eq(patrons.id, patronId));
    if (!row) throw new DomainError('unauthenticated');
    return row.number;
  }

  /**
   * The portal's row of an ILS patron, created the first time we see them and refreshed from
   * 64 after: name (AE), phone (BF), birth date (PB, when the ILS sends it). The email is the
   * ILS's (BE) only at first: after that it is the patron's own setting in the portal.
   */
  async function upsertPatron(patronNumber: string, info: PatronInformation): Promise<PatronRow> {
    const phone = info.phone?.replace(/\D/g, '') || null;
    const birthDate = info.birthDate ? (birthDateFromDigits(info.birthDate) ?? null) : null;
    const nameKana = info.personalName.trim();
    const [row] = await db
      .insert(patrons)
      .values({ number: patronNumber, nameKana, phone, birthDate, email: info.email?.trim() || null })
      .onConflictDoUpdate({ target: patrons.number, set: { nameKana, phone, birthDate } })
      .returning();
    return row!;
  }

  function blockOf(info: PatronInformation): { blocked: PatronBlock; blockMessage?: string } {
    const blocked: PatronBlock =
      info.overdueItemsCount > 0 || info.overdueItems.length > 0
        ? 'patron_has_overdue'
        : info.status.renewalPrivilegesDenied
          ? 'renewal_denied'
          : null;
    const message = info.screenMessages
      .map((m) => m.trim())
      .filter(Boolean)
      .join(' ');
    return blocked && message ? { blocked, blockMessage: message } : { blocked };
  }

  function toLoan(item: ItemInformation): IlsLoan {
    // A charged item without a due date is an answer we cannot show honestly.
    if (!item.dueDate) {
      logger.warn({ event: 'sip2.item_without_due_date', item: item.itemIdentifier }, 'ILS item without AH');
      throw new DomainError('ils_unavailable');
    }
    return {
      itemIdentifier: item.itemIdentifier,
      title: item.title,
      dueDate: sip2DatePart(item.dueDate),
      item,
    };
  }

  async function chargedLoans(itemIds: string[]): Promise<IlsLoan[]> {
    if (itemIds.length === 0) return [];
    const items = await ils('17 item information', () => pool.itemInformationMany(itemIds));
    return items.map(toLoan);
  }

  /** Our integer handle of each of the patron's ILS loans, created on first sight; one statement. */
  async function handlesOf(patronId: number, itemIds: string[]): Promise<Map<string, number>> {
    if (itemIds.length === 0) return new Map();
    const rows = await db
      .insert(ilsLoans)
      .values(itemIds.map((itemIdentifier) => ({ patronId, itemIdentifier })))
      .onConflictDoUpdate({
        target: [ilsLoans.patronId, ilsLoans.itemIdentifier],
        set: { itemIdentifier: sql`excluded.item_identifier` },
      })
      .returning({ id: ilsLoans.id, itemIdentifier: ilsLoans.itemIdentifier });
    return new Map(rows.map((r) => [r.itemIdentifier, r.id]));
  }

  function reasonOf(messages: string[]): { reason: RenewalReason; message?: string } {
    const text = messages
      .map((m) => m.trim())
      .filter(Boolean)
      .join(' ');
    for (const { reason, pattern } of options.reasonPatterns) {
      if (text && pattern.test(text)) return { reason };
    }
    return text ? { reason: 'ils_refused', message: text } : { reason: 'ils_refused' };
  }

  const isOverdueLoan = (loan: IlsLoan, info: PatronInformation, today: PlainDate) =>
    info.overdueItems.includes(loan.itemIdentifier) || isOverdue(loan.dueDate, today);

  async function patronAndLoans(patronId: number, today: PlainDate) {
    const number = await patronNumberOf(patronId);
    const info = await ils('63 patron information', () =>
      pool.patronInformation(number, { summary: 'charged' }),
    );
    const loans = await chargedLoans(info.chargedItems);
    const block = blockOf(info);
    if (!block.blocked && loans.some((l) => isOverdueLoan(l, info, today)))
      block.blocked = 'patron_has_overdue';
    return { number, info, loans, block };
  }

  /** 63 (the charged items) and a 17 per item: the patron's loans due between from and to, in the ILS's order. */
  async function loansDueIn(number: string, range: DueRange): Promise<IlsLoan[]> {
    const info = await ils('63 patron information', () =>
      pool.patronInformation(number, { summary: 'charged' }),
    );
    return (await chargedLoans(info.chargedItems)).filter(
      (loan) => loan.dueDate >= range.from && loan.dueDate <= range.to,
    );
  }

  /** One patron's part of dueLoans: by due date, the ILS's order within a date; with our handles. */
  async function dueLoansOf(patronId: number, number: string, range: DueRange): Promise<DueLoan[]> {
    const loans = await loansDueIn(number, range);
    const handles = await handlesOf(
      patronId,
      loans.map((l) => l.itemIdentifier),
    );
    return loans
      .map((loan, index) => ({ loan, index }))
      .sort((a, b) => a.loan.dueDate.localeCompare(b.loan.dueDate) || a.index - b.index)
      .map(({ loan }) => ({
        patronId,
        loanId: handles.get(loan.itemIdentifier)!,
        title: loan.title,
        dueDate: loan.dueDate,
        // SIP2 2.00 does not carry a renewal count.
        renewalCount: 0,
      }));
  }

  /** One item renewed by the ILS, or why not — never a renewal the ILS did not confirm. */
  async function renewItem(number: string, loanId: number, before: IlsLoan): Promise<RenewalResult> {
    const { title } = before;
    const renewed = (newDueDate: PlainDate, how: string): RenewalResult => {
      logger.info(
        {
          event: 'sip2.renewed',
          patron: maskPatronNumber(number),
          loanId,
          how,
          previousDueDate: before.dueDate,
          newDueDate,
        },
        'renewed by the ILS',
      );
      return { loanId, title, ok: true, previousDueDate: before.dueDate, newDueDate };
    };
    /** Read the item again (17): has its due date moved? Unknown → nothing is reported renewed. */
    const reread = async (why: string): Promise<RenewalResult> => {
      try {
        const after = toLoan(await pool.itemInformation(before.itemIdentifier));
        if (after.dueDate !== before.dueDate) return renewed(after.dueDate, `${why}, re-read`);
        logger.warn({ event: 'sip2.renew_not_confirmed', loanId, why }, 'renewal not confirmed by the ILS');
      } catch (error) {
        logger.warn(
          { event: 'sip2.renew_unknown', loanId, why, error: (error as Error).name },
          'renewal outcome unknown: the item could not be read again',
        );
      }
      return { loanId, title, ok: false, reason: 'ils_unavailable' };
    };

    let answer: Awaited<ReturnType<Sip2Client['renew']>>;
    try {
      answer = await pool.renew(number, before.itemIdentifier);
    } catch (error) {
      // The request may have gone out and been done: never resent, the item tells (17).
      if (error instanceof Sip2UnavailableError)
        return reread(error instanceof Sip2TimeoutError ? 'timeout' : 'no answer');
      throw error;
    }
    if (answer.ok && answer.renewalOk) {
      return answer.dueDate ? renewed(sip2DatePart(answer.dueDate), 'answer') : reread('answer without AH');
    }
    const { reason, message } = reasonOf(answer.screenMessages);
    logger.info(
      { event: 'sip2.renew_refused', patron: maskPatronNumber(number), loanId, reason },
      'ILS refused a renewal',
    );
    return { loanId, title, ok: false, reason, ...(message ? { message } : {}) };
  }

  return {
    backend: 'sip2',
    portalPasswords: options.passwords === 'portal',

    async checkLogin({ patronNumber, password, patron }) {
      if (options.passwords === 'portal') {
        const ok = await verifyPassword(patron?.passwordHash, password);
        return { ok: ok && patron !== undefined, patronId: patron?.id };
      }
      // A PIN SIP2 cannot carry ('|', control characters) cannot be anyone's: a wrong PIN.
      if (!sip2CanCarry(password)) return { ok: false, patronId: patron?.id };
      // 63 with the PIN: BL says whether the ILS knows the patron, CQ whether the PIN is right.
      // An unknown patron answers exactly as a wrong PIN does (the ILS's round trip for both).
      const info = await ils('63 login', () =>
        pool.patronInformation(patronNumber, { patronPassword: password, summary: 'none' }),
      );
      if (info.validPatron === false) return { ok: false, patronId: patron?.id };
      const row = await upsertPatron(patronNumber, info);
      return { ok: info.validPatronPassword === true, patronId: row.id };
    },

    async identityRecord(patronNumber, patron) {
      const info = await ils('63 identity', () => pool.patronInformation(patronNumber, { summary: 'none' }));
      if (info.validPatron === false) return patron?.passwordHash ? patron : undefined;
      const row = await upsertPatron(patronNumber, info);
      // ILSs write names with spaces (ヤナガワ タロウ): compared as I2 normalises what the patron types.
      return { ...row, nameKana: normalizePatronName(row.nameKana) };
    },

    async summary(patronId, today): Promise<PatronSummary> {
      const { info, loans, block } = await patronAndLoans(patronId, today);
      return {
        ...block,
        loans: loans.map((loan, index) => ({
          no: index + 1,
          title: loan.title,
          dueDate: loan.dueDate,
          overdue: isOverdueLoan(loan, info, today),
        })),
      };
    },

    async loanPage(patronId, { today, page, pageSize }): Promise<LoanPage> {
      const number = await patronNumberOf(patronId);
      const info = await ils('63 patron information', () =>
        pool.patronInformation(number, { summary: 'charged' }),
      );
      const total = info.chargedItems.length;
      const totalPages = Math.max(1, Math.ceil(total / pageSize));
      if (page > totalPages) {
        throw new DomainError('validation_failed', {
          fields: { page: { key: loanPageKeys.pageOutOfRange, params: { last: totalPages } } },
        });
      }
      const offset = (page - 1) * pageSize;
      const pageIds = info.chargedItems.slice(offset, offset + pageSize);
      const [loans, handles, branchRows] = await Promise.all([
        chargedLoans(pageIds),
        handlesOf(patronId, pageIds),
        db.select({ code: branches.code, name: branches.name }).from(branches),
      ]);
      const block = blockOf(info);
      if (!block.blocked && loans.some((l) => isOverdueLoan(l, info, today)))
        block.blocked = 'patron_has_overdue';
      const branchByCode = new Map(branchRows.map((b) => [b.code, b]));
      const items = loans.map((loan, index): LoanListItem => {
        const materialType = materialTypeOfSip2(loan.item.mediaType);
        const location = loan.item.permanentLocation?.trim();
        return {
          id: handles.get(loan.itemIdentifier)!,
          no: offset + index + 1,
          loanedOn: null,
          dueDate: loan.dueDate,
          branch:
            (location && branchByCode.get(location)) ||
            (location ? { code: location, name: location } : NO_BRANCH),
          title: loan.title,
          materialType,
          category: materialTypeLabels[materialType],
          overdue: isOverdueLoan(loan, info, today),
          // A preview only: the ILS decides at renewal time. Its hold queue (CF) shows 予約あり now.
          renewal: block.blocked
            ? { eligible: false, reason: block.blocked }
            : (loan.item.hqueueCount ?? 0) > 0
              ? { eligible: false, reason: 'reserved' }
              : { eligible: true },
        };
      });
      return { page, pageSize, totalPages, total, ...block, items };
    },

    async renew(loanIds, ctx) {
      const { patronId } = ctx;
      const [number, handles] = await Promise.all([
        patronNumberOf(patronId),
        db
          .select({ id: ilsLoans.id, itemIdentifier: ilsLoans.itemIdentifier })
          .from(ilsLoans)
          .where(and(eq(ilsLoans.patronId, patronId), inArray(ilsLoans.id, loanIds))),
      ]);
      const itemOf = new Map(handles.map((h) => [h.id, h.itemIdentifier]));
      const info = await ils('63 patron information', () =>
        pool.patronInformation(number, { summary: 'charged' }),
      );
      const block = blockOf(info);
      if (block.blocked) throw new DomainError(block.blocked);
      const charged = new Set(info.chargedItems);
      // Each item as it stands now (17): its title, and the due date a renewal must move.
      const wanted = loanIds.map((loanId) => {
        const itemId = itemOf.get(loanId);
        return itemId !== undefined && charged.has(itemId) ? itemId : undefined;
      });
      const current = await Promise.all(
        wanted.map((itemId) =>
          itemId === undefined
            ? undefined
            : pool.itemInformation(itemId).then(toLoan, (error: unknown) => {
                if (error instanceof Sip2UnavailableError || error instanceof DomainError) return null;
                throw error;
              }),
        ),
      );
      if (current.some((loan) => loan && isOverdueLoan(loan, info, ctx.today))) {
        throw new DomainError('patron_has_overdue');
      }
      // R8: each item on its own, over the pool's connections in parallel; results in the order asked.
      const results = await Promise.all(
        loanIds.map(async (loanId, index): Promise<RenewalResult> => {
          const before = current[index];
          if (before === undefined) return { loanId, ok: false, reason: 'not_found' };
          if (before === null) return { loanId, ok: false, reason: 'ils_unavailable' };
          return renewItem(number, loanId, before);
        }),
      );
      await Promise.all(
        results
          .filter((r) => r.ok)
          .map((r) =>
            audit(db, 'renewal', {
              patronId,
              requestId: ctx.requestId,
              detail: {
                backend: 'sip2',
                loanId: r.loanId,
                previousDueDate: r.ok ? r.previousDueDate : undefined,
                newDueDate: r.ok ? r.newDueDate : undefined,
              },
            }),
          ),
      );
      return results;
    },

    async dueCounts(patronId, range) {
      const counts = new Map<PlainDate, number>();
      for (const loan of await loansDueIn(await patronNumberOf(patronId), range)) {
        counts.set(loan.dueDate, (counts.get(loan.dueDate) ?? 0) + 1);
      }
      return counts;
    },

    async dueLoans(patronIds, range) {
      if (patronIds.length === 0) return [];
      // The portal's rows of the ILS patrons it has seen, by id: the order of the answer.
      const rows = await db
        .select({ id: patrons.id, number: patrons.number })
        .from(patrons)
        .where(inArray(patrons.id, [...patronIds]))
        .orderBy(patrons.id);
      // Up to `poolSize` patrons at once, each worker taking the next: more would only queue for
      // a connection (each patron's 17s already spread over the pool) and could wait past
      // timeoutMs. After a failure no further patron is asked; the in-flight ones are awaited, and
      // the first failing patron's error fails the whole call, as when they were asked in turn.
      const perPatron = new Array<DueLoan[]>(rows.length);
      const failures = new Map<number, unknown>();
      let next = 0;
      const worker = async () => {
        while (failures.size === 0 && next < rows.length) {
          const i = next++;
          try {
            perPatron[i] = await dueLoansOf(rows[i]!.id, rows[i]!.number, range);
          } catch (error) {
            failures.set(i, error);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(poolSize, rows.length) }, worker));
      if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
      return perPatron.flat();
    },

    async health() {
      // A real round trip (99 → 98): a pool that has been idle since the ILS went away would
      // otherwise still say ok. It also lets the pool reconnect when the ILS is back.
      try {
        await pool.scStatus();
        return 'ok';
      } catch {
        return 'unavailable';
      }
    },

    close: () => pool.close(),
  };
}
