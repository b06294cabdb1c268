import {
  type PasswordContext,
  type PasswordResetCompleteInput,
  passwordResetCompleteSchema,
  registrationCatalogJa,
} from '@library/domain/registration';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { loadCommonPasswordCheck } from '../../../lib/common-passwords.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useCompleteReset } from '../api/complete-reset.ts';
import { SYSTEM_ERROR } from './reset-texts.ts';

type FieldName = 'password' | 'passwordConfirm';
const FIELD_IDS: Record<FieldName, string> = {
  password: 'reset-password',
  passwordConfirm: 'reset-password-confirm',
};
const ORDER: FieldName[] = ['password', 'passwordConfirm'];

interface Props {
  resetToken: string;
  /** The patron's details when known (after the identity check); the BFF always checks with its own. */
  context: PasswordContext;
  /** Where to start again when the link or token has expired or was used. */
  restartPath: string;
  onReset: () => void;
}

/** 新しいパスワードの登録: password twice, under I8 (the hints of 新規パスワード登録 step 2). */
export function NewPasswordForm({ resetToken, context, restartPath, onReset }: Props) {
  const t = useT(passwordResetJa, registrationJa, registrationCatalogJa);
  const complete = useCompleteReset();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<{ message: string; restart?: boolean }>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);

  // Once the summary is on the page (an effect runs after the commit): the submit button was
  // disabled while waiting, which dropped the focus to the document, so give it to the summary.
  useEffect(() => {
    if (shown > 0) summaryRef.current?.focus();
  }, [shown]);

  useEffect(() => {
    void loadCommonPasswordCheck();
  }, []);

  function showErrors(fields: Partial<Record<FieldName, string>>, form?: typeof formError) {
    setFieldErrors(fields);
    setFormError(form);
    setShown((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: PasswordResetCompleteInput = {
      resetToken,
      password: String(data.get('password') ?? ''),
      passwordConfirm: String(data.get('passwordConfirm') ?? ''),
    };
    const isCommon = await loadCommonPasswordCheck().catch(() => undefined);
    const parsed = passwordResetCompleteSchema({ context, isCommon }).safeParse(input);
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      // A broken link (no token in it) is not the patron's typing: say so once, above the form.
      if (fields.resetToken) showErrors(fields, { message: fields.resetToken, restart: true });
      else showErrors(fields);
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    try {
      await complete.mutateAsync(input);
      onReset();
    } catch (error) {
      if (!(error instanceof ApiClientError)) showErrors({}, { message: SYSTEM_ERROR });
      else if (error.code === 'validation_failed')
        showErrors(error.fields as Partial<Record<FieldName, string>>);
      else showErrors({}, { message: error.message, restart: error.code === 'token_expired' });
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
    <section className="panel panel-narrow" aria-labelledby="reset-password-heading">
      <h2 id="reset-password-heading">{t('reset.passwordHeading')}</h2>
      <p>{t('reset.passwordIntro')}</p>
      <form className="form" noValidate onSubmit={handleSubmit} aria-labelledby="reset-password-heading">
        <ErrorSummary ref={summaryRef} errors={summary} />
        {formError?.restart ? (
          <p>
            <Link to={restartPath}>{t('reset.restart')}</Link>
          </p>
        ) : null}
        {context.patronNumber ? (
          // Lets password managers file the new password under the patron number.
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={context.patronNumber}
            readOnly
            hidden
          />
        ) : null}
        <Field
          id={FIELD_IDS.password}
          label={t('reset.newPassword')}
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
        <p className="field-hint">{t('reset.passwordNote')}</p>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={complete.isPending}>
            {complete.isPending ? t('reset.registering') : t('reset.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
