import {
  type PasswordContext,
  passwordResetCompleteSchema,
  registrationCatalogJa,
} from '@library/domain/registration';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import {
  NewPasswordFields,
  newPasswordFieldIds,
  newPasswordInput,
} from '../../../components/ui/password-fields.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { newPasswordOptions } from '../../../lib/common-passwords.ts';
import { fieldErrorsOf } from '../../../lib/form-data.ts';
import { useFormErrors } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useCompleteReset } from '../api/complete-reset.ts';

const FIELD_IDS = newPasswordFieldIds('reset');

interface Props {
  resetToken: string;
  /** The patron's details when known (after the identity check); the BFF always checks with its own. */
  context: PasswordContext;
  /** Where to start again when the link or token has expired or was used. */
  restartPath: string;
  onReset: () => void;
}

/** 新しいパスワードの登録: password twice, under I8 (the hints of 新規パスワード登録 step 2). */
export function NewPasswordForm({ resetToken, context, restartPath, onReset }: Props) {
  const t = useT(passwordResetJa, accountJa, registrationCatalogJa);
  const complete = useCompleteReset();
  const errors = useFormErrors(FIELD_IDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { resetToken, ...newPasswordInput(new FormData(event.currentTarget)) };
    const parsed = passwordResetCompleteSchema(await newPasswordOptions(context)).safeParse(input);
    if (!parsed.success) {
      const { resetToken: broken, ...fields } = fieldErrorsOf(parsed.error);
      // A broken link (no token in it) is not the patron's typing: say so once, above the form.
      return errors.show(fields, broken ? { message: broken, code: 'token_expired' } : undefined);
    }
    await errors.submit(parsed, async (body) => {
      await complete.mutateAsync(body);
      onReset();
    });
  }

  return (
    <FormPanel
      id="reset-password-heading"
      heading={t('reset.passwordHeading')}
      intro={<p>{t('reset.passwordIntro')}</p>}
      errors={errors}
      onSubmit={handleSubmit}
      pending={complete.isPending}
      submit={t('reset.submit')}
      submitting={t('account.registering')}
    >
      {errors.form?.code === 'token_expired' ? (
        <p>
          <Link to={restartPath}>{t('reset.restart')}</Link>
        </p>
      ) : null}
      <NewPasswordFields
        idPrefix="reset"
        label={t('account.newPassword')}
        patronNumber={context.patronNumber}
        errors={errors.fields}
      />
      <p className="field-hint">{t('reset.passwordNote')}</p>
    </FormPanel>
  );
}
