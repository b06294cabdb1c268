import { passwordChangeSchema, registrationCatalogJa } from '@library/domain/registration';
import { Field } from '../../../components/ui/field.tsx';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import {
  NewPasswordFields,
  newPasswordFieldIds,
  newPasswordInput,
} from '../../../components/ui/password-fields.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { settingsJa } from '../../../i18n/ja/settings.ts';
import { newPasswordOptions } from '../../../lib/common-passwords.ts';
import { textOf } from '../../../lib/form-data.ts';
import { useT } from '../../../lib/i18n.ts';
import { useForm } from '../../../lib/use-form.ts';
import { useChangePassword } from '../api/change-password.ts';
import './settings.css';

const FIELD_IDS = { currentPassword: 'settings-current-password', ...newPasswordFieldIds('settings') };

/** パスワードの変更 (I11): the current password, then the new one twice. */
export function PasswordChangeForm({ patronNumber }: { patronNumber: string }) {
  const t = useT(settingsJa, accountJa, registrationCatalogJa);
  const change = useChangePassword();
  const form = useForm(FIELD_IDS, {
    // Birth date and phone are not known here; the BFF checks those too.
    parse: async (data) =>
      passwordChangeSchema(await newPasswordOptions({ patronNumber })).safeParse({
        currentPassword: textOf(data, 'currentPassword'),
        ...newPasswordInput(data),
      }),
    async send(body, element) {
      await change.mutateAsync(body);
      element.reset();
      form.succeed({ key: 'settings.passwordDone' });
    },
  });

  return (
    <FormPanel
      id="password-change-heading"
      heading={t('settings.passwordHeading')}
      form={form}
      withStatus
      submit={t('settings.changePassword')}
      submitting={t('settings.changing')}
    >
      <input type="text" name="username" autoComplete="username" value={patronNumber} readOnly hidden />
      <Field
        {...form.field('currentPassword')}
        label={t('settings.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
      />
      <NewPasswordFields
        idPrefix="settings"
        label={t('account.newPassword')}
        hintKey="settings.newPasswordHint"
        errors={form.fields}
      />
    </FormPanel>
  );
}
