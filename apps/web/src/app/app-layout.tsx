import { Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { OfflineNotice } from '../components/layout/offline-notice.tsx';
import { UpdateBanner } from '../components/layout/update-banner.tsx';
import { paths } from '../config/paths.ts';
import { useSession } from '../features/auth/api/get-session.ts';
import { useLogout } from '../features/auth/api/logout.ts';

/**
 * The frame of every page (in app/, as it uses the auth feature's session and logout):
 * header with the library's name and ログイン / ログアウト on the right, as on the library's site.
 */
export function AppLayout() {
  // Signed in while the session probe's last answer named a patron, also when its refresh
  // failed (offline); a 401 anywhere removes the data, the probe asks again, and ログイン comes back.
  const signedIn = Boolean(useSession().data?.patron);
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="site-header">
        <UpdateBanner />
        <div className="site-header-inner">
          <Link to={paths.home} className="site-name">
            柳川市立図書館
            <span className="site-sub">貸出延長サービス</span>
          </Link>
          <nav aria-label="アカウント" className="site-account">
            {signedIn ? (
              <button
                type="button"
                className="button button-header"
                disabled={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.home) })}
              >
                ログアウト
              </button>
            ) : (
              <Link to={paths.login} className="button button-header">
                ログイン
              </Link>
            )}
          </nav>
        </div>
      </header>
      <main id="main" className="site-main">
        <OfflineNotice />
        {/* Only while the first page's chunk loads: later navigations keep the old page meanwhile. */}
        <Suspense fallback={<div className="page-pending" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>柳川市立図書館　〒832-0000 福岡県柳川市</p>
      </footer>
    </>
  );
}
