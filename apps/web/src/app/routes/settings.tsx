import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { RequireSession } from '../../features/auth/components/require-session.tsx';
import { EmailChangeForm } from '../../features/settings/components/email-change-form.tsx';
import { PasswordChangeForm } from '../../features/settings/components/password-change-form.tsx';
import { commonJa } from '../../i18n/ja/common.ts';
import { settingsJa } from '../../i18n/ja/settings.ts';
import { useT } from '../../lib/i18n.ts';

function Settings() {
  const me = useMe().data!;
  const t = useT(settingsJa);
  return (
    <>
      <p>{t('settings.intro')}</p>
      <PasswordChangeForm patronNumber={me.patron.number} />
      <EmailChangeForm currentEmail={me.patron.email} />
    </>
  );
}

/** 利用者情報変更 (SPEC screen 8), reached from the portal's 利用者情報設定. */
export function Component() {
  const t = useT(commonJa, settingsJa);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('home.title'), to: paths.home },
          { label: t('portal.title'), to: paths.portal },
          { label: t('settings.title') },
        ]}
      />
      <PageTitle title={t('settings.title')}>{t('settings.title')}</PageTitle>
      <RequireSession>
        <Settings />
      </RequireSession>
    </>
  );
}
