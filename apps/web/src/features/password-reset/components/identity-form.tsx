import { Link } from 'wouter';
import {
  IdentityForm as IdentityCheck,
  type VerifiedIdentity,
} from '../../../components/ui/identity-form.tsx';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { useT } from '../../../lib/i18n.ts';
import { useVerifyResetIdentity } from '../api/verify-reset-identity.ts';

export interface VerifiedForReset extends VerifiedIdentity {
  resetToken: string;
}

interface Props {
  registrationPath: string;
  onVerified: (verified: VerifiedForReset) => void;
}

/** 本人確認で再設定: the four fields of 新規パスワード登録 step 1, with the BFF's own schema. */
export function IdentityForm({ registrationPath, onVerified }: Props) {
  const t = useT(passwordResetJa);
  const verify = useVerifyResetIdentity();
  return (
    <IdentityCheck
      idPrefix="reset"
      heading={t('reset.identityHeading')}
      intro={t('reset.identityIntro1')}
      failedTitle={t('reset.identityFailed')}
      submit={t('reset.verify')}
      verify={verify.mutateAsync}
      onVerified={({ resetToken }, identity) => onVerified({ resetToken, ...identity })}
      offer={(code) =>
        code === 'not_registered' ? (
          <p>
            <Link to={registrationPath}>{t('reset.toRegistration')}</Link>
          </p>
        ) : null
      }
    />
  );
}
