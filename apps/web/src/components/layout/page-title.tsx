import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

const SITE = '柳川市立図書館 貸出延長サービス';

/**
 * The page's main heading. On every route change focus moves here (so screen readers
 * announce the new page) and the document title follows.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} | ${SITE}`;
    // Leave the first load's focus alone; move it on navigation.
    if (location.key !== 'default') ref.current?.focus();
  }, [location.key, title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
