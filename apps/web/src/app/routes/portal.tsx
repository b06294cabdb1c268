import { Link } from 'react-router-dom';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { BlockNotice } from '../../components/ui/block-notice.tsx';
import { paths } from '../../config/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { RequireSession } from '../../features/auth/components/require-session.tsx';
import { LibraryCalendar } from '../../features/calendar/components/library-calendar.tsx';
import { LoanSummary } from '../../features/portal/components/loan-summary.tsx';

function Portal() {
  const me = useMe().data!;
  return (
    <>
      <p className="lead">{me.patron.name} さん、あなたの図書館利用状況です。</p>
      {me.blocked ? <BlockNotice blocked={me.blocked} message={me.blockMessage} advice={false} /> : null}
      <LibraryCalendar />
      <section className="panel" aria-labelledby="loan-status-heading">
        <h2 id="loan-status-heading">
          <Link to={paths.loans}>貸出状況</Link>
        </h2>
        <LoanSummary loans={me.loans} />
        <p>
          <Link to={paths.loans}>貸出一覧・貸出延長の手続きへ</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">利用者情報設定</h2>
        <p>
          <Link to={paths.settings}>利用者情報変更</Link>（パスワード・メールアドレスの変更）
        </p>
      </section>
    </>
  );
}

export function Component() {
  return (
    <>
      <Breadcrumbs items={[{ label: 'メインメニュー', to: paths.home }, { label: '利用者ポータル' }]} />
      <PageTitle title="利用者ポータル">利用者ポータル</PageTitle>
      <RequireSession>
        <Portal />
      </RequireSession>
    </>
  );
}
