import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { RequireSession } from '../../features/auth/components/require-session.tsx';
import { EmailChangeForm } from '../../features/settings/components/email-change-form.tsx';
import { PasswordChangeForm } from '../../features/settings/components/password-change-form.tsx';
import { PushSetting } from '../../features/settings/components/push-setting.tsx';

function Settings() {
  const me = useMe().data!;
  return (
    <>
      <p>
        パスワードとメールアドレスを変更できます。変更すると、登録されているメールアドレスに確認のメールが届きます。
      </p>
      <PasswordChangeForm patronNumber={me.patron.number} />
      <EmailChangeForm currentEmail={me.patron.email} />
      <PushSetting />
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
