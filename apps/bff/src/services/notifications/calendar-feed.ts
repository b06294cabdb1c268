import { createHash, randomBytes } from 'node:crypto';
import { addDays, type PlainDate } from '@library/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import ical, { ICalAlarmType } from 'ical-generator';
import type { CirculationPort, DueLoan } from '../../circulation/circulation-port.ts';
import type { Db, Tx } from '../../db/client.ts';
import { calendarFeedEvents, calendarFeeds } from '../../db/schema.ts';
import { mailTexts } from '../mail/mail-texts.ts';
import { readPreferences } from './preferences.ts';

/** 256 random bits, base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** How far back an unreturned item's date still shows, and how far ahead any date can be. */
const FEED_PAST_DAYS = 366;
const FEED_FUTURE_DAYS = 366;

export const CALENDAR_NAME = '柳川市立図書館 返却期限日';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function calendarFeedUrl(publicOrigin: string, token: string): string {
  return `${publicOrigin}/api/calendar-feed/${token}.ics`;
}

/** Creates the patron's feed, or replaces it: the old token's hash is overwritten, so its URL stops working. */
export async function createCalendarFeed(db: Db | Tx, patronId: number, now: Date): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const tokenHash = hashToken(token);
  await db
    .insert(calendarFeeds)
    .values({ patronId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.patronId, set: { tokenHash, createdAt: now } });
  return token;
}

export async function revokeCalendarFeed(db: Db | Tx, patronId: number): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.patronId, patronId));
}

export async function patronOfFeedToken(db: Db, token: string): Promise<number | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const [row] = await db
    .select({ patronId: calendarFeeds.patronId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  return row?.patronId;
}

/**
 * SEQUENCE and DTSTAMP of each date's event: stored with a fingerprint of what the event says,
 * and moved on only when that changes (an item renewed into or out of the date, one returned,
 * titles switched on) — so a calendar app sees an update exactly then, and never a step back.
 */
async function eventVersions(
  db: Db,
  patronId: number,
  byDate: Map<PlainDate, DueLoan[]>,
  includeTitles: boolean,
  now: Date,
) {
  const dates = [...byDate.keys()];
  if (dates.length === 0) return new Map<PlainDate, { sequence: number; changedAt: Date }>();
  const rows = dates.map((dueDate) => ({
    patronId,
    dueDate,
    fingerprint: JSON.stringify({
      includeTitles,
      loans: byDate.get(dueDate)!.map((l) => [l.loanId, l.renewalCount, includeTitles ? l.title : '']),
    }),
    sequence: 0,
    changedAt: now,
  }));
  await db
    .insert(calendarFeedEvents)
    .values(rows)
    .onConflictDoUpdate({
      target: [calendarFeedEvents.patronId, calendarFeedEvents.dueDate],
      set: {
        fingerprint: sql`excluded.fingerprint`,
        sequence: sql`${calendarFeedEvents.sequence} + 1`,
        changedAt: sql`excluded.changed_at`,
      },
      setWhere: sql`${calendarFeedEvents.fingerprint} <> excluded.fingerprint`,
    });
  const stored = await db
    .select({
      dueDate: calendarFeedEvents.dueDate,
      sequence: calendarFeedEvents.sequence,
      changedAt: calendarFeedEvents.changedAt,
    })
    .from(calendarFeedEvents)
    .where(and(eq(calendarFeedEvents.patronId, patronId), inArray(calendarFeedEvents.dueDate, dates)));
  return new Map(stored.map((r) => [r.dueDate, { sequence: r.sequence, changedAt: r.changedAt }]));
}

/** The patron's due dates as RFC 5545: one all-day VEVENT per date with an alarm the evening before. */
export async function renderCalendarFeed(
  db: Db,
  circulation: Pick<CirculationPort, 'dueLoans'>,
  patronId: number,
  options: { today: PlainDate; now: Date; publicOrigin: string },
): Promise<string> {
  const prefs = await readPreferences(db, patronId);
  const loans = await circulation.dueLoans([patronId], {
    from: addDays(options.today, -FEED_PAST_DAYS),
    to: addDays(options.today, FEED_FUTURE_DAYS),
  });
  const byDate = new Map<PlainDate, DueLoan[]>();
  for (const loan of loans) byDate.set(loan.dueDate, [...(byDate.get(loan.dueDate) ?? []), loan]);
  const versions = await eventVersions(db, patronId, byDate, prefs.reminder.includeTitles, options.now);

  // In the patron's language (SPEC §12); the Japanese texts are SPEC §10's.
  const m = mailTexts(prefs.language);
  const { lang } = m;
  const host = new URL(options.publicOrigin).hostname;
  const loansUrl = `${options.publicOrigin}/portal/loans`;
  const calendar = ical({
    name: lang === 'ja' ? CALENDAR_NAME : m('feedName'),
    description: m('feedDescription'),
    prodId: { company: 'city.yanagawa', product: 'renewal-service', language: lang.toUpperCase() },
    // Calendar apps that honour it look again within the hour (a renewal shows the same day).
    ttl: 60 * 60,
  });
  for (const [dueDate, dayLoans] of byDate) {
    const version = versions.get(dueDate)!;
    const start = new Date(`${dueDate}T00:00:00Z`);
    const count = dayLoans.length;
    const description = [
      m('feedEventText', { count }),
      ...(prefs.reminder.includeTitles ? dayLoans.map((l) => m('noticeItem', { title: l.title })) : []),
      m('noticeLoansLine', { url: loansUrl }),
    ].join('\n');
    const event = calendar.createEvent({
      id: `due-${patronId}-${dueDate.replaceAll('-', '')}@${host}`,
      sequence: version.sequence,
      stamp: version.changedAt,
      lastModified: version.changedAt,
      start,
      end: new Date(`${addDays(dueDate, 1)}T00:00:00Z`),
      allDay: true,
      summary: m('feedSummary', { count }),
      description,
      url: loansUrl,
    });
    // All-day events start at local midnight: six hours before is 18:00 the evening before.
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: 6 * 60 * 60,
      description: m('feedAlarm', { count }),
    });
  }
  return calendar.toString();
}
