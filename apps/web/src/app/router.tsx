import { type ComponentType, lazy, startTransition, useEffect, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { paths } from '../config/paths.ts';
import { useSession } from '../features/auth/api/get-session.ts';
import { AppLayout } from './app-layout.tsx';
import { PageSwitch, type RoutedPage } from './page-switch.tsx';

type RouteModule = Record<string, ComponentType>;

/** A route's page, loaded with its chunk the first time it is shown. */
function page(load: () => Promise<RouteModule>, name = 'Component') {
  return lazy(() => load().then((m) => ({ default: m[name]! })));
}

const ADDRESS_EVENTS = ['popstate', 'pushState', 'replaceState'] as const;
const readPath = () => window.location.pathname;
const readSearch = () => window.location.search;

/**
 * A part of the browser's address, updated in a transition: a navigation (wouter's `navigate`,
 * whose pushState/replaceState it reports as events, or Back/Forward) renders the next page in
 * the background, so the page on screen stays, untouched, until the next one's chunk is there
 * (AppLayout's <Suspense> shows nothing only on the very first load), as React Router's
 * navigations did. The page being left is not rendered again meanwhile, so a query that a
 * logout has just cleared is not asked for once more.
 */
function useAddressPart(read: () => string): string {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => startTransition(() => setValue(read()));
    for (const type of ADDRESS_EVENTS) addEventListener(type, update);
    update();
    return () => {
      for (const type of ADDRESS_EVENTS) removeEventListener(type, update);
    };
  }, [read]);
  return value;
}

/** wouter's location hook (<Router hook> in main.tsx): the path, and wouter's own navigate. */
export function useTransitionLocation(): [string, typeof navigate] {
  return [useAddressPart(readPath), navigate];
}

/** wouter's search hook (<Router searchHook>): the query string, as the path. */
export function useTransitionSearch(): string {
  return useAddressPart(readSearch);
}

/**
 * Each route is its own chunk, so the login page downloads only what it needs. (The table's
 * `path: paths.x, lazy: () => import(…)` shape is what scripts/bundle-budget.mjs reads.)
 */
const routes = [
  { path: paths.home, lazy: () => import('./routes/home.tsx') },
  { path: paths.login, lazy: () => import('./routes/login.tsx') },
  { path: paths.portal, lazy: () => import('./routes/portal.tsx') },
  { path: paths.loans, lazy: () => import('./routes/loans.tsx') },
  { path: paths.settings, lazy: () => import('./routes/settings.tsx') },
].map((route): RoutedPage => [route.path, page(route.lazy)]);

const NotFound = page(() => import('./routes/not-found.tsx'));

/** A flow's root path and every path below it. */
const below = (root: string) => new RegExp(`^${root}(?:/.*)?$`);

// Each flow is one chunk with its steps (its route module's <PageSwitch>), whose state stays in
// its root's memory between them.
const registration = { path: paths.registration, lazy: () => import('./routes/registration.tsx') };
const Registration = page(registration.lazy);
const passwordReset = { path: paths.passwordReset, lazy: () => import('./routes/password-reset.tsx') };
const PasswordResetRoot = lazy(() => passwordReset.lazy().then((m) => ({ default: m.Component })));

/**
 * パスワードを忘れた方 as the server's password mode allows: in SIP2 `ils` mode (GET /api/session's
 * `passwordMode`) every page is the notice that the PIN is managed at the library counter.
 */
function PasswordReset() {
  const session = useSession();
  if (session.isPending) return null;
  return <PasswordResetRoot pinManagedByIls={session.data?.passwordMode === 'ils'} />;
}

/**
 * The SPA's routes with wouter (ADR 0021; it replaced React Router's declarative mode, ADR 0005):
 * the app uses no loaders or actions (its data comes from TanStack Query), and wouter costs
 * ≈ 3 KB gz where React Router cost ≈ 14. Paths are absolute (config/paths.ts); the first match wins.
 */
export function AppRoutes() {
  return (
    <AppLayout>
      <PageSwitch
        pages={[
          ...routes,
          [below(registration.path), Registration],
          [below(passwordReset.path), PasswordReset],
        ]}
        fallback={<NotFound />}
      />
    </AppLayout>
  );
}
