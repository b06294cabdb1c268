import type { Language, NotificationPreferencesUpdate } from '@library/domain/notifications';
import { linkOrigin } from '../../env.ts';
import type { AppDeps } from '../../lib/app-env.ts';
import { audit } from '../audit.ts';
import type { RequestContext } from '../request-context.ts';
import {
  calendarFeedUrl,
  createCalendarFeed,
  patronOfFeedToken,
  renderCalendarFeed,
  revokeCalendarFeed,
} from './calendar-feed.ts';
import { readPreferences, writeLanguage, writePreferences } from './preferences.ts';

/** お知らせの設定 and the patron's iCalendar feed (docs/product.md §6, §10). */
export function notificationSettingsService(deps: AppDeps) {
  const { db, clock, env } = deps;
  return {
    preferences: (patronId: number) => readPreferences(db, patronId),

    /** Without `language` in `input` the stored language stays. */
    savePreferences: (patronId: number, input: NotificationPreferencesUpdate) =>
      writePreferences(db, patronId, input, clock.now()),

    saveLanguage: (patronId: number, language: Language) => writeLanguage(db, patronId, language),

    /** A new secret URL (the old one stops working), recorded in the audit trail. */
    async createFeed(patronId: number, ctx: Pick<RequestContext, 'requestId'>): Promise<string> {
      const token = await db.transaction(async (tx) => {
        await audit(tx, 'calendar_feed_created', { patronId, requestId: ctx.requestId });
        return createCalendarFeed(tx, patronId, clock.now());
      });
      return calendarFeedUrl(linkOrigin(env), token);
    },

    async revokeFeed(patronId: number, ctx: Pick<RequestContext, 'requestId'>): Promise<void> {
      await db.transaction(async (tx) => {
        await revokeCalendarFeed(tx, patronId);
        await audit(tx, 'calendar_feed_revoked', { patronId, requestId: ctx.requestId });
      });
    },

    /** The feed a `{token}.ics` file name opens, or undefined (unknown, revoked or malformed). */
    async feed(file: string): Promise<string | undefined> {
      const patronId = file.endsWith('.ics') ? await patronOfFeedToken(db, file.slice(0, -4)) : undefined;
      if (patronId === undefined) return undefined;
      return renderCalendarFeed(db, deps.circulation, patronId, {
        today: clock.today(),
        now: clock.now(),
        publicOrigin: linkOrigin(env),
      });
    },
  };
}
