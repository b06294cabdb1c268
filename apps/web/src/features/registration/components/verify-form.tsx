import { Link } from 'wouter';
import { IdentityForm, type VerifiedIdentity } from '../../../components/ui/identity-form.tsx';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { useT } from '../../../lib/i18n.ts';
import { useVerifyIdentity, type VerifyIdentityResult } from '../api/verify-identity.ts';
import './registration.css';

export interface VerifiedPatron extends VerifyIdentityResult, VerifiedIdentity {}

interface Props {
  loginPath: string;
  /** パスワードを忘れた方: offered to a patron who is already registered. */
  passwordResetPath: string;
  onVerified: (patron: VerifiedPatron) => void;
}

/** 利用者の認証 (step 1): the guide's four fields, validated with the BFF's own schema. */
export function VerifyForm({ loginPath, passwordResetPath, onVerified }: Props) {
  const t = useT(registrationJa);
  const verify = useVerifyIdentity();
  return (
    <IdentityForm
      idPrefix="reg"
      heading={t('reg.verifyHeading')}
      intro={t('reg.verifyIntro1')}
      failedTitle={t('reg.verifyFailed')}
      submit={t('reg.verify')}
      verify={verify.mutateAsync}
      onVerified={(result, identity) => onVerified({ ...result, ...identity })}
      offer={(code) =>
        code === 'already_registered' ? (
          <p>
            <Link to={loginPath}>{t('reg.toLogin')}</Link>
            {' ／ '}
            <Link to={passwordResetPath}>{t('loginPage.forgotPassword')}</Link>
          </p>
        ) : null
      }
    />
  );
}
