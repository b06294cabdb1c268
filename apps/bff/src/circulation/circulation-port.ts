import type { PlainDate } from '@library/domain';
import type { PatronSummary } from '@library/domain/api';
import type { patrons } from '../db/schema.ts';
import type { RenewalRequestContext, RenewalResult } from '../services/renewal.ts';
import type { LoanPage } from '../services/renewal-preview.ts';

export type CirculationBackend = 'local' | 'sip2';

/** The portal's own row of a patron: sessions, lockout, audit and settings hang on it. */
export type PatronRow = typeof patrons.$inferSelect;

/** 利用者ポータル's 貸出状況 and the block banner (GET /api/me, the domain's schema). */
export type { PatronSummary };

/** A loan due in a date range, for 返却期限日のお知らせ and the calendar feed. */
export interface DueLoan {
  patronId: number;
  /** The loan's id in the API (CIRCULATION=sip2: the portal's handle of the ILS loan). */
  loanId: number;
  title: string;
  dueDate: PlainDate;
  /** How often it was renewed (0 where the circulation system does not say: SIP2). */
  renewalCount: number;
}

export interface LoginCheck {
  ok: boolean;
  /** The portal's row of the patron the number belongs to (lockout counts on it), if any. */
  patronId?: number;
}

/**
 * Where loans, holds, due dates and the renewal decision come from (ADR 0010). Routes and the
 * SPA speak only to this; what stays the portal's own in every mode — sessions, lockout, rate
 * limits, idempotency keys, audit, calendar, mail — is not here.
 */
export interface CirculationPort {
  readonly backend: CirculationBackend;
  /** The portal keeps its own passwords (新規パスワード登録 exists); false: patrons use the ILS PIN. */
  readonly portalPasswords: boolean;
  /**
   * Checks a login. `patron` is the portal's row for the number, if it has one; the answer names
   * the row that failures count against (an ILS patron seen for the first time gets one).
   */
  checkLogin(input: {
    patronNumber: string;
    password: string;
    patron: PatronRow | undefined;
  }): Promise<LoginCheck>;
  /**
   * The record 新規パスワード登録 step 1 proves identity against: the portal's row, refreshed from
   * the circulation system first when that system owns the patron; undefined for an unknown number.
   */
  identityRecord(patronNumber: string, patron: PatronRow | undefined): Promise<PatronRow | undefined>;
  summary(patronId: number, today: PlainDate): Promise<PatronSummary>;
  /** 貸出一覧: one page with each loan's renewal preview. */
  loanPage(patronId: number, input: { today: PlainDate; page: number; pageSize: number }): Promise<LoanPage>;
  /** Renews each loan on its own (R8); a blocked patron is refused as a whole (403). */
  renew(loanIds: number[], ctx: RenewalRequestContext): Promise<RenewalResult[]>;
  /** The patron's loans due on each date between `from` and `to` (the calendar's 返却期限日). */
  dueCounts(patronId: number, range: { from: PlainDate; to: PlainDate }): Promise<Map<PlainDate, number>>;
  /**
   * The patrons' items on loan due between `from` and `to` inclusive, ordered by patron then due
   * date: the only place notifications and the calendar feed read loans. Asked per batch of
   * patrons (the portal's rows), so a back end that answers per patron (SIP2 63/64) stands behind it.
   */
  dueLoans(patronIds: readonly number[], range: { from: PlainDate; to: PlainDate }): Promise<DueLoan[]>;
  /** For GET /api/health: can the circulation system answer now? */
  health(): Promise<'ok' | 'unavailable'>;
  close(): Promise<void>;
}
