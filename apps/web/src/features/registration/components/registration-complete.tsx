import { Link } from 'react-router-dom';
import './registration.css';

/** ⑤ 利用者登録完了: what happened, where the mail went, and the way to log in. */
export function RegistrationComplete({ mailTo, loginPath }: { mailTo?: string; loginPath: string }) {
  return (
    <section className="panel panel-narrow" aria-labelledby="complete-heading">
      <h2 id="complete-heading">登録完了</h2>
      <div className="alert alert-success" role="status">
        新規パスワードの登録が完了しました。
      </div>
      {mailTo ? (
        <p>
          登録されたメールアドレス（<span className="mail-address">{mailTo}</span>
          ）に、柳川市立図書館から「パスワード申請受付」のメールをお送りします。
        </p>
      ) : null}
      <p className="field-hint">
        ※図書館のメールアドレスは、「library@city.yanagawa.lg.jp」です。このアドレスは送信専用アドレスのため、このアドレスへの送信はできません。
      </p>
      <div className="actions">
        <Link to={loginPath} className="button button-primary">
          ログイン画面へ
        </Link>
      </div>
    </section>
  );
}
