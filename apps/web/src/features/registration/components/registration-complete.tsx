import { Link } from 'wouter';
import { registrationJa } from '../../../i18n/ja/registration.ts';
import { useT } from '../../../lib/i18n.ts';
import './registration.css';

/** ⑤ 利用者登録完了: what happened, where the mail went, and the way to log in. */
export function RegistrationComplete({ mailTo, loginPath }: { mailTo?: string; loginPath: string }) {
  const t = useT(registrationJa);
  return (
    <section className="panel panel-narrow" aria-labelledby="complete-heading">
      <h2 id="complete-heading">{t('reg.complete')}</h2>
      <div className="alert alert-success" role="status">
        {t('reg.completed')}
      </div>
      {mailTo ? (
        <p>
          {t('reg.mailSentBefore')}
          <span className="mail-address">{mailTo}</span>
          {t('reg.mailSentAfter')}
        </p>
      ) : null}
      <p className="field-hint">{t('reg.libraryAddress')}</p>
      <div className="actions">
        <Link to={loginPath} className="button button-primary">
          {t('reg.toLoginScreen')}
        </Link>
      </div>
    </section>
  );
}
