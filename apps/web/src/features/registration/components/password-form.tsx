import {
  type PasswordContext,
  registrationCatalogJa,
  registrationCompleteSchema,
} from '@library/domain/registration';
import { NewEmailFields, newEmailFieldIds, newEmailInput } from '../../../components/ui/email-fields.tsx';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import {
  NewPasswordFields,
  newPasswordFieldIds,
  newPasswordInput,
} from '../../../components/ui/password-fields.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { newPasswordOptions } from '../../../lib/common-passwords.ts';
import { useT } from '../../../lib/i18n.ts';
import { useForm } from '../../../lib/use-form.ts';
import { type CompleteRegistrationResult, useCompleteRegistration } from '../api/complete-registration.ts';
import './registration.css';

const FIELD_IDS = { ...newPasswordFieldIds('reg'), ...newEmailFieldIds('reg') };

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
  const t = useT(registrationJa, accountJa, registrationCatalogJa);
  const complete = useCompleteRegistration();
  const form = useForm(FIELD_IDS, {
    parse: async (data) =>
      registrationCompleteSchema(await newPasswordOptions(context)).safeParse({
        registrationToken,
        ...newPasswordInput(data),
        ...newEmailInput(data),
      }),
    send: async (body) => onRegistered(await complete.mutateAsync(body)),
  });

  return (
    <FormPanel
      id="password-heading"
      heading={t('reg.passwordHeading')}
      intro={<p>{t('reg.passwordIntro')}</p>}
      form={form}
      submit={t('reg.register')}
      submitting={t('account.registering')}
    >
      {form.message?.code === 'token_expired' ? (
        <p>
          <button type="button" className="button" onClick={onRestart}>
            {t('reg.restart')}
          </button>
        </p>
      ) : null}
      <NewPasswordFields
        idPrefix="reg"
        label={t('reg.password')}
        patronNumber={context.patronNumber}
        errors={form.fields}
      />
      <fieldset className="fieldset">
        <legend>{t('reg.email1')}</legend>
        <div className="form">
          <NewEmailFields
            idPrefix="reg"
            currentEmail={currentEmail}
            currentEmailHint={t('reg.oldEmailMaskedHint')}
            errors={form.fields}
          />
        </div>
      </fieldset>
      <section className="registration-notes" aria-labelledby="notes-heading">
        <h3 id="notes-heading">{t('reg.notesHeading')}</h3>
        <ul>
          <li>{t('reg.note1')}</li>
          <li>{t('account.dotsNote')}</li>
          <li>{t('reg.note3')}</li>
          <li>{t('reg.note4')}</li>
        </ul>
      </section>
    </FormPanel>
  );
}
