import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A moment: `timestamptz`, read as a `Date`. */
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A calendar day (the library's business dates): `date`, read as 'YYYY-MM-DD' like PlainDate. */
const day = (name: string) => date(name, { mode: 'string' });

const createdAt = () => instant('created_at').notNull().defaultNow();

/** The patron a row belongs to (`patron_id`, never null); a function, as each table needs its own column. */
const patronRef = () =>
  integer('patron_id')
    .notNull()
    .references(() => patrons.id);

/** 本館 and 分館. */
export const branches = pgTable('branches', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  /** 0 = Sunday … 6 = Saturday; moved to the next non-holiday weekday when it is a holiday. */
  weeklyClosingDay: smallint('weekly_closing_day').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
});

export const patrons = pgTable(
  'patrons',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull().unique(),
    nameKana: text('name_kana').notNull(),
    /** Null for an ILS patron whose ILS does not tell (CIRCULATION=sip2 keeps what 64 answers). */
    birthDate: day('birth_date'),
    /** Digits only, e.g. 0944730001; null when the ILS does not tell. */
    phone: text('phone'),
    email: text('email'),
    passwordHash: text('password_hash'),
    passwordChangedAt: instant('password_changed_at'),
    /** The patron's language for mail and screens (docs/product.md §12); null → 'ja'. */
    language: text('language', { enum: ['ja', 'en'] }),
    createdAt: createdAt(),
  },
  (t) => [check('patrons_number_format', sql`${t.number} ~ '^(100|200|300)[0-9]{6}$'`)],
);

/** 書誌: a bibliographic record; reservations are placed on titles. */
export const titles = pgTable('titles', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  author: text('author'),
});

/** 資料: one physical copy. */
export const items = pgTable(
  'items',
  {
    id: serial('id').primaryKey(),
    titleId: integer('title_id')
      .notNull()
      .references(() => titles.id),
    barcode: text('barcode').notNull().unique(),
    materialType: text('material_type', { enum: ['book', 'magazine', 'av'] }).notNull(),
    /** 種別 shown to patrons: 一般, 児童, … */
    category: text('category').notNull(),
    /** Set when the copy was borrowed from another library system (他館資料). */
    illSource: text('ill_source'),
  },
  (t) => [check('items_material_type', sql`${t.materialType} in ('book', 'magazine', 'av')`)],
);

export const loans = pgTable(
  'loans',
  {
    id: serial('id').primaryKey(),
    patronId: patronRef(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    branchCode: text('branch_code')
      .notNull()
      .references(() => branches.code),
    loanedOn: day('loaned_on').notNull(),
    dueDate: day('due_date').notNull(),
    renewalCount: integer('renewal_count').notNull().default(0),
    returnedOn: day('returned_on'),
  },
  (t) => [
    index('loans_patron_active_idx').on(t.patronId, t.loanedOn, t.id).where(sql`${t.returnedOn} is null`),
    uniqueIndex('loans_item_active_uq').on(t.itemId).where(sql`${t.returnedOn} is null`),
    check('loans_renewal_count_nonnegative', sql`${t.renewalCount} >= 0`),
  ],
);

/**
 * CIRCULATION=sip2: the portal's handle for a loan the ILS reported (64 AU). The API's loan ids
 * stay integers of our own, scoped to the patron, and never expose the ILS's item barcodes in
 * a request a patron could tamper with: an id of another patron is simply not found.
 */
export const ilsLoans = pgTable(
  'ils_loans',
  {
    id: serial('id').primaryKey(),
    patronId: patronRef(),
    /** SIP2 item identifier (AB). */
    itemIdentifier: text('item_identifier').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ils_loans_patron_item_uq').on(t.patronId, t.itemIdentifier)],
);

/** Audit of every successful renewal; (loan, renewal number) is unique, so a renewal is recorded once. */
export const renewals = pgTable(
  'renewals',
  {
    id: serial('id').primaryKey(),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id),
    renewalNumber: integer('renewal_number').notNull(),
    renewedAt: instant('renewed_at').notNull().defaultNow(),
    renewedOn: day('renewed_on').notNull(),
    previousDueDate: day('previous_due_date').notNull(),
    newDueDate: day('new_due_date').notNull(),
    channel: text('channel').notNull(),
    requestId: text('request_id'),
  },
  (t) => [uniqueIndex('renewals_loan_number_uq').on(t.loanId, t.renewalNumber)],
);

export const reservations = pgTable(
  'reservations',
  {
    id: serial('id').primaryKey(),
    titleId: integer('title_id')
      .notNull()
      .references(() => titles.id),
    patronId: patronRef(),
    status: text('status', { enum: ['active', 'fulfilled', 'cancelled'] })
      .notNull()
      .default('active'),
    contactEmail: text('contact_email'),
    reservedAt: instant('reserved_at').notNull().defaultNow(),
  },
  (t) => [
    index('reservations_title_active_idx').on(t.titleId).where(sql`${t.status} = 'active'`),
    index('reservations_patron_idx').on(t.patronId),
  ],
);

/** 休館日 per branch, with the reason shown on the calendar. */
export const closedDays = pgTable(
  'closed_days',
  {
    branchCode: text('branch_code')
      .notNull()
      .references(() => branches.code),
    date: day('date').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchCode, t.date] })],
);

export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    branchCode: text('branch_code')
      .notNull()
      .references(() => branches.code),
    date: day('date').notNull(),
    time: text('time'),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('events_branch_date_title_uq').on(t.branchCode, t.date, t.title)],
);

/** Server-side sessions; the cookie holds the id, the database only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    patronId: patronRef(),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_patron_idx').on(t.patronId)],
);

/** Every login and identity-check attempt, for lockout decisions and audit. */
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['login', 'registration', 'password_reset'] }).notNull(),
    patronNumber: text('patron_number').notNull(),
    succeeded: boolean('succeeded').notNull(),
    clientAddress: text('client_address'),
    attemptedAt: instant('attempted_at').notNull().defaultNow(),
  },
  (t) => [index('auth_attempts_number_idx').on(t.patronNumber, t.attemptedAt)],
);

/**
 * Lockout state (docs/product.md I5, services/lockout.ts), keyed by the number as typed — known or not, so
 * an unknown number is treated exactly as a real one. One row per (number, client address) with
 * its run of failures; the row with client_key '*' holds the number-wide lock.
 */
export const authLockouts = pgTable(
  'auth_lockouts',
  {
    patronNumber: text('patron_number').notNull(),
    /** The client address (IPv6 per /64), or '*' for the number as a whole. */
    clientKey: text('client_key').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: instant('last_failure_at').notNull(),
    lockedUntil: instant('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.patronNumber, t.clientKey] })],
);

/** Single-use tokens between registration step 1 and step 2; only the hash is stored. */
export const registrationTokens = pgTable('registration_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  patronId: patronRef(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  createdAt: createdAt(),
});

/**
 * パスワードを忘れた方 (docs/product.md §11): single-use tokens, by the mailed link or after the identity
 * check; only the hash is stored, and only a patron's newest token is live.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    patronId: patronRef(),
    via: text('via', { enum: ['mail', 'identity'] }).notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('password_reset_tokens_patron_idx').on(t.patronId, t.createdAt),
    check('password_reset_tokens_via', sql`${t.via} in ('mail', 'identity')`),
  ],
);

/** Answers kept for `Idempotency-Key` replays (24 h). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    patronId: patronRef(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.patronId, t.key] })],
);

/** Transactional outbox: written with the change that causes the mail, sent by the BFF's sender. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** An HTML alternative of `body` (multipart/alternative); null → plain text only. */
    html: text('html'),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lockedUntil: instant('locked_until'),
    sentAt: instant('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
    // The per-recipient daily limit counts by address, whatever its case.
    index('mail_outbox_recipient_idx').on(sql`lower(${t.toAddress})`, t.createdAt),
  ],
);

/** Security audit trail: logins, failures, lockouts, registrations, changes, renewals. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: instant('at').notNull().defaultNow(),
    event: text('event').notNull(),
    patronId: integer('patron_id'),
    requestId: text('request_id'),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_log_patron_idx').on(t.patronId, t.at)],
);

/** お知らせの設定 (docs/product.md §10); no row → the defaults (nothing sent). The language is on `patrons`. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    patronId: integer('patron_id')
      .primaryKey()
      .references(() => patrons.id),
    reminderEmail: boolean('reminder_email').notNull().default(false),
    daysBefore: smallint('days_before').notNull().default(3),
    includeTitles: boolean('include_titles').notNull().default(false),
    push: boolean('push').notNull().default(false),
    overdueNotice: boolean('overdue_notice').notNull().default(true),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('notification_preferences_days_before', sql`${t.daysBefore} in (1, 2, 3, 7)`),
    // The scheduler reads only those who opted in.
    index('notification_preferences_opted_in_idx').on(t.patronId).where(sql`${t.reminderEmail} or ${t.push}`),
  ],
);

/**
 * One row per notification ever sent: (patron, due date, kind) is the key the scheduler claims
 * in the transaction that queues the mail, so any number of processes send each one once (ADR 0013).
 */
export const notificationsSent = pgTable(
  'notifications_sent',
  {
    patronId: patronRef(),
    dueDate: day('due_date').notNull(),
    kind: text('kind', { enum: ['reminder', 'overdue'] }).notNull(),
    /** The business date it was sent on. */
    sentOn: day('sent_on').notNull(),
    itemCount: integer('item_count').notNull(),
    mailId: integer('mail_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.patronId, t.dueDate, t.kind] }),
    check('notifications_sent_kind', sql`${t.kind} in ('reminder', 'overdue')`),
  ],
);

/** The patron's secret iCalendar URL: only the SHA-256 of its token; one per patron. */
export const calendarFeeds = pgTable('calendar_feeds', {
  patronId: integer('patron_id')
    .primaryKey()
    .references(() => patrons.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

/**
 * What each VEVENT of a feed last said, so its SEQUENCE and DTSTAMP go up exactly when its
 * content changes (a renewal moves an item in or out of the date, a return drops it).
 */
export const calendarFeedEvents = pgTable(
  'calendar_feed_events',
  {
    patronId: patronRef(),
    dueDate: day('due_date').notNull(),
    fingerprint: text('fingerprint').notNull(),
    sequence: integer('sequence').notNull().default(0),
    changedAt: instant('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.patronId, t.dueDate] })],
);

/**
 * The VAPID key pair of this installation (web push, RFC 8292): made once at first start. One
 * row, id 1: processes starting together insert on conflict do nothing and all read the winner.
 */
export const pushVapidKeys = pgTable(
  'push_vapid_keys',
  {
    id: smallint('id').primaryKey(),
    /** Uncompressed P-256 point, base64url: the applicationServerKey browsers subscribe with. */
    publicKey: text('public_key').notNull(),
    /** The private scalar, base64url: it signs the Authorization JWT of every push. */
    privateKey: text('private_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('push_vapid_keys_one_row', sql`${t.id} = 1`)],
);

/** A browser's push subscription (personal data): endpoint and keys, bound to one patron. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: serial('id').primaryKey(),
    patronId: integer('patron_id')
      .notNull()
      .references(() => patrons.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('push_subscriptions_patron_idx').on(t.patronId)],
);

/**
 * Transactional outbox of pushes: one row per subscription, written in the transaction that
 * decides to notify; the push sender delivers it. Deleting the subscription drops its rows.
 */
export const pushOutbox = pgTable(
  'push_outbox',
  {
    id: serial('id').primaryKey(),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    /** {title, body, url, tag} (PushPayload of packages/domain), sent encrypted. */
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lockedUntil: instant('locked_until'),
    sentAt: instant('sent_at'),
    /** Set when the push is given up (too old to matter, or refused for good): never retried. */
    discardedAt: instant('discarded_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('push_outbox_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.discardedAt} is null`),
  ],
);
