import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  languageChangeSchema,
  notificationKeys,
  notificationPreferencesSchema,
  notificationPreferencesUpdateSchema,
} from './notification-preferences.ts';

const valid = {
  reminder: { email: true, daysBefore: 3, includeTitles: false, push: false },
  overdueNotice: true,
  language: 'ja',
};

describe('notificationPreferencesSchema', () => {
  it('accepts the SPEC shape and the defaults', () => {
    expect(notificationPreferencesSchema.parse(valid)).toEqual(valid);
    expect(notificationPreferencesSchema.parse(DEFAULT_NOTIFICATION_PREFERENCES)).toEqual(
      DEFAULT_NOTIFICATION_PREFERENCES,
    );
  });

  it('takes only 1, 2, 3 or 7 days before', () => {
    for (const daysBefore of [1, 2, 3, 7]) {
      expect(
        notificationPreferencesSchema.safeParse({ ...valid, reminder: { ...valid.reminder, daysBefore } })
          .success,
      ).toBe(true);
    }
    for (const daysBefore of [0, 4, 5, 14, '3', 3.5, null]) {
      const result = notificationPreferencesSchema.safeParse({
        ...valid,
        reminder: { ...valid.reminder, daysBefore },
      });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({
        path: ['reminder', 'daysBefore'],
        message: notificationKeys.daysBeforeInvalid,
      });
    }
  });

  it('names each wrong field with its own message', () => {
    const result = notificationPreferencesSchema.safeParse({
      reminder: { email: 'yes', daysBefore: 3, includeTitles: false },
      overdueNotice: 1,
      language: 'fr',
    });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath).toEqual({
      'reminder.email': notificationKeys.booleanRequired,
      'reminder.push': notificationKeys.booleanRequired,
      overdueNotice: notificationKeys.booleanRequired,
      language: notificationKeys.languageInvalid,
    });
  });

  it('refuses a body without reminder', () => {
    const result = notificationPreferencesSchema.safeParse({ overdueNotice: true, language: 'ja' });
    expect(result.error!.issues[0]).toMatchObject({
      path: ['reminder'],
      message: notificationKeys.reminderRequired,
    });
  });
});

describe('notificationPreferencesUpdateSchema (PUT)', () => {
  it('takes the settings without language (the stored one stays), or with a valid one', () => {
    const { language: _, ...withoutLanguage } = valid;
    expect(notificationPreferencesUpdateSchema.parse(withoutLanguage)).toEqual(withoutLanguage);
    expect(notificationPreferencesUpdateSchema.parse(valid)).toEqual(valid);
    expect(
      notificationPreferencesUpdateSchema.safeParse({ ...valid, language: 'fr' }).error!.issues,
    ).toMatchObject([{ path: ['language'], message: notificationKeys.languageInvalid }]);
  });
});

describe('languageChangeSchema', () => {
  it('takes ja or en, and nothing else', () => {
    expect(languageChangeSchema.parse({ language: 'en' })).toEqual({ language: 'en' });
    for (const body of [{}, { language: 'fr' }, { language: null }]) {
      expect(languageChangeSchema.safeParse(body).error!.issues).toMatchObject([
        { path: ['language'], message: notificationKeys.languageInvalid },
      ]);
    }
  });
});
