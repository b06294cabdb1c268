import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { paths } from '../../config/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useSession } from '../../features/auth/api/get-session.ts';
import { RequireSession } from '../../features/auth/components/require-session.tsx';
import { useNotificationPreferences } from '../../features/settings/api/notification-preferences.ts';
import { CalendarFeedPanel } from '../../features/settings/components/calendar-feed-panel.tsx';
import { EmailChangeForm } from '../../features/settings/components/email-change-form.tsx';
import { NotificationSettingsForm } from '../../features/settings/components/notification-settings-form.tsx';
import { PasswordChangeForm } from '../../features/settings/components/password-change-form.tsx';
import { commonJa } from '../../i18n/ja/common.ts';
import { settingsJa } from '../../i18n/ja/settings.ts';
import { useT } from '../../lib/i18n.ts';
import { disablePush, enablePush } from '../../lib/web-push.ts';

/**
 * The browser side of 「この端末にもプッシュ通知で知らせる」: switching it on in お知らせの設定 asks
 * the browser's permission and subscribes (lib/web-push.ts); off unsubscribes this browser. It is
 * the page's only push control.
 */
const webPushControl = { enable: enablePush, disable: disablePush };

function Notifications({ hasEmail }: { hasEmail: boolean }) {
  const t = useT(settingsJa);
  const prefs = useNotificationPreferences();
  // The form starts from the server's answer of this visit, never from the offline copy restored
  // at start-up (it can predate the last save by up to its write interval).
  if (prefs.isPending || (!prefs.isError && !prefs.isFetchedAfterMount)) {
    return <Loading text={t('settings.notificationsLoading')} />;
  }
  if (prefs.isError) {
    return (
      <div className="alert alert-error" role="alert">
        {t('settings.notificationsFailed')}
        {prefs.error.message}
      </div>
    );
  }
  return <NotificationSettingsForm initial={prefs.data} hasEmail={hasEmail} push={webPushControl} />;
}

function Settings() {
  const me = useMe().data!;
  const pinManagedByIls = useSession().data?.passwordMode === 'ils';
  const t = useT(settingsJa);
  return (
    <>
      <p>{t('settings.intro')}</p>
      {/* SIP2_PASSWORDS=ils: the password is the ILS's PIN, changed at the library counter. */}
      {pinManagedByIls ? null : <PasswordChangeForm patronNumber={me.patron.number} />}
      <EmailChangeForm currentEmail={me.patron.email} />
      <Notifications hasEmail={me.patron.email !== null} />
      <CalendarFeedPanel />
    </>
  );
}

/** 利用者情報変更 (docs/product.md §5.8), reached from the portal's 利用者情報設定. */
export function Component() {
  const t = useT(commonJa, settingsJa);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('home.title'), to: paths.home },
          { label: t('portal.title'), to: paths.portal },
          { label: t('portal.settings') },
        ]}
      />
      <PageTitle title={t('portal.settings')}>{t('portal.settings')}</PageTitle>
      <RequireSession>
        <Settings />
      </RequireSession>
    </>
  );
}
