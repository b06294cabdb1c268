import {
  DAYS_BEFORE_CHOICES,
  type DaysBefore,
  daysBeforeLabel,
  type NotificationPreferences,
  notificationCatalogJa,
  notificationPreferencesSchema,
} from '@library/domain/notifications';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n.ts';
import { useUpdateNotificationPreferences } from '../api/notification-preferences.ts';
import './settings.css';

/**
 * The browser side of web push (permission, pushManager.subscribe, POST /api/me/push-subscriptions),
 * passed in by the route so this form does not depend on how it is done. Without it the choice
 * is only saved.
 */
export interface PushSubscriptionControl {
  enable(): Promise<void>;
  disable(): Promise<void>;
}

type FieldName =
  | 'reminder.email'
  | 'reminder.daysBefore'
  | 'reminder.includeTitles'
  | 'overdueNotice'
  | 'reminder.push'
  | 'language';
const FIELD_IDS: Record<FieldName, string | undefined> = {
  'reminder.email': 'notify-reminder-email',
  'reminder.daysBefore': `notify-days-before-${DAYS_BEFORE_CHOICES[0]}`,
  'reminder.includeTitles': 'notify-include-titles',
  overdueNotice: 'notify-overdue',
  'reminder.push': 'notify-push',
  language: undefined,
};
const ORDER = Object.keys(FIELD_IDS) as FieldName[];

function errorsByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fields: Partial<Record<string, string>> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}

/** 利用者情報変更 → お知らせの設定 (docs/product.md §10): 返却期限日お知らせメール, days before, titles, overdue notice, push. */
export function NotificationSettingsForm({
  initial,
  hasEmail,
  push,
}: {
  initial: NotificationPreferences;
  hasEmail: boolean;
  push?: PushSubscriptionControl;
}) {
  const t = useT(settingsJa, notificationCatalogJa);
  const update = useUpdateNotificationPreferences();
  const [saved, setSaved] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string>();
  // A counter, not a flag: every successful save moves the focus to the message again.
  const [savedCount, setSavedCount] = useState(0);
  const done = savedCount > 0 && Object.keys(fieldErrors).length === 0 && !formError;
  const [email, setEmail] = useState(initial.reminder.email);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (savedCount > 0) doneRef.current?.focus();
  }, [savedCount]);

  function showErrors(fields: Partial<Record<string, string>>, form?: string) {
    setSavedCount(0);
    setFieldErrors(fields);
    setFormError(form);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      reminder: {
        email: data.get('reminderEmail') === 'on',
        daysBefore: Number(data.get('daysBefore')) as DaysBefore,
        includeTitles: data.get('includeTitles') === 'on',
        push: data.get('push') === 'on',
      },
      overdueNotice: data.get('overdueNotice') === 'on',
      language: saved.language,
    };
    const parsed = notificationPreferencesSchema.safeParse(input);
    if (!parsed.success) {
      showErrors(errorsByPath(parsed.error.issues));
      return;
    }
    try {
      if (push && parsed.data.reminder.push !== saved.reminder.push) {
        try {
          await (parsed.data.reminder.push ? push.enable() : push.disable());
        } catch (error) {
          showErrors({ 'reminder.push': error instanceof Error ? error.message : String(error) });
          return;
        }
      }
      await update.mutateAsync(parsed.data);
      setSaved(parsed.data);
      setFieldErrors({});
      setFormError(undefined);
      setSavedCount((n) => n + 1);
    } catch (error) {
      if (error instanceof ApiClientError && error.code === 'validation_failed') {
        showErrors(error.fields);
      } else {
        showErrors({}, error instanceof Error ? error.message : undefined);
      }
    }
  }

  const summary: SummaryError[] = [
    ...(formError ? [{ message: formError }] : []),
    ...ORDER.filter((name) => fieldErrors[name]).map((name) => ({
      fieldId: FIELD_IDS[name],
      message: fieldErrors[name]!,
    })),
  ];
  const errorOf = (name: FieldName) => fieldErrors[name];
  const described = (name: FieldName, ...ids: (string | false | undefined)[]) =>
    [...ids, errorOf(name) ? `${FIELD_IDS[name] ?? name}-error` : undefined].filter(Boolean).join(' ') ||
    undefined;
  const fieldError = (name: FieldName) =>
    errorOf(name) ? (
      <p className="field-error" id={`${FIELD_IDS[name] ?? name}-error`}>
        {t(errorOf(name)!)}
      </p>
    ) : null;

  return (
    <section className="panel panel-narrow" aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading">{t('notificationLabels.heading')}</h2>
      <p>{t('settings.notificationsIntro')}</p>
      <div role="status">
        {done ? (
          <div className="alert alert-success" tabIndex={-1} ref={doneRef}>
            {t('settings.notificationsSaved')}
          </div>
        ) : null}
      </div>
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="notification-settings-heading"
      >
        <ErrorSummary ref={summaryRef} errors={summary} />
        <div className="checkbox-group">
          <label className="checkbox">
            <input
              type="checkbox"
              id={FIELD_IDS['reminder.email']}
              name="reminderEmail"
              defaultChecked={initial.reminder.email}
              onChange={(e) => setEmail(e.currentTarget.checked)}
              aria-invalid={errorOf('reminder.email') ? true : undefined}
              aria-describedby={described('reminder.email', email && !hasEmail && 'notify-email-missing')}
            />
            {t('notificationLabels.reminderEmail')}
          </label>
          {email && !hasEmail ? (
            <p className="field-hint notice" id="notify-email-missing">
              {t('notification.emailMissing')}
            </p>
          ) : null}
          {fieldError('reminder.email')}
        </div>
        <fieldset
          className="notify-fieldset"
          aria-describedby={described('reminder.daysBefore', 'notify-days-before-hint')}
        >
          <legend>{t('notificationLabels.daysBefore')}</legend>
          <p className="field-hint" id="notify-days-before-hint">
            {t('settings.daysBeforeHint')}
          </p>
          <div className="radio-row">
            {DAYS_BEFORE_CHOICES.map((days) => (
              <label className="checkbox" key={days}>
                <input
                  type="radio"
                  id={`notify-days-before-${days}`}
                  name="daysBefore"
                  value={days}
                  defaultChecked={initial.reminder.daysBefore === days}
                  aria-invalid={errorOf('reminder.daysBefore') ? true : undefined}
                />
                {daysBeforeLabel(days, t.lang)}
              </label>
            ))}
          </div>
          {fieldError('reminder.daysBefore')}
        </fieldset>
        <div className="checkbox-group">
          <label className="checkbox">
            <input
              type="checkbox"
              id={FIELD_IDS['reminder.includeTitles']}
              name="includeTitles"
              defaultChecked={initial.reminder.includeTitles}
              aria-invalid={errorOf('reminder.includeTitles') ? true : undefined}
              aria-describedby={described('reminder.includeTitles', 'notify-include-titles-hint')}
            />
            {t('notificationLabels.includeTitles')}
          </label>
          <p className="field-hint" id="notify-include-titles-hint">
            {t('notificationLabels.includeTitlesHint')}
          </p>
          {fieldError('reminder.includeTitles')}
          <label className="checkbox">
            <input
              type="checkbox"
              id={FIELD_IDS.overdueNotice}
              name="overdueNotice"
              defaultChecked={initial.overdueNotice}
              aria-invalid={errorOf('overdueNotice') ? true : undefined}
              aria-describedby={described('overdueNotice')}
            />
            {t('notificationLabels.overdueNotice')}
          </label>
          {fieldError('overdueNotice')}
          <label className="checkbox">
            <input
              type="checkbox"
              id={FIELD_IDS['reminder.push']}
              name="push"
              defaultChecked={initial.reminder.push}
              aria-invalid={errorOf('reminder.push') ? true : undefined}
              aria-describedby={described('reminder.push', 'notify-push-hint')}
            />
            {t('notificationLabels.push')}
          </label>
          <p className="field-hint" id="notify-push-hint">
            {t('settings.pushHint')}
          </p>
          {fieldError('reminder.push')}
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? t('settings.saving') : t('settings.saveNotifications')}
          </button>
        </div>
      </form>
    </section>
  );
}
