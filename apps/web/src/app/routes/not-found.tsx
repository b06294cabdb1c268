import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';

export function Component() {
  return (
    <>
      <PageTitle title="ページが見つかりません">ページが見つかりません</PageTitle>
      <p>お探しのページは見つかりませんでした。</p>
      <p>
        <Link to={paths.home}>メインメニューへ戻る</Link>
      </p>
    </>
  );
}
