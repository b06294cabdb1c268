import type { ConnectionOptions } from 'node:tls';
import type { Sip2Encoding } from './encoding.ts';

export interface Sip2Config {
  host: string;
  port: number;
  user: string; // 93 CN
  password: string; // 93 CO
  institution: string; // AO
  location?: string; // CP
  tls: boolean; // node:tls when true
  /** Extra node:tls options (ca, servername, rejectUnauthorized…) when `tls` is on. */
  tlsOptions?: ConnectionOptions;
  encoding: Sip2Encoding;
  errorDetection: boolean; // AY sequence + AZ checksum on requests, verified on answers
  timeoutMs: number; // per request
  poolSize: number; // logged-in connections kept
  /** Items asked for per 63 when a list is fetched in BP/BQ ranges (default 50). */
  pageSize?: number;
}

export interface PatronStatusFlags {
  chargePrivilegesDenied: boolean; // 0
  renewalPrivilegesDenied: boolean; // 1  ("position 2" in 1-based prose)
  recallPrivilegesDenied: boolean; // 2
  holdPrivilegesDenied: boolean; // 3
  cardReportedLost: boolean; // 4
  tooManyItemsCharged: boolean; // 5
  tooManyItemsOverdue: boolean; // 6
  tooManyRenewals: boolean; // 7
  tooManyClaimsOfItemsReturned: boolean; // 8
  tooManyItemsLost: boolean; // 9
  excessiveOutstandingFines: boolean; // 10
  excessiveOutstandingFees: boolean; // 11
  recallOverdue: boolean; // 12
  tooManyItemsBilled: boolean; // 13
}

/** The flags in the order of the 14-character patron status. */
export const PATRON_STATUS_ORDER = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const satisfies ReadonlyArray<keyof PatronStatusFlags>;

/** 64: everything 24 (PatronStatus) gives, and the counts, contact details and item lists. */
export interface PatronInformation extends PatronStatus {
  holdItemsCount: number;
  overdueItemsCount: number;
  chargedItemsCount: number;
  fineItemsCount: number;
  recallItemsCount: number;
  unavailableHoldsCount: number;
  email?: string; // BE
  phone?: string; // BF
  homeAddress?: string; // BD
  birthDate?: string; // PB (extension; YYYYMMDD) when the ILS sends it
  chargedItems: string[]; // AU
  overdueItems: string[]; // AT
  holdItems: string[]; // AS
  printLines: string[]; // AG
}

export interface ItemInformation {
  circulationStatus: string; // 2 chars, e.g. '04' charged
  hqueueCount?: number; // CF
  transactionDate: string;
  itemIdentifier: string; // AB
  title: string; // AJ
  dueDate?: string; // AH raw
  mediaType?: string; // CK
  permanentLocation?: string; // AQ
  currentLocation?: string; // AP
  screenMessages: string[]; // AF
  fields: Record<string, string[]>;
}

export interface RenewResult {
  ok: boolean;
  renewalOk: boolean;
  magneticMedia?: boolean;
  desensitize?: boolean;
  transactionDate: string;
  itemIdentifier: string; // AB
  title?: string; // AJ
  dueDate?: string; // AH raw
  screenMessages: string[]; // AF
  fields: Record<string, string[]>;
}

export interface AcsStatus {
  onlineStatus: boolean;
  checkinOk: boolean;
  checkoutOk: boolean;
  acsRenewalPolicy: boolean;
  supportedMessages: string; // BX
  institutionId: string;
  fields: Record<string, string[]>;
}

export interface PatronStatus {
  status: PatronStatusFlags;
  language: string;
  transactionDate: string; // raw 18-char SIP2 timestamp
  institutionId: string; // AO
  patronIdentifier: string; // AA
  personalName: string; // AE
  validPatron?: boolean; // BL
  validPatronPassword?: boolean; // CQ
  screenMessages: string[]; // AF
  fields: Record<string, string[]>;
}

export interface Sip2Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug?(obj: object, msg?: string): void;
}

/** Counted per request the pool's callers make (and their retries); logins and their 99 are not. */
export interface Sip2Stats {
  requests: number;
  answers: number;
  retries: number;
  reconnects: number;
}
