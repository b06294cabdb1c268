import {
  type DaysBefore,
  DEFAULT_NOTIFICATION_PREFERENCES,
  type Language,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '@library/domain/notifications';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { notificationPreferences, patrons } from '../../db/schema.ts';

type PreferencesRow = typeof notificationPreferences.$inferSelect;

export function preferencesFromRow(
  row: PreferencesRow | undefined,
  language: string | null | undefined,
): NotificationPreferences {
  const defaults = DEFAULT_NOTIFICATION_PREFERENCES;
  return {
    reminder: row
      ? {
          email: row.reminderEmail,
          daysBefore: row.daysBefore as DaysBefore,
          includeTitles: row.includeTitles,
          push: row.push,
        }
      : { ...defaults.reminder },
    overdueNotice: row ? row.overdueNotice : defaults.overdueNotice,
    language: language === 'en' ? 'en' : defaults.language,
  };
}

export async function readPreferences(db: Db | Tx, patronId: number): Promise<NotificationPreferences> {
  const [row] = await db
    .select({ language: patrons.language, prefs: notificationPreferences })
    .from(patrons)
    .leftJoin(notificationPreferences, eq(notificationPreferences.patronId, patrons.id))
    .where(eq(patrons.id, patronId));
  return preferencesFromRow(row?.prefs ?? undefined, row?.language);
}

/** The settings; the patron's language only when `prefs` names one (else the stored one stays). */
export async function writePreferences(
  db: Db,
  patronId: number,
  prefs: NotificationPreferencesUpdate,
  now: Date,
): Promise<void> {
  const values = {
    reminderEmail: prefs.reminder.email,
    daysBefore: prefs.reminder.daysBefore,
    includeTitles: prefs.reminder.includeTitles,
    push: prefs.reminder.push,
    overdueNotice: prefs.overdueNotice,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ patronId, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.patronId, set: values });
    if (prefs.language) await writeLanguage(tx, patronId, prefs.language);
  });
}

/** The patron's language alone (the header's 日本語 / English): the other settings stay. */
export async function writeLanguage(db: Db | Tx, patronId: number, language: Language): Promise<void> {
  await db.update(patrons).set({ language }).where(eq(patrons.id, patronId));
}
