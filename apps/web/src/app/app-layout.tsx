import { type ReactNode, Suspense, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { LanguageSwitch } from '../components/layout/language-switch.tsx';
import { OfflineNotice } from '../components/layout/offline-notice.tsx';
import { UpdateBanner } from '../components/layout/update-banner.tsx';
import { paths } from '../config/paths.ts';
import { useSession } from '../features/auth/api/get-session.ts';
import { useSaveLanguage } from '../features/auth/api/language-preference.ts';
import { useLogout } from '../features/auth/api/logout.ts';
import { languageSaved } from '../features/settings/api/notification-preferences.ts';
import { commonJa } from '../i18n/ja/common.ts';
import { hasStoredLanguage, setLanguage, useT } from '../lib/i18n.ts';

/**
 * The frame of every page (in app/, as it uses the auth feature's session and logout):
 * header with the library's name, 日本語 / English and ログイン / ログアウト on the right, as on
 * the library's site.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const t = useT(commonJa);
  // Signed in while the session probe's last answer named a patron, also when its refresh
  // failed (offline); a 401 anywhere removes the data, the probe asks again, and ログイン comes back.
  const patron = useSession().data?.patron;
  const signedIn = Boolean(patron);
  const logout = useLogout();
  // The switch saves the language alone; the cached お知らせの設定 then says it too.
  const saveLanguage = useSaveLanguage(languageSaved);
  const [, navigate] = useLocation();

  // On a device without a choice of its own, a signed-in patron gets the language saved on the
  // server (the session answer names it).
  const savedLanguage = patron?.language;
  useEffect(() => {
    if (savedLanguage && !hasStoredLanguage()) void setLanguage(savedLanguage);
  }, [savedLanguage]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipLink')}
      </a>
      <header className="site-header">
        <UpdateBanner />
        <div className="site-header-inner">
          <Link to={paths.home} className="site-name">
            {t('layout.library')}
            <span className="site-sub">{t('layout.service')}</span>
          </Link>
          <div className="site-tools">
            <LanguageSwitch
              label={t('layout.language')}
              onChange={(lang) => {
                if (signedIn) void saveLanguage(lang);
              }}
            />
            <nav aria-label={t('layout.account')} className="site-account">
              {signedIn ? (
                <button
                  type="button"
                  className="button button-header"
                  disabled={logout.isPending}
                  onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.home) })}
                >
                  {t('layout.logout')}
                </button>
              ) : (
                <Link to={paths.login} className="button button-header">
                  {t('layout.login')}
                </Link>
              )}
            </nav>
          </div>
        </div>
      </header>
      <main id="main" className="site-main">
        <OfflineNotice />
        {/* Only while the first page's chunk loads: later navigations keep the old page meanwhile. */}
        <Suspense fallback={<div className="page-pending" />}>{children}</Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
