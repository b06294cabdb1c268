import {
  type PasswordContext,
  type RegistrationCompleteInput,
  registrationCatalogJa,
  registrationCompleteSchema,
} from '@library/domain/registration';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ContactChoices } from '../../../components/ui/contact-choices.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { loadCommonPasswordCheck } from '../../../lib/common-passwords.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { type CompleteRegistrationResult, useCompleteRegistration } from '../api/complete-registration.ts';
import './registration.css';

type FieldName = 'password' | 'passwordConfirm' | 'email' | 'useForContact';
const FIELD_IDS: Record<FieldName, string> = {
  password: 'reg-password',
  passwordConfirm: 'reg-password-confirm',
  email: 'reg-email',
  useForContact: 'reg-use-for-contact',
};
const ORDER: FieldName[] = ['password', 'passwordConfirm', 'email', 'useForContact'];

interface Props {
  registrationToken: string;
  currentEmail: string | null;
  context: PasswordContext;
  onRegistered: (result: CompleteRegistrationResult) => void;
  /** The token expired or was used: back to step 1. */
  onRestart: () => void;
}

/** 新規パスワードの登録 (step 2): password twice, the new email and the guide's two checkboxes. */
export function PasswordForm({ registrationToken, currentEmail, context, onRegistered, onRestart }: Props) {
  const t = useT(registrationJa, registrationCatalogJa);
  const complete = useCompleteRegistration();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<{ message: string; restart?: boolean }>();
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadCommonPasswordCheck();
  }, []);

  function showErrors(fields: Partial<Record<FieldName, string>>, form?: typeof formError) {
    setFieldErrors(fields);
    setFormError(form);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: RegistrationCompleteInput = {
      registrationToken,
      password: String(data.get('password') ?? ''),
      passwordConfirm: String(data.get('passwordConfirm') ?? ''),
      email: String(data.get('email') ?? ''),
      useForContact: data.get('useForContact') === 'on',
      useForReservations: data.get('useForReservations') === 'on',
    };
    const isCommon = await loadCommonPasswordCheck().catch(() => undefined);
    const parsed = registrationCompleteSchema({ context, isCommon }).safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    try {
      onRegistered(await complete.mutateAsync(input));
    } catch (error) {
      if (!(error instanceof ApiClientError)) {
        showErrors({}, { message: 'errors.internal_error' });
      } else if (error.code === 'validation_failed') {
        showErrors(error.fields as Partial<Record<FieldName, string>>);
      } else {
        showErrors({}, { message: error.message, restart: error.code === 'token_expired' });
      }
    }
  }

  const summary: SummaryError[] = [
    ...(formError ? [{ message: formError.message }] : []),
    ...ORDER.filter((name) => fieldErrors[name]).map((name) => ({
      fieldId: FIELD_IDS[name],
      message: fieldErrors[name]!,
    })),
  ];

  return (
    <section className="panel panel-narrow" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('reg.passwordHeading')}</h2>
      <p>{t('reg.passwordIntro')}</p>
      <form
        className="form registration-form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="password-heading"
      >
        <ErrorSummary ref={summaryRef} errors={summary} />
        {formError?.restart ? (
          <p>
            <button type="button" className="button" onClick={onRestart}>
              {t('reg.restart')}
            </button>
          </p>
        ) : null}
        {/* Lets password managers file the new password under the patron number. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={context.patronNumber ?? ''}
          readOnly
          hidden
        />
        <Field
          id={FIELD_IDS.password}
          label={t('reg.password')}
          name="password"
          type="password"
          hint={t('reg.passwordHint')}
          autoComplete="new-password"
          error={fieldErrors.password}
          required
        />
        <Field
          id={FIELD_IDS.passwordConfirm}
          label={t('reg.passwordConfirm')}
          name="passwordConfirm"
          type="password"
          hint={t('reg.passwordConfirmHint')}
          autoComplete="new-password"
          error={fieldErrors.passwordConfirm}
          required
        />
        <fieldset className="fieldset">
          <legend>{t('reg.email1')}</legend>
          <div className="form">
            {currentEmail ? (
              <Field
                id="reg-old-email"
                label={t('reg.oldEmail')}
                name="currentEmail"
                hint={t('reg.oldEmailMaskedHint')}
                value={currentEmail}
                readOnly
              />
            ) : null}
            <Field
              id={FIELD_IDS.email}
              label={t('reg.newEmail')}
              name="email"
              type="email"
              hint={t('reg.newEmailHint')}
              inputMode="email"
              autoComplete="email"
              error={fieldErrors.email}
              required
            />
            <ContactChoices error={fieldErrors.useForContact} idPrefix="reg" />
          </div>
        </fieldset>
        <section className="registration-notes" aria-labelledby="notes-heading">
          <h3 id="notes-heading">{t('reg.notesHeading')}</h3>
          <ul>
            <li>{t('reg.note1')}</li>
            <li>{t('reg.note2')}</li>
            <li>{t('reg.note3')}</li>
            <li>{t('reg.note4')}</li>
          </ul>
        </section>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={complete.isPending}>
            {complete.isPending ? t('reg.registering') : t('reg.register')}
          </button>
        </div>
      </form>
    </section>
  );
}
