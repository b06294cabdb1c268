import { emailChangeSchema, registrationCatalogJa } from '@library/domain/registration';
import type { FormEvent } from 'react';
import { NewEmailFields, newEmailFieldIds, newEmailInput } from '../../../components/ui/email-fields.tsx';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { useFormErrors } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useChangeEmail } from '../api/change-email.ts';
import './settings.css';

const FIELD_IDS = newEmailFieldIds('settings');

/** メールアドレスの変更 (I11): 旧メールアドレス shown read-only, the new one, the two checkboxes. */
export function EmailChangeForm({ currentEmail }: { currentEmail: string | null }) {
  const t = useT(settingsJa, accountJa, registrationCatalogJa);
  const change = useChangeEmail();
  const errors = useFormErrors(FIELD_IDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const parsed = emailChangeSchema.safeParse(newEmailInput(new FormData(formElement)));
    await errors.submit(parsed, async (body) => {
      await change.mutateAsync(body);
      formElement.reset();
      errors.succeed({ key: 'settings.emailDone', params: { email: body.email } });
    });
  }

  return (
    <FormPanel
      id="email-change-heading"
      heading={t('settings.emailHeading')}
      errors={errors}
      withStatus
      onSubmit={handleSubmit}
      pending={change.isPending}
      submit={t('settings.changeEmail')}
      submitting={t('settings.changing')}
    >
      <NewEmailFields
        idPrefix="settings"
        currentEmail={currentEmail}
        currentEmailHint={t('account.oldEmailHint')}
        errors={errors.fields}
      />
      <p className="field-hint">{t('account.dotsNote')}</p>
    </FormPanel>
  );
}
