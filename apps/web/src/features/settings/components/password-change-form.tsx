import {
  type PasswordChangeInput,
  passwordChangeSchema,
  registrationCatalogJa,
} from '@library/domain/registration';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { loadCommonPasswordCheck } from '../../../lib/common-passwords.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useChangePassword } from '../api/change-password.ts';
import './settings.css';

type FieldName = 'currentPassword' | 'password' | 'passwordConfirm';
const FIELD_IDS: Record<FieldName, string> = {
  currentPassword: 'settings-current-password',
  password: 'settings-password',
  passwordConfirm: 'settings-password-confirm',
};
const ORDER: FieldName[] = ['currentPassword', 'password', 'passwordConfirm'];

/** パスワードの変更 (I11): the current password, then the new one twice. */
export function PasswordChangeForm({ patronNumber }: { patronNumber: string }) {
  const t = useT(settingsJa, registrationCatalogJa);
  const change = useChangePassword();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadCommonPasswordCheck();
  }, []);

  function showErrors(fields: Partial<Record<FieldName, string>>, form?: string) {
    setDone(false);
    setFieldErrors(fields);
    setFormError(form);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const input: PasswordChangeInput = {
      currentPassword: String(data.get('currentPassword') ?? ''),
      password: String(data.get('password') ?? ''),
      passwordConfirm: String(data.get('passwordConfirm') ?? ''),
    };
    const isCommon = await loadCommonPasswordCheck().catch(() => undefined);
    // Birth date and phone are not known here; the BFF checks those too.
    const parsed = passwordChangeSchema({ context: { patronNumber }, isCommon }).safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsOf(parsed.error));
      return;
    }
    try {
      await change.mutateAsync(input);
      setFieldErrors({});
      setFormError(undefined);
      setDone(true);
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
    <section className="panel panel-narrow" aria-labelledby="password-change-heading">
      <h2 id="password-change-heading">{t('settings.passwordHeading')}</h2>
      <div role="status">
        {done ? (
          <div className="alert alert-success" tabIndex={-1} ref={doneRef}>
            {t('settings.passwordDone')}
          </div>
        ) : null}
      </div>
      <form className="form" noValidate onSubmit={handleSubmit} aria-labelledby="password-change-heading">
        <ErrorSummary ref={summaryRef} errors={summary} />
        <input type="text" name="username" autoComplete="username" value={patronNumber} readOnly hidden />
        <Field
          id={FIELD_IDS.currentPassword}
          label={t('settings.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={fieldErrors.currentPassword}
          required
        />
        <Field
          id={FIELD_IDS.password}
          label={t('settings.newPassword')}
          name="password"
          type="password"
          hint={t('settings.newPasswordHint')}
          autoComplete="new-password"
          error={fieldErrors.password}
          required
        />
        <Field
          id={FIELD_IDS.passwordConfirm}
          label={t('settings.passwordConfirm')}
          name="passwordConfirm"
          type="password"
          hint={t('settings.passwordConfirmHint')}
          autoComplete="new-password"
          error={fieldErrors.passwordConfirm}
          required
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {change.isPending ? t('settings.changing') : t('settings.changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}
