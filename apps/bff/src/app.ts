import { existsSync, readFileSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { localCirculation } from './circulation/local/local-circulation.ts';
import type { AppDeps } from './lib/app-env.ts';
import { createApp } from './lib/create-app.ts';
import { gzipAnswers } from './lib/gzip-answers.ts';
import { calendarRoutes } from './routes/calendar/calendar.routes.ts';
import { calendarFeedRoutes } from './routes/calendar-feed/calendar-feed.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { loansRoutes } from './routes/loans/loans.routes.ts';
import { meRoutes } from './routes/me/me.routes.ts';
import { meSettingsRoutes } from './routes/me/me-settings.routes.ts';
import { notificationsRoutes } from './routes/notifications/notifications.routes.ts';
import { openApiRoutes } from './routes/openapi/openapi.routes.ts';
import { passwordResetRoutes } from './routes/password-reset/password-reset.routes.ts';
import { pushRoutes, pushSubscriptionRoutes } from './routes/push/push.routes.ts';
import { registrationRoutes } from './routes/registration/registration.routes.ts';
import { renewalsRoutes } from './routes/renewals/renewals.routes.ts';
import { sessionRoutes } from './routes/session/session.routes.ts';

const gzipApi = gzipAnswers();

/** A path that names a file rather than a screen: under /assets/, or with an extension. */
export function isFilePath(path: string): boolean {
  return path.startsWith('/assets/') || /\.[^/]*$/.test(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * Mounts the API under /api and, when built, the SPA on the same origin. Without a circulation
 * port the portal's own tables serve (CIRCULATION=local, the default); `startServer` passes the
 * one the environment chose.
 */
export function buildApp(input: Omit<AppDeps, 'circulation'> & { circulation?: AppDeps['circulation'] }) {
  const deps: AppDeps = { ...input, circulation: input.circulation ?? localCirculation(input.db) };
  const app = createApp(deps);
  // Read-only answers (the loans page, the calendar) gzip to a third on a phone's connection;
  // small ones (under 1 KB) go as they are.
  // Only GET: no answer to a POST/PUT (the registration token) is compressed, and the answers
  // hold no secret that a request from another site could make them reflect (SameSite=Lax,
  // same-origin check), the precondition of a BREACH-style length attack.
  app.use('/api/*', async (c, next) => (c.req.method === 'GET' ? gzipApi(c, next) : next()));
  app
    .route('/api/openapi.json', openApiRoutes())
    .route('/api/health', healthRoutes(deps))
    .route('/api/calendar', calendarRoutes(deps))
    .route('/api/session', sessionRoutes(deps))
    .route('/api/me', meRoutes(deps))
    .route('/api/me', meSettingsRoutes(deps))
    .route('/api/me', notificationsRoutes(deps))
    // No session: calendar apps fetch the secret URL themselves.
    .route('/api/calendar-feed', calendarFeedRoutes(deps))
    .route('/api/push', pushRoutes(deps))
    .route('/api/me/push-subscriptions', pushSubscriptionRoutes(deps))
    .route('/api/registration', registrationRoutes(deps))
    .route('/api/password-reset', passwordResetRoutes(deps))
    .route('/api/loans', loansRoutes(deps))
    .route('/api/renewals', renewalsRoutes(deps));

  const indexHtml = `${deps.env.STATIC_DIR}/index.html`;
  if (existsSync(indexHtml)) {
    const html = readFileSync(indexHtml, 'utf8');
    // The SPA's files gzip to a third (a phone on 4G waits for every byte); API answers are
    // handled above (GET ones gzipped there) and never reach this.
    app.use('*', compress());
    // Hashed assets never change; the shell, manifest and service worker must be revalidated.
    // (Set after the fact: serveStatic's own `onFound` runs once its response is already built.)
    app.use('*', async (c, next) => {
      await next();
      if (c.req.path.startsWith('/api/') || c.res.status >= 400) return;
      c.res.headers.set(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    });
    // The build writes a brotli copy beside each hashed asset (apps/web/vite.config.ts): smaller
    // than gzip and compressed once, not per request. Without it (or for a client that does not
    // take br), compress() above gzips on the fly.
    app.use('*', serveStatic({ root: deps.env.STATIC_DIR, precompressed: true }));
    // Client-side routes: every other GET outside /api gets the SPA shell — but never in place of
    // a file. A missing asset (an old tab asking for a bundle a deploy replaced) or any path with
    // a file extension is 404: served as the shell, it would be cached as that file (for a year,
    // under /assets/).
    app.get('*', (c, next) => {
      if (c.req.path.startsWith('/api/') || isFilePath(c.req.path)) return next();
      return c.html(html);
    });
  }
  return app;
}
