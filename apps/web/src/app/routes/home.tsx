import { Link } from 'react-router-dom';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';

export function Component() {
  return (
    <>
      <Breadcrumbs items={[{ label: 'メインメニュー' }]} />
      <PageTitle title="メインメニュー">柳川市立図書館</PageTitle>
      <section className="panel">
        <h2>インターネットからの貸出期間延長サービス</h2>
        <p>
          借りている資料の貸出延長が、パソコンやスマートフォンからできます。当初の貸出期間内に手続きをすると、手続きをした日を含めて、本は15日間、雑誌・AV資料は8日間延長できます。
        </p>
        <p className="notice">
          <strong>貸出延長は資料1点につき1回限りです。</strong>
        </p>
        <div className="actions">
          <Link to={paths.login} className="button button-primary">
            ログイン
          </Link>
        </div>
      </section>
      <section className="panel">
        <h2>はじめてご利用になる方</h2>
        <p>ご利用には新規パスワードの登録が必要です。</p>
        <p>
          <Link to={paths.registration}>新規パスワード登録</Link>
        </p>
      </section>
    </>
  );
}
