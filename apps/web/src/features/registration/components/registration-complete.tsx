import { DonePanel } from '../../../components/ui/done-panel.tsx';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { useT } from '../../../lib/i18n.ts';
import './registration.css';

/** ⑤ 利用者登録完了: what happened, where the mail went, and the way to log in. */
export function RegistrationComplete({ mailTo, loginPath }: { mailTo?: string; loginPath: string }) {
  const t = useT(registrationJa);
  return (
    <DonePanel
      id="complete-heading"
      heading={t('reg.complete')}
      done={t('reg.completed')}
      loginPath={loginPath}
    >
      {mailTo ? (
        <p>
          {t('reg.mailSentBefore')}
          <span className="mail-address">{mailTo}</span>
          {t('reg.mailSentAfter')}
        </p>
      ) : null}
    </DonePanel>
  );
}
