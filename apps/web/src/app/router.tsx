import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from '../components/layout/app-layout.tsx';
import { paths } from '../config/paths.ts';

/** Each route is its own chunk, so the login page downloads only what it needs. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { path: paths.home, lazy: () => import('./routes/home.tsx') },
        { path: paths.login, lazy: () => import('./routes/login.tsx') },
        { path: paths.portal, lazy: () => import('./routes/portal.tsx') },
        { path: paths.loans, lazy: () => import('./routes/loans.tsx') },
        { path: paths.settings, lazy: () => import('./routes/settings.tsx') },
        {
          // One chunk for the three steps; the token stays in the parent's memory between them.
          path: paths.registration,
          lazy: () => import('./routes/registration.tsx').then((m) => ({ Component: m.Component })),
          children: [
            {
              index: true,
              lazy: () => import('./routes/registration.tsx').then((m) => ({ Component: m.VerifyStep })),
            },
            {
              path: paths.registrationPassword,
              lazy: () => import('./routes/registration.tsx').then((m) => ({ Component: m.PasswordStep })),
            },
            {
              path: paths.registrationComplete,
              lazy: () => import('./routes/registration.tsx').then((m) => ({ Component: m.CompleteStep })),
            },
          ],
        },
        { path: '*', lazy: () => import('./routes/not-found.tsx') },
      ],
    },
  ]);
}
