import { type PasswordResetRequestInput, passwordResetRequestSchema } from '@library/domain/registration';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { ApiClientError } from '../../../lib/api-client.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useRequestResetMail } from '../api/request-reset-mail.ts';
import { SYSTEM_ERROR } from './reset-texts.ts';

const NUMBER_ID = 'reset-mail-patron-number';

/** メールで再設定: the number only; the same answer follows whether or not it has an address. */
export function RequestMailForm({ onSent }: { onSent: () => void }) {
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
      <h2 id="reset-mail-heading">メールで再設定</h2>
      <p>登録されているメールアドレスに、パスワード再設定用のリンクをお送りします。</p>
      <form className="form" noValidate onSubmit={handleSubmit} aria-labelledby="reset-mail-heading">
        <ErrorSummary ref={summaryRef} errors={summary} />
        <Field
          id={NUMBER_ID}
          label="利用者番号"
          name="patronNumber"
          hint="(半角数字 9桁) 図書館利用カードの裏面に記載された番号"
          inputMode="numeric"
          autoComplete="username"
          error={fieldError}
          required
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={send.isPending}>
            {send.isPending ? '送信しています…' : 'メールを送信する'}
          </button>
        </div>
      </form>
    </section>
  );
}
