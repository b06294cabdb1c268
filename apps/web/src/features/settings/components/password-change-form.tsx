import { passwordChangeSchema, registrationCatalogJa } from '@library/domain/registration';
import type { FormEvent } from 'react';
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
import { useFormErrors } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useChangePassword } from '../api/change-password.ts';
import './settings.css';

const FIELD_IDS = { currentPassword: 'settings-current-password', ...newPasswordFieldIds('settings') };

/** パスワードの変更 (I11): the current password, then the new one twice. */
export function PasswordChangeForm({ patronNumber }: { patronNumber: string }) {
  const t = useT(settingsJa, accountJa, registrationCatalogJa);
  const change = useChangePassword();
  const errors = useFormErrors(FIELD_IDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const input = { currentPassword: textOf(data, 'currentPassword'), ...newPasswordInput(data) };
    // Birth date and phone are not known here; the BFF checks those too.
    const parsed = passwordChangeSchema(await newPasswordOptions({ patronNumber })).safeParse(input);
    await errors.submit(parsed, async (body) => {
      await change.mutateAsync(body);
      formElement.reset();
      errors.succeed({ key: 'settings.passwordDone' });
    });
  }

  return (
    <FormPanel
      id="password-change-heading"
      heading={t('settings.passwordHeading')}
      errors={errors}
      withStatus
      onSubmit={handleSubmit}
      pending={change.isPending}
      submit={t('settings.changePassword')}
      submitting={t('settings.changing')}
    >
      <input type="text" name="username" autoComplete="username" value={patronNumber} readOnly hidden />
      <Field
        {...errors.field('currentPassword')}
        label={t('settings.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
      />
      <NewPasswordFields
        idPrefix="settings"
        label={t('account.newPassword')}
        hintKey="settings.newPasswordHint"
        errors={errors.fields}
      />
    </FormPanel>
  );
}
