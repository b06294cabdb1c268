import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';

/** Only paths inside the app are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : paths.portal;
}

export function Component() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <>
      <Breadcrumbs items={[{ label: 'メインメニュー', to: paths.home }, { label: '利用照会' }]} />
      <PageTitle title="利用照会">利用照会</PageTitle>
      <section className="panel panel-narrow">
        <p>利用者番号とパスワードを入力し、「ログインする」を押してください。</p>
        <LoginForm onSuccess={() => navigate(safeNext(params.get('next')), { replace: true })} />
        <p className="form-footer">
          パスワードを登録されていない方は <Link to={paths.registration}>新規パスワード登録</Link>
        </p>
        <p className="form-footer">
          パスワードがわからない方は <Link to={paths.passwordReset}>パスワードを忘れた方</Link>
        </p>
      </section>
    </>
  );
}
