import { plainDateInTokyo } from '@library/domain';
import {
  type RegistrationVerifyInput,
  registrationCatalogJa,
  registrationVerifySchema,
} from '@library/domain/registration';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type SummaryError } from '../../../components/ui/error-summary.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { PhoneFields } from '../../../components/ui/phone-fields.tsx';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { fieldErrorsOf } from '../../../lib/form-errors.ts';
import { useT } from '../../../lib/i18n.ts';
import { useVerifyIdentity, type VerifyIdentityResult } from '../api/verify-identity.ts';
import './registration.css';

type FieldName = 'patronNumber' | 'name' | 'birthDate' | 'phone';
const FIELD_IDS: Record<FieldName, string> = {
  patronNumber: 'reg-patron-number',
  name: 'reg-name',
  birthDate: 'reg-birth-date',
  phone: 'reg-phone-1',
};
const ORDER: FieldName[] = ['patronNumber', 'name', 'birthDate', 'phone'];

export interface VerifiedPatron extends VerifyIdentityResult {
  /** What was typed, normalised: the password rules of step 2 check against it. */
  patronNumber: string;
  birthDate: string;
  phone: string;
}

interface Props {
  loginPath: string;
  /** パスワードを忘れた方: offered to a patron who is already registered. */
  passwordResetPath: string;
  onVerified: (patron: VerifiedPatron) => void;
}

/** 利用者の認証 (step 1): the guide's four fields, validated with the BFF's own schema. */
export function VerifyForm({ loginPath, passwordResetPath, onVerified }: Props) {
  const t = useT(registrationJa, registrationCatalogJa);
  const verify = useVerifyIdentity();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<{ message: string; alreadyRegistered?: boolean }>();
  const summaryRef = useRef<HTMLDivElement>(null);

  function showErrors(fields: Partial<Record<FieldName, string>>, form?: typeof formError) {
    setFieldErrors(fields);
    setFormError(form);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: RegistrationVerifyInput = {
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
    const parsed = registrationVerifySchema(plainDateInTokyo(new Date())).safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    try {
      const result = await verify.mutateAsync(input);
      onVerified({
        ...result,
        patronNumber: parsed.data.patronNumber,
        birthDate: parsed.data.birthDate,
        phone: parsed.data.phone,
      });
    } catch (error) {
      if (error instanceof ApiClientError) {
        if (error.code === 'validation_failed') {
          showErrors(error.fields as Partial<Record<FieldName, string>>);
        } else {
          showErrors({}, { message: error.message, alreadyRegistered: error.code === 'already_registered' });
        }
      } else {
        showErrors({}, { message: 'errors.internal_error' });
      }
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
    <section className="panel panel-narrow" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('reg.verifyHeading')}</h2>
      <p>
        {t('reg.verifyIntro1')}
        <br />
        {t('reg.verifyIntro2')}
      </p>
      <form
        className="form registration-form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="verify-heading"
      >
        <ErrorSummary
          ref={summaryRef}
          title={formError ? t('reg.verifyFailed') : undefined}
          errors={summary}
        />
        {formError?.alreadyRegistered ? (
          <p>
            <Link to={loginPath}>{t('reg.toLogin')}</Link>
            {' ／ '}
            <Link to={passwordResetPath}>{t('loginPage.forgotPassword')}</Link>
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
        <PhoneFields idPrefix="reg" error={fieldErrors.phone} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={verify.isPending}>
            {verify.isPending ? t('reg.verifying') : t('reg.verify')}
          </button>
        </div>
      </form>
    </section>
  );
}
