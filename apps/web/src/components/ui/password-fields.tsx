import { PASSWORD_MAX, PASSWORD_MIN } from '@library/domain/registration';
import { useEffect } from 'react';
import { accountJa } from '../../i18n/ja/account.ts';
import { loadCommonPasswordCheck } from '../../lib/common-passwords.ts';
import { textOf } from '../../lib/form-data.ts';
import { useT } from '../../lib/i18n.ts';
import { Field } from './field.tsx';

export type NewPasswordField = 'password' | 'passwordConfirm';

/** The inputs' ids (`${idPrefix}-password`, `${idPrefix}-password-confirm`): for `useForm`. */
export function newPasswordFieldIds(idPrefix: string): Record<NewPasswordField, string> {
  return { password: `${idPrefix}-password`, passwordConfirm: `${idPrefix}-password-confirm` };
}

/**
 * A new password and its confirmation (I8), with the hint of the guide's limits as the domain
 * sets them. `hintKey`, when given, is a longer hint with the limits as `{{rules}}`. With
 * `patronNumber`, a hidden username lets password managers file the password under it. The
 * common-password list starts loading when the fields are shown.
 */
export function NewPasswordFields({
  idPrefix,
  label,
  hintKey,
  patronNumber,
  errors,
}: {
  idPrefix: string;
  label: string;
  hintKey?: string;
  patronNumber?: string;
  errors: Partial<Record<NewPasswordField, string>>;
}) {
  const t = useT(accountJa);
  const ids = newPasswordFieldIds(idPrefix);
  const rules = t('account.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX });

  useEffect(() => {
    void loadCommonPasswordCheck();
  }, []);

  return (
    <>
      {patronNumber ? (
        <input type="text" name="username" autoComplete="username" value={patronNumber} readOnly hidden />
      ) : null}
      {(
        [
          ['password', label, hintKey ? t(hintKey, { rules }) : rules],
          ['passwordConfirm', t('account.passwordConfirm'), t('account.passwordConfirmHint')],
        ] as const
      ).map(([name, fieldLabel, hint]) => (
        <Field
          key={name}
          id={ids[name]}
          label={fieldLabel}
          name={name}
          type="password"
          hint={hint}
          autoComplete="new-password"
          error={errors[name]}
          required
        />
      ))}
    </>
  );
}

/** What the two fields hold. */
export function newPasswordInput(data: FormData): Record<NewPasswordField, string> {
  return {
    password: textOf(data, 'password'),
    passwordConfirm: textOf(data, 'passwordConfirm'),
  };
}
