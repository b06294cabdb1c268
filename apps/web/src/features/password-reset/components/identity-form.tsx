import { plainDateInTokyo } from '@library/domain';
import {
  type PasswordResetVerifyInput,
  passwordResetVerifySchema,
  registrationCatalogJa,
} from '@library/domain/registration';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { PhoneFields } from '../../../components/ui/phone-fields.tsx';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useVerifyResetIdentity } from '../api/verify-reset-identity.ts';
import { SYSTEM_ERROR } from './reset-texts.ts';

type FieldName = 'patronNumber' | 'name' | 'birthDate' | 'phone';
const FIELD_IDS: Record<FieldName, string> = {
  patronNumber: 'reset-patron-number',
  name: 'reset-name',
  birthDate: 'reset-birth-date',
  phone: 'reset-phone-1',
};
const ORDER: FieldName[] = ['patronNumber', 'name', 'birthDate', 'phone'];

export interface VerifiedForReset {
  resetToken: string;
  /** What was typed, normalised: the new password is checked against it before sending. */
  patronNumber: string;
  birthDate: string;
  phone: string;
}

interface Props {
  registrationPath: string;
  onVerified: (verified: VerifiedForReset) => void;
}

/** 本人確認で再設定: the four fields of 新規パスワード登録 step 1, with the BFF's own schema. */
export function IdentityForm({ registrationPath, onVerified }: Props) {
  const t = useT(passwordResetJa, registrationJa, registrationCatalogJa);
  const verify = useVerifyResetIdentity();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<{ message: string; notRegistered?: boolean }>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);

  // Once the summary is on the page (an effect runs after the commit): the submit button was
  // disabled while waiting, which dropped the focus to the document, so give it to the summary.
  useEffect(() => {
    if (shown > 0) summaryRef.current?.focus();
  }, [shown]);

  function showErrors(fields: Partial<Record<FieldName, string>>, form?: typeof formError) {
    setFieldErrors(fields);
    setFormError(form);
    setShown((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: PasswordResetVerifyInput = {
      patronNumber: String(data.get('patronNumber') ?? ''),
      name: String(data.get('name') ?? ''),
      birthDate: String(data.get('birthDate') ?? ''),
      phone: [
        String(data.get('phone1') ?? ''),
        String(data.get('phone2') ?? ''),
        String(data.get('phone3') ?? ''),
      ],
    };
    // The browser's Tokyo date bounds the birth date here; the BFF checks again with its own.
    const parsed = passwordResetVerifySchema(plainDateInTokyo(new Date())).safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    try {
      const { resetToken } = await verify.mutateAsync(input);
      onVerified({
        resetToken,
        patronNumber: parsed.data.patronNumber,
        birthDate: parsed.data.birthDate,
        phone: parsed.data.phone,
      });
    } catch (error) {
      if (!(error instanceof ApiClientError)) showErrors({}, { message: SYSTEM_ERROR });
      else if (error.code === 'validation_failed')
        showErrors(error.fields as Partial<Record<FieldName, string>>);
      else showErrors({}, { message: error.message, notRegistered: error.code === 'not_registered' });
    }
  }

  const summary: SummaryError[] = [
    ...(formError ? [{ message: formError.message }] : []),
    ...ORDER.filter((name) => fieldErrors[name]).map((name) => ({
      fieldId: FIELD_IDS[name],
      message: fieldErrors[name]!,
    })),
  ];

  return (
    <section className="panel panel-narrow" aria-labelledby="reset-identity-heading">
      <h2 id="reset-identity-heading">{t('reset.identityHeading')}</h2>
      <p>
        {t('reset.identityIntro1')}
        <br />
        {t('reset.identityIntro2')}
      </p>
      <form className="form" noValidate onSubmit={handleSubmit} aria-labelledby="reset-identity-heading">
        <ErrorSummary
          ref={summaryRef}
          title={formError ? t('reset.identityFailed') : undefined}
          errors={summary}
        />
        {formError?.notRegistered ? (
          <p>
            <Link to={registrationPath}>{t('reset.toRegistration')}</Link>
          </p>
        ) : null}
        <Field
          id={FIELD_IDS.patronNumber}
          label={t('reg.patronNumber')}
          name="patronNumber"
          hint={t('reg.patronNumberHint')}
          inputMode="numeric"
          autoComplete="username"
          error={fieldErrors.patronNumber}
          required
        />
        <Field
          id={FIELD_IDS.name}
          label={t('reg.name')}
          name="name"
          hint={t('reg.nameHint')}
          autoComplete="off"
          error={fieldErrors.name}
          required
        />
        <Field
          id={FIELD_IDS.birthDate}
          label={t('reg.birthDate')}
          name="birthDate"
          hint={t('reg.birthDateHint')}
          inputMode="numeric"
          autoComplete="bday"
          maxLength={10}
          error={fieldErrors.birthDate}
          required
        />
        <PhoneFields idPrefix="reset" error={fieldErrors.phone} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={verify.isPending}>
            {verify.isPending ? t('reset.verifying') : t('reset.verify')}
          </button>
        </div>
      </form>
    </section>
  );
}
