import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { RequireSession } from '../../features/auth/components/require-session.tsx';
import { useNotificationPreferences } from '../../features/settings/api/notification-preferences.ts';
import { CalendarFeedPanel } from '../../features/settings/components/calendar-feed-panel.tsx';
import { EmailChangeForm } from '../../features/settings/components/email-change-form.tsx';
import { NotificationSettingsForm } from '../../features/settings/components/notification-settings-form.tsx';
import { PasswordChangeForm } from '../../features/settings/components/password-change-form.tsx';
import { disablePush, enablePush } from '../../lib/web-push.ts';

/**
 * The browser side of 「この端末にもプッシュ通知で知らせる」: switching it on in お知らせの設定 asks
 * the browser's permission and subscribes (lib/web-push.ts); off unsubscribes this browser. It is
 * the page's only push control.
 */
const webPushControl = { enable: enablePush, disable: disablePush };

function Notifications({ hasEmail }: { hasEmail: boolean }) {
  const prefs = useNotificationPreferences();
  if (prefs.isPending) {
    return (
      <p className="loading" role="status">
        お知らせの設定を読み込んでいます…
      </p>
    );
  }
  if (prefs.isError) {
    return (
      <div className="alert alert-error" role="alert">
        お知らせの設定を読み込めませんでした。{prefs.error.message}
      </div>
    );
  }
  // The form starts from the server's answer of this visit, never from the offline copy restored
  // at start-up (it can predate the last save by up to its write interval).
  if (!prefs.isFetchedAfterMount) {
    return (
      <p className="loading" role="status">
        お知らせの設定を読み込んでいます…
      </p>
    );
  }
  return <NotificationSettingsForm initial={prefs.data} hasEmail={hasEmail} push={webPushControl} />;
}

function Settings() {
  const me = useMe().data!;
  return (
    <>
      <p>
        パスワードとメールアドレスを変更できます。変更すると、登録されているメールアドレスに確認のメールが届きます。
        返却期限日のお知らせと、カレンダーへの返却期限日の表示もここで設定します。
      </p>
      <PasswordChangeForm patronNumber={me.patron.number} />
      <EmailChangeForm currentEmail={me.patron.email} />
      <Notifications hasEmail={me.patron.email !== null} />
      <CalendarFeedPanel />
    </>
  );
}

/** 利用者情報変更 (docs/product.md §5.8), reached from the portal's 利用者情報設定. */
export function Component() {
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'メインメニュー', to: paths.home },
          { label: '利用者ポータル', to: paths.portal },
          { label: '利用者情報変更' },
        ]}
      />
      <PageTitle title="利用者情報変更">利用者情報変更</PageTitle>
      <RequireSession>
        <Settings />
      </RequireSession>
    </>
  );
}
