import { loginKeys, loginSchema, PATRON_NUMBER_LENGTH } from '@library/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field } from '../../../components/ui/field.tsx';
import '../../../components/ui/contact-choices.css';
import { commonJa } from '../../../i18n/ja/common.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { fieldErrorsOf, textOf } from '../../../lib/form-data.ts';
import { useT } from '../../../lib/i18n.ts';
import { keepOnDeviceByDefault } from '../../../lib/offline-cache.ts';
import { useLogin } from '../api/login.ts';

interface Props {
  onSuccess: () => void;
}

type FieldErrors = Partial<Record<'patronNumber' | 'password', string>>;

/** 利用照会: 利用者番号 and パスワード, validated with the same schema the BFF uses. */
export function LoginForm({ onSuccess }: Props) {
  const login = useLogin();
  const t = useT(commonJa);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const formErrorRef = useRef<HTMLDivElement>(null);

  // Once the message is on the page (an effect runs after the commit; a requestAnimationFrame
  // could run before it and find nothing): the submit button was disabled while waiting, which
  // dropped the focus to the document, so give it to the message.
  useEffect(() => {
    if (formError) formErrorRef.current?.focus();
  }, [formError]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({
      patronNumber: textOf(data, 'patronNumber'),
      password: textOf(data, 'password'),
    });
    setFormError(undefined);
    if (!parsed.success) {
      const errors: FieldErrors = fieldErrorsOf(parsed.error);
      setFieldErrors(errors);
      const first = event.currentTarget.querySelector<HTMLInputElement>(
        `[name="${errors.patronNumber ? 'patronNumber' : 'password'}"]`,
      );
      first?.focus();
      return;
    }
    setFieldErrors({});
    try {
      await login.mutateAsync({ ...parsed.data, keepOnDevice: data.get('keepOnDevice') === 'on' });
      onSuccess();
    } catch (error) {
      const message =
        error instanceof ApiClientError
          ? error.code === 'validation_failed'
            ? loginKeys.invalidCredentials
            : error.message
          : loginKeys.invalidCredentials;
      setFormError(message);
    }
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit}
      aria-describedby={formError ? 'login-error' : undefined}
    >
      <div role="alert" aria-live="assertive">
        {formError ? (
          <div className="alert alert-error" id="login-error" tabIndex={-1} ref={formErrorRef}>
            {t(formError)}
          </div>
        ) : null}
      </div>
      <Field
        label={t('loginPage.patronNumber')}
        name="patronNumber"
        hint={t('loginPage.patronNumberHint', { length: PATRON_NUMBER_LENGTH })}
        inputMode="numeric"
        autoComplete="username"
        error={fieldErrors.patronNumber}
        required
      />
      <Field
        label={t('loginPage.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.password}
        required
      />
      <div className="checkbox-group">
        <label className="checkbox">
          <input
            type="checkbox"
            name="keepOnDevice"
            defaultChecked={keepOnDeviceByDefault()}
            aria-describedby="keep-on-device-hint"
          />
          {t('loginPage.keepOnDevice')}
        </label>
        <p className="field-hint" id="keep-on-device-hint">
          {t('loginPage.keepOnDeviceHint')}
        </p>
      </div>
      <button type="submit" className="button button-primary" disabled={login.isPending}>
        {login.isPending ? t('loginPage.submitting') : t('loginPage.submit')}
      </button>
    </form>
  );
}
