import { Link } from 'wouter';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';

export function Component() {
  const t = useT(commonJa);
  return (
    <>
      <Breadcrumbs items={[{ label: t('home.title') }]} />
      <PageTitle title={t('home.title')}>{t('layout.library')}</PageTitle>
      <section className="panel">
        <h2>{t('home.serviceHeading')}</h2>
        <p>{t('home.serviceText')}</p>
        <p className="notice">
          <strong>{t('home.once')}</strong>
        </p>
        <div className="actions">
          <Link to={paths.login} className="button button-primary">
            {t('layout.login')}
          </Link>
        </div>
      </section>
      <section className="panel">
        <h2>{t('home.firstTime')}</h2>
        <p>{t('home.registrationNeeded')}</p>
        <p>
          <Link to={paths.registration}>{t('home.registration')}</Link>
        </p>
      </section>
    </>
  );
}
