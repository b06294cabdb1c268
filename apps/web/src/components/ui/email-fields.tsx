import { accountJa } from '../../i18n/ja/account.ts';
import { textOf } from '../../lib/form-data.ts';
import { useT } from '../../lib/i18n.ts';
import { ContactChoices } from './contact-choices.tsx';
import { Field } from './field.tsx';

export type NewEmailField = 'email' | 'useForContact';

/** The inputs' ids (`${idPrefix}-email`, `${idPrefix}-use-for-contact`): for `useForm`. */
export function newEmailFieldIds(idPrefix: string): Record<NewEmailField, string> {
  return { email: `${idPrefix}-email`, useForContact: `${idPrefix}-use-for-contact` };
}

/**
 * 旧メールアドレス (read-only, when there is one), 新メールアドレス and the guide's two checkboxes
 * (I7, I11): the form reads `email`, `useForContact` and `useForReservations`.
 */
export function NewEmailFields({
  idPrefix,
  currentEmail,
  currentEmailHint,
  errors,
}: {
  idPrefix: string;
  currentEmail: string | null;
  currentEmailHint: string;
  errors: Partial<Record<NewEmailField, string>>;
}) {
  const t = useT(accountJa);
  const ids = newEmailFieldIds(idPrefix);
  return (
    <>
      {currentEmail ? (
        <Field
          id={`${idPrefix}-old-email`}
          label={t('account.oldEmail')}
          name="currentEmail"
          hint={currentEmailHint}
          value={currentEmail}
          readOnly
        />
      ) : null}
      <Field
        id={ids.email}
        label={t('account.newEmail')}
        name="email"
        type="email"
        hint={t('account.newEmailHint')}
        inputMode="email"
        autoComplete="email"
        error={errors.email}
        required
      />
      <ContactChoices error={errors.useForContact} idPrefix={idPrefix} />
    </>
  );
}

/** What the fields hold, in the shape the email schemas (I7, I11) read. */
export function newEmailInput(data: FormData) {
  return {
    email: textOf(data, 'email'),
    useForContact: data.get('useForContact') === 'on',
    useForReservations: data.get('useForReservations') === 'on',
  };
}
