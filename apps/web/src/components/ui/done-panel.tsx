import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { accountJa } from '../../i18n/ja/account.ts';
import { useT } from '../../lib/i18n.ts';
import { Panel } from './panel.tsx';

/**
 * The last page of 新規パスワード登録 and パスワードを忘れた方: what happened (announced), what
 * follows, the library's mail address, and the way to log in.
 */
export function DonePanel({
  id,
  heading,
  done,
  loginPath,
  children,
}: {
  id: string;
  heading: string;
  done: string;
  loginPath: string;
  children?: ReactNode;
}) {
  const t = useT(accountJa);
  return (
    <Panel id={id} heading={heading}>
      <div className="alert alert-success" role="status">
        {done}
      </div>
      {children}
      <p className="field-hint">{t('account.libraryAddress')}</p>
      <LoginLink loginPath={loginPath} primary />
    </Panel>
  );
}

/** 「ログイン画面へ」 as a button-like link, alone in its row of actions. */
export function LoginLink({ loginPath, primary }: { loginPath: string; primary?: boolean }) {
  const t = useT(accountJa);
  return (
    <div className="actions">
      <Link to={loginPath} className={primary ? 'button button-primary' : 'button'}>
        {t('account.toLoginScreen')}
      </Link>
    </div>
  );
}
