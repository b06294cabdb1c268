import { Link } from 'wouter';
import { DonePanel, LoginLink } from '../../../components/ui/done-panel.tsx';
import { Panel } from '../../../components/ui/panel.tsx';
import { accountJa } from '../../../i18n/ja/account.ts';
import { passwordResetJa } from '../../../i18n/ja/password-reset.ts';
import { useT } from '../../../lib/i18n.ts';

/** The way by identity, offered beside the mail form on /password-reset. */
export function IdentityOption({ identityPath }: { identityPath: string }) {
  const t = useT(passwordResetJa);
  return (
    <Panel id="reset-identity-option-heading" heading={t('reset.identityHeading')}>
      <p>{t('reset.identityOptionText')}</p>
      <p>
        <Link to={identityPath}>{t('reset.identityOptionLink')}</Link>
      </p>
    </Panel>
  );
}

/** 「メールを送信しました」: the same page whatever the number was (no enumeration). */
export function ResetMailSent({
  identityPath,
  validMinutes,
}: {
  identityPath: string;
  validMinutes: number;
}) {
  const t = useT(passwordResetJa, accountJa);
  return (
    <Panel id="reset-sent-heading" heading={t('reset.sentHeading')}>
      <div className="alert alert-success" role="status">
        {t('reset.sentText')}
      </div>
      <p>{t('reset.sentOpen', { minutes: validMinutes })}</p>
      <p>
        {t('reset.sentNoMailBefore')}
        <Link to={identityPath}>{t('reset.sentNoMailLink')}</Link>
        {t('reset.sentNoMailAfter')}
      </p>
      <p className="field-hint">{t('account.libraryAddress')}</p>
    </Panel>
  );
}

/** 再設定完了: what happened, and the way to log in. */
export function ResetComplete({ loginPath }: { loginPath: string }) {
  const t = useT(passwordResetJa);
  return (
    <DonePanel
      id="reset-complete-heading"
      heading={t('reset.doneHeading')}
      done={t('reset.done')}
      loginPath={loginPath}
    >
      <p>{t('reset.doneSessions')}</p>
      <p>{t('reset.doneMail')}</p>
    </DonePanel>
  );
}

/**
 * SIP2 `ils` password mode (docs/product.md §9, §11): the PIN is the library system's, so these pages
 * only say where it is changed.
 */
export function PinManagedNotice({ loginPath }: { loginPath: string }) {
  const t = useT(passwordResetJa);
  return (
    <Panel id="reset-pin-heading" heading={t('reset.pinHeading')}>
      <p>{t('reset.pinText')}</p>
      <LoginLink loginPath={loginPath} />
    </Panel>
  );
}
