import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

const SITE = '柳川市立図書館 貸出延長サービス';

/** The history entry whose heading was last shown; none yet on the app's first page. */
let shownKey: string | undefined;

/**
 * The page's main heading. On every route change focus moves here (so screen readers
 * announce the new page) and the document title follows.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} | ${SITE}`;
    // Leave the focus alone on the app's first page (a load or a reload, whose history entry
    // keeps its key); move it on every navigation, back and forward included.
    if (shownKey !== undefined && shownKey !== location.key) ref.current?.focus();
    shownKey = location.key;
  }, [location.key, title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
