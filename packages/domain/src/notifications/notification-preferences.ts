import { z } from 'zod';
import { messageKeys } from '../i18n/message-keys.ts';
import { LANGUAGES, type Language, t } from '../i18n/translate.ts';

/** How many days before a due date the reminder may go (docs/product.md §10). */
export const DAYS_BEFORE_CHOICES = [1, 2, 3, 7] as const;
export type DaysBefore = (typeof DAYS_BEFORE_CHOICES)[number];

/** The service's languages are i18n's (one list); this entry point names them for its own users. */
export { LANGUAGES, type Language };

/** Field and API messages of お知らせの設定, in one place for the i18n conversion. */
export const notificationMessages = {
  booleanRequired: 'はい・いいえのどちらかを選んでください。',
  daysBeforeInvalid: 'お知らせする日を、1日前・2日前・3日前・7日前から選んでください。',
  languageInvalid: '言語は日本語（ja）か英語（en）を選んでください。',
  reminderRequired: 'お知らせの設定を送信してください。',
  emailMissing:
    'メールアドレスが登録されていないため、お知らせメールは届きません。先にメールアドレスを登録してください。',
} as const;

/** The catalog keys of these texts: what the schemas put into their issues. */
export const notificationKeys = messageKeys('notification', notificationMessages);

/** The screen's labels (利用者情報変更 → お知らせの設定). */
export const NOTIFICATION_LABELS = {
  heading: 'お知らせの設定',
  reminderEmail: '返却期限日お知らせメールを受け取る',
  daysBefore: 'お知らせする日',
  includeTitles: 'メールに資料名を載せる',
  includeTitlesHint: '(初期設定では載せません。メールは人に見られることがあります)',
  overdueNotice: '返却期限日を過ぎたときにもお知らせする（期限日の翌日）',
  push: 'この端末にもプッシュ通知で知らせる',
  daysBeforeChoice: '{{days}}日前',
} as const;

export function daysBeforeLabel(days: DaysBefore, lang: Language = 'ja'): string {
  return t(lang, 'notificationLabels.daysBeforeChoice', { days });
}

const flag = z.boolean({ error: notificationKeys.booleanRequired });

const language = z.enum(LANGUAGES, { error: notificationKeys.languageInvalid });

/** GET /api/me/notifications (docs/product.md §6): the whole settings object, every field there. */
export const notificationPreferencesSchema = z.object({
  reminder: z.object(
    {
      email: flag,
      daysBefore: z.literal(DAYS_BEFORE_CHOICES, { error: notificationKeys.daysBeforeInvalid }),
      includeTitles: flag,
      push: flag,
    },
    { error: notificationKeys.reminderRequired },
  ),
  overdueNotice: flag,
  language,
});

export type NotificationPreferences = z.output<typeof notificationPreferencesSchema>;

/**
 * PUT /api/me/notifications: the settings with `language` optional. Without it the stored
 * language stays, so お知らせの設定 (which does not show the language) never overwrites the
 * header's 日本語 / English choice made meanwhile (PUT /api/me/language).
 */
export const notificationPreferencesUpdateSchema = notificationPreferencesSchema.extend({
  language: language.optional(),
});

export type NotificationPreferencesUpdate = z.output<typeof notificationPreferencesUpdateSchema>;

/** PUT /api/me/language: the header's 日本語 / English choice alone (mails follow it, SPEC §12). */
export const languageChangeSchema = z.object({ language });

export type LanguageChange = z.output<typeof languageChangeSchema>;

/** What a patron who never opened the settings has: nothing sent, overdue notice on once they opt in. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  reminder: { email: false, daysBefore: 3, includeTitles: false, push: false },
  overdueNotice: true,
  language: 'ja',
};
