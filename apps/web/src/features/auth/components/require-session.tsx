import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { Loading } from '../../../components/ui/loading.tsx';
import { paths } from '../../../config/paths.ts';
import { commonJa } from '../../../i18n/ja/common.ts';
import { ApiClientError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n.ts';
import { useMe } from '../api/get-me.ts';

/** Renders its children for a logged-in patron; otherwise sends them to 利用照会 and back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const [pathname] = useLocation();
  const search = useSearch();
  const t = useT(commonJa);
  if (me.error instanceof ApiClientError && me.error.status === 401) {
    const next = `${pathname}${search ? `?${search}` : ''}`;
    return <Redirect to={`${paths.login}?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isPending) {
    return <Loading text={t('layout.loading')} />;
  }
  // A failed refresh (offline, or the connection dropped as it came back) keeps the patron's
  // last data on screen, with the app's offline notice, rather than replacing the page by an error.
  if (me.isError && me.data === undefined) {
    return (
      <div className="alert alert-error" role="alert">
        {me.error.message}
      </div>
    );
  }
  return children;
}
