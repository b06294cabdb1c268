import { emailChangeSchema, registrationCatalogJa } from '@library/domain/registration';
import { NewEmailFields, newEmailFieldIds, newEmailInput } from '../../../components/ui/email-fields.tsx';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { useT } from '../../../lib/i18n.ts';
import { useForm } from '../../../lib/use-form.ts';
import { useChangeEmail } from '../api/change-email.ts';
import './settings.css';

const FIELD_IDS = newEmailFieldIds('settings');

/** メールアドレスの変更 (I11): 旧メールアドレス shown read-only, the new one, the two checkboxes. */
export function EmailChangeForm({ currentEmail }: { currentEmail: string | null }) {
  const t = useT(settingsJa, accountJa, registrationCatalogJa);
  const change = useChangeEmail();
  const form = useForm(FIELD_IDS, {
    parse: (data) => emailChangeSchema.safeParse(newEmailInput(data)),
    async send(body, element) {
      await change.mutateAsync(body);
      element.reset();
      form.succeed({ key: 'settings.emailDone', params: { email: body.email } });
    },
  });

  return (
    <FormPanel
      id="email-change-heading"
      heading={t('settings.emailHeading')}
      form={form}
      withStatus
      submit={t('settings.changeEmail')}
      submitting={t('settings.changing')}
    >
      <NewEmailFields
        idPrefix="settings"
        currentEmail={currentEmail}
        currentEmailHint={t('account.oldEmailHint')}
        errors={form.fields}
      />
      <p className="field-hint">{t('account.dotsNote')}</p>
    </FormPanel>
  );
}
