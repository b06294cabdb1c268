import { Link } from 'wouter';
import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';

export interface Crumb {
  label: string;
  to?: string;
}

/** メインメニュー > 利用者ポータル > 貸出一覧 > 継続貸出, as in the guide. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const t = useT(commonJa);
  return (
    <nav aria-label={t('layout.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            // Labels can repeat (新規パスワード登録 > 新規パスワード登録, as in the guide).
            <li key={`${index}:${item.label}`}>
              {item.to && !last ? (
                <Link to={item.to}>{item.label}</Link>
              ) : (
                <span aria-current={last ? 'page' : undefined}>{item.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
