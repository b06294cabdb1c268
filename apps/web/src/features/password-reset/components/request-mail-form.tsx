import { PATRON_NUMBER_LENGTH } from '@library/domain';
import { passwordResetRequestSchema } from '@library/domain/registration';
import { Field } from '../../../components/ui/field.tsx';
import { FormPanel } from '../../../components/ui/form-panel.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { textOf } from '../../../lib/form-data.ts';
import { useT } from '../../../lib/i18n.ts';
import { useForm } from '../../../lib/use-form.ts';
import { useRequestResetMail } from '../api/request-reset-mail.ts';

const FIELD_IDS = { patronNumber: 'reset-mail-patron-number' };

/** メールで再設定: the number only; the same answer follows whether or not it has an address. */
export function RequestMailForm({ onSent }: { onSent: () => void }) {
  const t = useT(passwordResetJa, accountJa);
  const request = useRequestResetMail();
  const form = useForm(FIELD_IDS, {
    parse: (data) => passwordResetRequestSchema.safeParse({ patronNumber: textOf(data, 'patronNumber') }),
    async send(body) {
      await request.mutateAsync(body);
      onSent();
    },
  });

  return (
    <FormPanel
      id="reset-mail-heading"
      heading={t('reset.mailHeading')}
      intro={<p>{t('reset.mailIntro')}</p>}
      form={form}
      submit={t('reset.send')}
      submitting={t('reset.sending')}
    >
      <Field
        {...form.field('patronNumber')}
        label={t('loginPage.patronNumber')}
        hint={t('reset.mailPatronNumberHint', {
          digits: t('account.patronNumberHint', { length: PATRON_NUMBER_LENGTH }),
        })}
        inputMode="numeric"
        autoComplete="username"
        required
      />
    </FormPanel>
  );
}
