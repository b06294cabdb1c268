import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { paths } from '../config/paths.ts';
import { useSession } from '../features/auth/api/get-session.ts';
import { AppLayout } from './app-layout.tsx';

type RouteModule = Record<string, ComponentType>;

/** A route's page, loaded with its chunk the first time it is shown. */
function page(load: () => Promise<RouteModule>, name = 'Component') {
  return lazy(() => load().then((m) => ({ default: m[name]! })));
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
  { path: '*', lazy: () => import('./routes/not-found.tsx') },
].map((route) => ({ path: route.path, Page: page(route.lazy) }));

// One chunk for the three steps; the token stays in the parent's memory between them.
const registration = { path: paths.registration, lazy: () => import('./routes/registration.tsx') };
const Registration = page(registration.lazy);
const VerifyStep = page(registration.lazy, 'VerifyStep');
const PasswordStep = page(registration.lazy, 'PasswordStep');
const CompleteStep = page(registration.lazy, 'CompleteStep');

// パスワードを忘れた方: one chunk for its pages; the identity path's token stays in the parent.
const passwordReset = { path: paths.passwordReset, lazy: () => import('./routes/password-reset.tsx') };
const PasswordResetRoot = lazy(() => passwordReset.lazy().then((m) => ({ default: m.Component })));
const ResetChooseStep = page(passwordReset.lazy, 'ChooseStep');
const ResetSentStep = page(passwordReset.lazy, 'SentStep');
const ResetIdentityStep = page(passwordReset.lazy, 'IdentityStep');
const ResetPasswordStep = page(passwordReset.lazy, 'PasswordStep');
const ResetCompleteStep = page(passwordReset.lazy, 'CompleteStep');

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
 * The SPA's routes, in React Router's declarative mode (<BrowserRouter> in main.tsx): the app
 * uses no loaders or actions, and the data router would add ≈ 17 KB gz to every page. A
 * navigation is a transition, so the page on screen stays until the next one's chunk is there
 * (AppLayout's <Suspense> shows nothing only on the very first load).
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {routes.map(({ path, Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path={registration.path} element={<Registration />}>
          <Route index element={<VerifyStep />} />
          <Route path={paths.registrationPassword} element={<PasswordStep />} />
          <Route path={paths.registrationComplete} element={<CompleteStep />} />
        </Route>
        <Route path={passwordReset.path} element={<PasswordReset />}>
          <Route index element={<ResetChooseStep />} />
          <Route path={paths.passwordResetSent} element={<ResetSentStep />} />
          <Route path={paths.passwordResetIdentity} element={<ResetIdentityStep />} />
          <Route path={paths.passwordResetPassword} element={<ResetPasswordStep />} />
          <Route path={paths.passwordResetComplete} element={<ResetCompleteStep />} />
        </Route>
      </Route>
    </Routes>
  );
}
