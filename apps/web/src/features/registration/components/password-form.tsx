import {
  type PasswordContext,
  type RegistrationCompleteInput,
  registrationCompleteSchema,
} from '@library/domain/registration';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ContactChoices } from '../../../components/ui/contact-choices.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { ApiClientError } from '../../../lib/api-client.ts';
import { loadCommonPasswordCheck } from '../../../lib/common-passwords.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
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
        showErrors({}, { message: 'システムエラーが発生しました。しばらく待ってからお試しください。' });
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
      <h2 id="password-heading">新規パスワードの登録</h2>
      <p>登録するパスワードとメールアドレスを入力してください。</p>
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
              利用者の認証からやり直す
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
          label="登録パスワード"
          name="password"
          type="password"
          hint="(半角英数字) 8文字以上64文字以内。記号も使えます。"
          autoComplete="new-password"
          error={fieldErrors.password}
          required
        />
        <Field
          id={FIELD_IDS.passwordConfirm}
          label="再入力"
          name="passwordConfirm"
          type="password"
          hint="(確認のため再入力)"
          autoComplete="new-password"
          error={fieldErrors.passwordConfirm}
          required
        />
        <fieldset className="fieldset">
          <legend>メールアドレス1</legend>
          <div className="form">
            {currentEmail ? (
              <Field
                id="reg-old-email"
                label="旧メールアドレス"
                name="currentEmail"
                hint="登録されているアドレスの一部を伏せて表示しています"
                value={currentEmail}
                readOnly
              />
            ) : null}
            <Field
              id={FIELD_IDS.email}
              label="新メールアドレス"
              name="email"
              type="email"
              hint="(半角英数字) (連絡用)"
              inputMode="email"
              autoComplete="email"
              error={fieldErrors.email}
              required
            />
            <ContactChoices error={fieldErrors.useForContact} idPrefix="reg" />
          </div>
        </fieldset>
        <section className="registration-notes" aria-labelledby="notes-heading">
          <h3 id="notes-heading">【登録時の注意事項】</h3>
          <ul>
            <li>
              ※メールアドレスは、必ずパソコンまたはスマートフォンのいずれかのアドレスを登録してください。
            </li>
            <li>
              ※ドット（.）が連続しているメールアドレスには、図書館からのメールが届かない場合がありますので、登録はご遠慮ください。
            </li>
            <li>
              ※指定受信を行っている場合は、図書館から送信する「library@city.yanagawa.lg.jp」のメールアドレスを受信可能に設定してください。
            </li>
            <li>
              ※新規パスワードは、不正登録を防ぐため、他人が推測しやすい情報（生年月日、電話番号など）を使わないようにしてください。
            </li>
          </ul>
        </section>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={complete.isPending}>
            {complete.isPending ? '登録しています…' : '登録する'}
          </button>
        </div>
      </form>
    </section>
  );
}
