import { Link } from 'react-router-dom';
import { LIBRARY_ADDRESS_NOTE } from './reset-texts.ts';

/** The way by identity, offered beside the mail form on /password-reset. */
export function IdentityOption({ identityPath }: { identityPath: string }) {
  return (
    <section className="panel panel-narrow" aria-labelledby="reset-identity-option-heading">
      <h2 id="reset-identity-option-heading">本人確認で再設定</h2>
      <p>
        メールアドレスを登録されていない方は、利用者番号・氏名・生年月日・電話番号で本人確認をして、新しいパスワードを登録できます。
      </p>
      <p>
        <Link to={identityPath}>本人確認で再設定する</Link>
      </p>
    </section>
  );
}

/** 「メールを送信しました」: the same page whatever the number was (no enumeration). */
export function ResetMailSent({
  identityPath,
  validMinutes,
}: {
  identityPath: string;
  validMinutes: number;
}) {
  return (
    <section className="panel panel-narrow" aria-labelledby="reset-sent-heading">
      <h2 id="reset-sent-heading">メールを送信しました</h2>
      <div className="alert alert-success" role="status">
        入力された利用者番号にメールアドレスが登録されている場合は、パスワード再設定用のリンクを記載したメールを送信しました。
      </div>
      <p>
        メールのリンクを開いて、新しいパスワードを登録してください。リンクの有効期限は{validMinutes}
        分で、1回だけ使えます。
      </p>
      <p>
        メールが届かない場合は、<Link to={identityPath}>本人確認で再設定</Link>
        するか、図書館カウンターにお問い合わせください。
      </p>
      <p className="field-hint">{LIBRARY_ADDRESS_NOTE}</p>
    </section>
  );
}

/** 再設定完了: what happened, and the way to log in. */
export function ResetComplete({ loginPath }: { loginPath: string }) {
  return (
    <section className="panel panel-narrow" aria-labelledby="reset-complete-heading">
      <h2 id="reset-complete-heading">再設定完了</h2>
      <div className="alert alert-success" role="status">
        パスワードの再設定が完了しました。
      </div>
      <p>ほかの端末でのログインはすべて終了しました。新しいパスワードでログインしてください。</p>
      <p>
        メールアドレスが登録されている場合は、柳川市立図書館から「パスワード再設定のお知らせ」のメールをお送りします。
      </p>
      <p className="field-hint">{LIBRARY_ADDRESS_NOTE}</p>
      <div className="actions">
        <Link to={loginPath} className="button button-primary">
          ログイン画面へ
        </Link>
      </div>
    </section>
  );
}

/**
 * SIP2 `ils` password mode (docs/product.md §9, §11): the PIN is the library system's, so these pages
 * only say where it is changed.
 */
export function PinManagedNotice({ loginPath }: { loginPath: string }) {
  return (
    <section className="panel panel-narrow" aria-labelledby="reset-pin-heading">
      <h2 id="reset-pin-heading">パスワード（暗証番号）について</h2>
      <p>
        パスワード（暗証番号）は図書館で管理しています。忘れた場合や変更したい場合は、図書館利用カードをお持ちのうえ、図書館カウンターでお手続きください。
      </p>
      <div className="actions">
        <Link to={loginPath} className="button">
          ログイン画面へ
        </Link>
      </div>
    </section>
  );
}
