import { Link, useLocation, useSearchParams } from 'wouter';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { useSession } from '../../features/auth/api/get-session.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';

/** Only paths inside the app are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : paths.portal;
}

export function Component() {
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  // SIP2 `ils` mode: the password is the ILS's PIN, so there is nothing to register or reset here.
  const pinManagedByIls = useSession().data?.passwordMode === 'ils';
  const t = useT(commonJa);
  return (
    <>
      <Breadcrumbs items={[{ label: t('home.title'), to: paths.home }, { label: t('loginPage.title') }]} />
      <PageTitle title={t('loginPage.title')}>{t('loginPage.title')}</PageTitle>
      <section className="panel panel-narrow">
        <p>{t('loginPage.intro')}</p>
        <LoginForm onSuccess={() => navigate(safeNext(params.get('next')), { replace: true })} />
        {pinManagedByIls ? (
          <p className="form-footer">{t('loginPage.pinManagedByIls')}</p>
        ) : (
          <>
            <p className="form-footer">
              {t('loginPage.notRegistered')} <Link to={paths.registration}>{t('home.registration')}</Link>
            </p>
            <p className="form-footer">
              {t('loginPage.forgotIntro')}{' '}
              <Link to={paths.passwordReset}>{t('loginPage.forgotPassword')}</Link>
            </p>
          </>
        )}
      </section>
    </>
  );
}
