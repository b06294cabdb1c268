import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { commonJa } from '../../i18n/ja/common.ts';
import { useT } from '../../lib/i18n.ts';

/** The history entry whose heading was last shown; none yet on the app's first page. */
let shownKey: string | undefined;

/**
 * The page's main heading. On every route change focus moves here (so screen readers
 * announce the new page) and the document title follows, in the language on screen.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const t = useT(commonJa);
  const site = t('layout.site');
  useEffect(() => {
    document.title = `${title} | ${site}`;
    // Leave the focus alone on the app's first page (a load or a reload, whose history entry
    // keeps its key); move it on every navigation, back and forward included.
    if (shownKey !== undefined && shownKey !== location.key) ref.current?.focus();
    shownKey = location.key;
  }, [location.key, title, site]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
