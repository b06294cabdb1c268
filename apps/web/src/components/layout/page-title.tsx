import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';

/** The address (path and query) whose heading was last shown; none yet on the app's first page. */
let shownAddress: string | undefined;

/**
 * The page's main heading. On every route change focus moves here (so screen readers
 * announce the new page) and the document title follows, in the language on screen.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [pathname] = useLocation();
  const address = `${pathname}?${useSearch()}`;
  const t = useT(commonJa);
  const site = t('layout.site');
  useEffect(() => {
    document.title = `${title} | ${site}`;
    // Leave the focus alone on the app's first page (a load or a reload); move it on every
    // navigation to another address, back and forward included.
    if (shownAddress !== undefined && shownAddress !== address) ref.current?.focus();
    shownAddress = address;
  }, [address, title, site]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
