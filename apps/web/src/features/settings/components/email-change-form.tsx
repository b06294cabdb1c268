import {
  type EmailChangeInput,
  emailChangeSchema,
  registrationCatalogJa,
} from '@library/domain/registration';
import { type FormEvent, useRef, useState } from 'react';
import { ContactChoices } from '../../../components/ui/contact-choices.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useChangeEmail } from '../api/change-email.ts';
import './settings.css';

type FieldName = 'email' | 'useForContact';
const FIELD_IDS: Record<FieldName, string> = {
  email: 'settings-email',
  useForContact: 'settings-use-for-contact',
};
const ORDER: FieldName[] = ['email', 'useForContact'];

/** メールアドレスの変更 (I11): 旧メールアドレス shown read-only, the new one, the two checkboxes. */
export function EmailChangeForm({ currentEmail }: { currentEmail: string | null }) {
  const t = useT(settingsJa, registrationCatalogJa);
  const change = useChangeEmail();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  function showErrors(fields: Partial<Record<FieldName, string>>, form?: string) {
    setDone(undefined);
    setFieldErrors(fields);
    setFormError(form);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const input: EmailChangeInput = {
      email: String(data.get('email') ?? ''),
      useForContact: data.get('useForContact') === 'on',
      useForReservations: data.get('useForReservations') === 'on',
    };
    const parsed = emailChangeSchema.safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsOf(parsed.error));
      return;
    }
    try {
      await change.mutateAsync(input);
      setFieldErrors({});
      setFormError(undefined);
      setDone(parsed.data.email);
      formElement.reset();
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (error) {
      if (error instanceof ApiClientError && error.code === 'validation_failed') {
        showErrors(error.fields as Partial<Record<FieldName, string>>);
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

  return (
    <section className="panel panel-narrow" aria-labelledby="email-change-heading">
      <h2 id="email-change-heading">{t('settings.emailHeading')}</h2>
      <div role="status">
        {done ? (
          <div className="alert alert-success" tabIndex={-1} ref={doneRef}>
            {t('settings.emailDone', { email: done })}
          </div>
        ) : null}
      </div>
      <form className="form" noValidate onSubmit={handleSubmit} aria-labelledby="email-change-heading">
        <ErrorSummary ref={summaryRef} errors={summary} />
        {currentEmail ? (
          <Field
            id="settings-old-email"
            label={t('settings.oldEmail')}
            name="currentEmail"
            hint={t('settings.oldEmailHint')}
            value={currentEmail}
            readOnly
          />
        ) : null}
        <Field
          id={FIELD_IDS.email}
          label={t('settings.newEmail')}
          name="email"
          type="email"
          hint={t('settings.newEmailHint')}
          inputMode="email"
          autoComplete="email"
          error={fieldErrors.email}
          required
        />
        <ContactChoices error={fieldErrors.useForContact} idPrefix="settings" />
        <p className="field-hint">{t('settings.dotsNote')}</p>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {change.isPending ? t('settings.changing') : t('settings.changeEmail')}
          </button>
        </div>
      </form>
    </section>
  );
}
