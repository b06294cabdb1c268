import { type PasswordResetRequestInput, passwordResetRequestSchema } from '@library/domain/registration';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { commonJa } from '../../../i18n/ja/common.ts';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useRequestResetMail } from '../api/request-reset-mail.ts';
import { SYSTEM_ERROR } from './reset-texts.ts';

const NUMBER_ID = 'reset-mail-patron-number';

/** メールで再設定: the number only; the same answer follows whether or not it has an address. */
export function RequestMailForm({ onSent }: { onSent: () => void }) {
  const t = useT(commonJa, passwordResetJa);
  const send = useRequestResetMail();
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);

  // Once the summary is on the page (an effect runs after the commit): the submit button was
  // disabled while waiting, which dropped the focus to the document, so give it to the summary.
  useEffect(() => {
    if (shown > 0) summaryRef.current?.focus();
  }, [shown]);

  function showErrors(field?: string, form?: string) {
    setFieldError(field);
    setFormError(form);
    setShown((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: PasswordResetRequestInput = { patronNumber: String(data.get('patronNumber') ?? '') };
    const parsed = passwordResetRequestSchema.safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsOf(parsed.error).patronNumber);
      return;
    }
    setFieldError(undefined);
    setFormError(undefined);
    try {
      await send.mutateAsync(input);
      onSent();
    } catch (error) {
      if (error instanceof ApiClientError && error.code === 'validation_failed') {
        showErrors(error.fields.patronNumber);
      } else {
        showErrors(undefined, error instanceof ApiClientError ? error.message : SYSTEM_ERROR);
      }
    }
  }

  const summary: SummaryError[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(fieldError ? [{ fieldId: NUMBER_ID, message: fieldError }] : []),
  ];

  return (
    <section className="panel panel-narrow" aria-labelledby="reset-mail-heading">
      <h2 id="reset-mail-heading">{t('reset.mailHeading')}</h2>
      <p>{t('reset.mailIntro')}</p>
      <form className="form" noValidate onSubmit={handleSubmit} aria-labelledby="reset-mail-heading">
        <ErrorSummary ref={summaryRef} errors={summary} />
        <Field
          id={NUMBER_ID}
          label={t('loginPage.patronNumber')}
          name="patronNumber"
          hint={t('reset.mailPatronNumberHint')}
          inputMode="numeric"
          autoComplete="username"
          error={fieldError}
          required
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={send.isPending}>
            {send.isPending ? t('reset.sending') : t('reset.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
