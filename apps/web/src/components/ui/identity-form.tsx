import { PATRON_NUMBER_LENGTH, plainDateInTokyo } from '@library/domain';
import {
  type RegistrationVerifyInput,
  registrationCatalogJa,
  registrationVerifySchema,
} from '@library/domain/registration';
import type { ReactNode } from 'react';
import { accountJa } from '../../i18n/ja/account.ts';
import { commonJa } from '../../i18n/ja/common.ts';
import { textOf } from '../../lib/form-data.ts';
import { useT } from '../../lib/i18n.ts';
import { useForm } from '../../lib/use-form.ts';
import { Field } from './field.tsx';
import { FormPanel } from './form-panel.tsx';
import { PhoneFields } from './phone-fields.tsx';

type IdentityField = 'patronNumber' | 'name' | 'birthDate' | 'phone';

/** The inputs' ids (`${idPrefix}-patron-number`…), in the order of the form: for `useForm`. */
function identityFieldIds(idPrefix: string): Record<IdentityField, string> {
  return {
    patronNumber: `${idPrefix}-patron-number`,
    name: `${idPrefix}-name`,
    birthDate: `${idPrefix}-birth-date`,
    phone: `${idPrefix}-phone-1`,
  };
}

/** What the fields hold, in the shape the identity schemas (I6) read. */
function identityInput(data: FormData) {
  const text = (name: string) => textOf(data, name);
  return {
    patronNumber: text('patronNumber'),
    name: text('name'),
    birthDate: text('birthDate'),
    phone: [text('phone1'), text('phone2'), text('phone3')],
  };
}

/** What was typed, normalised: the password rules of the next step check against it (I8). */
export interface VerifiedIdentity {
  patronNumber: string;
  birthDate: string;
  phone: string;
}

interface IdentityFormProps<R> {
  /** `reg` or `reset`: the ids of the inputs (`reg-patron-number`…). */
  idPrefix: string;
  heading: string;
  intro: string;
  failedTitle: string;
  submit: string;
  /**
   * The request (a mutation's `mutateAsync`). It is sent the schema's
   * output, the whole phone number in the first of the three fields (one of the forms I4 accepts).
   */
  verify: (body: RegistrationVerifyInput) => Promise<R>;
  onVerified: (result: R, identity: VerifiedIdentity) => void;
  /** What to offer under the summary for an API error code (e.g. the way to log in). */
  offer?: (code: string | undefined) => ReactNode;
}

/**
 * 本人確認 (I6): 新規パスワード登録 step 1 and パスワードを忘れた方 by identity ask the same four
 * fields and check them with the BFF's own schema, bounded by the browser's Tokyo date (the BFF
 * checks again with its own).
 */
export function IdentityForm<R>({
  idPrefix,
  heading,
  intro,
  failedTitle,
  submit,
  verify,
  onVerified,
  offer,
}: IdentityFormProps<R>) {
  const t = useT(accountJa, registrationCatalogJa);
  const form = useForm(identityFieldIds(idPrefix), {
    parse: (data) => registrationVerifySchema(plainDateInTokyo(new Date())).safeParse(identityInput(data)),
    async send(identity) {
      const { patronNumber, birthDate, phone } = identity;
      onVerified(await verify({ ...identity, phone: [phone] }), { patronNumber, birthDate, phone });
    },
  });

  const id = `${idPrefix}-identity-heading`;
  return (
    <FormPanel
      id={id}
      heading={heading}
      intro={
        <p>
          {intro}
          <br />
          {t('account.enterDetails')}
        </p>
      }
      form={form}
      failedTitle={failedTitle}
      submit={submit}
      submitting={t('account.verifying')}
    >
      {form.message ? offer?.(form.message.code) : null}
      <IdentityFields idPrefix={idPrefix} errors={form.fields} />
    </FormPanel>
  );
}

/** 利用者番号, 氏名, 生年月日 and 電話番号: the guide's four fields of 新規パスワード登録 step 1. */
function IdentityFields({
  idPrefix,
  errors,
}: {
  idPrefix: string;
  errors: Partial<Record<IdentityField, string>>;
}) {
  const t = useT(commonJa, accountJa);
  const ids = identityFieldIds(idPrefix);
  const fields = [
    {
      name: 'patronNumber',
      label: t('loginPage.patronNumber'),
      hint: t('account.patronNumberHint', { length: PATRON_NUMBER_LENGTH }),
      inputMode: 'numeric',
      autoComplete: 'username',
    },
    { name: 'name', label: t('account.name'), hint: t('account.nameHint'), autoComplete: 'off' },
    {
      name: 'birthDate',
      label: t('account.birthDate'),
      hint: t('account.birthDateHint'),
      inputMode: 'numeric',
      autoComplete: 'bday',
      maxLength: 10,
    },
  ] as const;
  return (
    <>
      {fields.map(({ name, ...input }) => (
        <Field key={name} id={ids[name]} name={name} error={errors[name]} required {...input} />
      ))}
      <PhoneFields idPrefix={idPrefix} error={errors.phone} />
    </>
  );
}
