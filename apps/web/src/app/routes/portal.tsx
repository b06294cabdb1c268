import { Link } from 'wouter';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { BlockNotice } from '../../components/ui/block-notice.tsx';
import { paths } from '../../config/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { RequireSession } from '../../features/auth/components/require-session.tsx';
import { LibraryCalendar } from '../../features/calendar/components/library-calendar.tsx';
import { LoanSummary } from '../../features/portal/components/loan-summary.tsx';
import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';

function Portal() {
  const me = useMe().data!;
  const t = useT(commonJa);
  return (
    <>
      <p className="lead">{t('portal.lead', { name: me.patron.name })}</p>
      {me.blocked ? <BlockNotice blocked={me.blocked} message={me.blockMessage} advice={false} /> : null}
      <LibraryCalendar />
      <section className="panel" aria-labelledby="loan-status-heading">
        <h2 id="loan-status-heading">
          <Link to={paths.loans}>{t('portal.loanStatus')}</Link>
        </h2>
        <LoanSummary loans={me.loans} />
        <p>
          <Link to={paths.loans}>{t('portal.toLoans')}</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('portal.settingsHeading')}</h2>
        <p>
          <Link to={paths.settings}>{t('portal.settings')}</Link>
          {t('portal.settingsWhat')}
        </p>
      </section>
    </>
  );
}

export function Component() {
  const t = useT(commonJa);
  return (
    <>
      <Breadcrumbs items={[{ label: t('home.title'), to: paths.home }, { label: t('portal.title') }]} />
      <PageTitle title={t('portal.title')}>{t('portal.title')}</PageTitle>
      <RequireSession>
        <Portal />
      </RequireSession>
    </>
  );
}
