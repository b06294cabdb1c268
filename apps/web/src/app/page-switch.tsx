import type { ComponentType, ReactNode } from 'react';
import { Route, Switch } from 'wouter';

/** A row of a route table: the path it matches (config/paths.ts, or a pattern) and its page. */
export type RoutedPage = readonly [path: string | RegExp, Page: ComponentType];

/**
 * A wouter `<Switch>` built from a route table: one `<Route>` a row, in order (the first match
 * wins), then `fallback` (when given) for a path that matched none.
 */
export function PageSwitch({ pages, fallback }: { pages: readonly RoutedPage[]; fallback?: ReactNode }) {
  return (
    <Switch>
      {pages.map(([path, Page]) => (
        <Route key={String(path)} path={path}>
          <Page />
        </Route>
      ))}
      {fallback === undefined ? null : <Route>{fallback}</Route>}
    </Switch>
  );
}
