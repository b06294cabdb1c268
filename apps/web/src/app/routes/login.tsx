import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { useSession } from '../../features/auth/api/get-session.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';

/** Only paths inside the app are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : paths.portal;
}

export function Component() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // SIP2 `ils` mode: the password is the ILS's PIN, so there is nothing to register or reset here.
  const pinManagedByIls = useSession().data?.passwordMode === 'ils';
  return (
    <>
      <Breadcrumbs items={[{ label: 'メインメニュー', to: paths.home }, { label: '利用照会' }]} />
      <PageTitle title="利用照会">利用照会</PageTitle>
      <section className="panel panel-narrow">
        <p>利用者番号とパスワードを入力し、「ログインする」を押してください。</p>
        <LoginForm onSuccess={() => navigate(safeNext(params.get('next')), { replace: true })} />
        {pinManagedByIls ? (
          <p className="form-footer">
            パスワード（暗証番号）は図書館カウンターで管理しているため、わからない場合は図書館利用カードをお持ちのうえ、カウンターでお手続きください。
          </p>
        ) : (
          <>
            <p className="form-footer">
              パスワードを登録されていない方は <Link to={paths.registration}>新規パスワード登録</Link>
            </p>
            <p className="form-footer">
              パスワードがわからない方は <Link to={paths.passwordReset}>パスワードを忘れた方</Link>
            </p>
          </>
        )}
      </section>
    </>
  );
}
