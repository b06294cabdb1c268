import {
  type PasswordContext,
  passwordResetCompleteSchema,
  registrationCatalogJa,
} from '@library/domain/registration';
import { Link } from 'wouter';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import {
  NewPasswordFields,
  newPasswordFieldIds,
  newPasswordInput,
} from '../../../components/ui/password-fields.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { newPasswordOptions } from '../../../lib/common-passwords.ts';
import { useT } from '../../../lib/i18n.ts';
import { useForm } from '../../../lib/use-form.ts';
import { useCompleteReset } from '../api/complete-reset.ts';

// A broken link (no token in it) is not the patron's typing: its message heads the summary, unlinked.
const FIELD_IDS = { resetToken: undefined, ...newPasswordFieldIds('reset') };

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
  const form = useForm(FIELD_IDS, {
    parse: async (data) =>
      passwordResetCompleteSchema(await newPasswordOptions(context)).safeParse({
        resetToken,
        ...newPasswordInput(data),
      }),
    async send(body) {
      await complete.mutateAsync(body);
      onReset();
    },
  });

  return (
    <FormPanel
      id="reset-password-heading"
      heading={t('reset.passwordHeading')}
      intro={<p>{t('reset.passwordIntro')}</p>}
      form={form}
      submit={t('reset.submit')}
      submitting={t('account.registering')}
    >
      {form.message?.code === 'token_expired' || form.fields.resetToken ? (
        <p>
          <Link to={restartPath}>{t('reset.restart')}</Link>
        </p>
      ) : null}
      <NewPasswordFields
        idPrefix="reset"
        label={t('account.newPassword')}
        patronNumber={context.patronNumber}
        errors={form.fields}
      />
      <p className="field-hint">{t('reset.passwordNote')}</p>
    </FormPanel>
  );
}
