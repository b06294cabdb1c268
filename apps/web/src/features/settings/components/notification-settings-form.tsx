import {
  DAYS_BEFORE_CHOICES,
  type DaysBefore,
  daysBeforeLabel,
  type NotificationPreferences,
  notificationCatalogJa,
  notificationPreferencesUpdateSchema,
} from '@library/domain/notifications';
import { useState } from 'react';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { describedBy, FieldError } from '../../../components/ui/field.tsx';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { useT } from '../../../lib/i18n.ts';
import { useForm } from '../../../lib/use-form.ts';
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
  | 'reminder.push';
const FIELD_IDS: Record<FieldName, string | undefined> = {
  'reminder.email': 'notify-reminder-email',
  'reminder.daysBefore': `notify-days-before-${DAYS_BEFORE_CHOICES[0]}`,
  'reminder.includeTitles': 'notify-include-titles',
  overdueNotice: 'notify-overdue',
  'reminder.push': 'notify-push',
};

/** The last three choices, plain checkboxes: the field the schema names, the input, its texts, its value. */
const SWITCHES: readonly {
  field: FieldName;
  name: string;
  label: string;
  hint?: string;
  checked(preferences: NotificationPreferences): boolean;
}[] = [
  {
    field: 'reminder.includeTitles',
    name: 'includeTitles',
    label: 'notificationLabels.includeTitles',
    hint: 'notificationLabels.includeTitlesHint',
    checked: (p) => p.reminder.includeTitles,
  },
  {
    field: 'overdueNotice',
    name: 'overdueNotice',
    label: 'notificationLabels.overdueNotice',
    checked: (p) => p.overdueNotice,
  },
  {
    field: 'reminder.push',
    name: 'push',
    label: 'notificationLabels.push',
    hint: 'settings.pushHint',
    checked: (p) => p.reminder.push,
  },
];

/**
 * 利用者情報変更 → お知らせの設定 (docs/product.md §10): 返却期限日お知らせメール, days before, titles,
 * overdue notice, push. It sends no language (the server keeps the stored one): the header's
 * 日本語 / English saves that on its own, also while this form is open.
 */
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
  // What the server has of this form's fields (language is not one of them).
  const [saved, setSaved] = useState<Omit<NotificationPreferences, 'language'>>(initial);
  const [email, setEmail] = useState(initial.reminder.email);
  const form = useForm(FIELD_IDS, {
    parse: (data) => {
      const on = (name: string) => data.get(name) === 'on';
      return notificationPreferencesUpdateSchema.omit({ language: true }).safeParse({
        reminder: {
          email: on('reminderEmail'),
          daysBefore: Number(data.get('daysBefore')) as DaysBefore,
          includeTitles: on('includeTitles'),
          push: on('push'),
        },
        overdueNotice: on('overdueNotice'),
      });
    },
    async send(preferences): Promise<void> {
      if (push && preferences.reminder.push !== saved.reminder.push) {
        try {
          await (preferences.reminder.push ? push.enable() : push.disable());
        } catch (error) {
          form.show({ 'reminder.push': error instanceof Error ? error.message : String(error) });
          return;
        }
      }
      await update.mutateAsync(preferences);
      setSaved(preferences);
      // Every successful save moves the focus to the message again.
      form.succeed({ key: 'settings.notificationsSaved' });
    },
  });

  const daysBefore = form.field('reminder.daysBefore');
  const daysBeforeErrorId = `${daysBefore.id}-error`;

  return (
    <FormPanel
      id="notification-settings-heading"
      heading={t('notificationLabels.heading')}
      intro={<p>{t('settings.notificationsIntro')}</p>}
      form={form}
      withStatus
      submit={t('settings.saveNotifications')}
      submitting={t('settings.saving')}
    >
      <div className="checkbox-group">
        <Checkbox
          {...form.field('reminder.email')}
          name="reminderEmail"
          label={t('notificationLabels.reminderEmail')}
          defaultChecked={initial.reminder.email}
          onChange={(e) => setEmail(e.currentTarget.checked)}
          describedByAlso={email && !hasEmail && 'notify-email-missing'}
        >
          {email && !hasEmail ? (
            <p className="field-hint notice" id="notify-email-missing">
              {t('notification.emailMissing')}
            </p>
          ) : null}
        </Checkbox>
      </div>
      <fieldset
        className="notify-fieldset"
        aria-describedby={describedBy('notify-days-before-hint', daysBefore.error && daysBeforeErrorId)}
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
                aria-invalid={daysBefore.error ? true : undefined}
              />
              {daysBeforeLabel(days, t.lang)}
            </label>
          ))}
        </div>
        <FieldError id={daysBeforeErrorId} error={daysBefore.error} />
      </fieldset>
      <div className="checkbox-group">
        {SWITCHES.map((item) => (
          <Checkbox
            key={item.name}
            {...form.field(item.field)}
            name={item.name}
            label={t(item.label)}
            hint={item.hint && t(item.hint)}
            defaultChecked={item.checked(initial)}
          />
        ))}
      </div>
    </FormPanel>
  );
}
