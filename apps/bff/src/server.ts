import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { buildApp } from './app.ts';
import { createCirculation } from './circulation/create-circulation.ts';
import { openDatabase } from './db/client.ts';
import { hasNoBranches, isDatabaseEmpty, loadDemoData, loadDemoLibrary } from './db/seed/demo-data.ts';
import type { Env } from './env.ts';
import type { AppDeps } from './lib/app-env.ts';
import { createLogger } from './lib/logger.ts';
import { systemClock } from './services/clock.ts';
import { createMailSender } from './services/mail/mail-sender.ts';
import { createNotificationScheduler } from './services/notifications/notification-scheduler.ts';
import { createPushSender } from './services/push/push-sender.ts';

/** How long in-flight requests may take to finish once shutdown begins. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections and resolves once every in-flight request has been answered.
 * Keep-alive connections that fall idle are closed as they do (they would otherwise hold the
 * server open until they time out); after the grace period the rest are cut.
 */
function closeHttpServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export interface RunningServer {
  /** `http://localhost:PORT` when listening on every address, else `http://HOST:PORT`. */
  url: string;
  port: number;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Opens the database (migrating it), loads demo data on an empty one, and listens. */
export async function startServer(env: Env): Promise<RunningServer> {
  const logger = createLogger(env.LOG_LEVEL);
  const clock = systemClock(env.LIBRARY_TODAY);
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    prepare: async (db) => {
      if (env.DEMO_DATA && env.CIRCULATION === 'sip2') {
        if (await hasNoBranches(db)) {
          await loadDemoLibrary(db, clock.today());
          logger.info({ today: clock.today() }, 'demo branches and calendar loaded (loans are the ILS’s)');
        }
      } else if (env.DEMO_DATA && (await isDatabaseEmpty(db))) {
        await loadDemoData(db, clock.today());
        logger.info({ today: clock.today() }, 'demo data loaded');
      }
    },
  });
  const circulation = createCirculation({ db: database.db, env, logger });
  const deps: AppDeps = { db: database.db, dbKind: database.kind, env, clock, logger, circulation };
  const app = buildApp(deps);
  // Delivers the mail outbox from this process; every process may run one (rows are claimed).
  const mailSender = createMailSender({ db: database.db, env, clock, logger });
  mailSender.start();
  // Delivers the push outbox the same way (and makes the VAPID keys on the first start).
  const pushSender = createPushSender({ db: database.db, env, clock, logger });
  pushSender.start();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const everyAddress = env.HOST === '0.0.0.0' || env.HOST === '::';
  const host = everyAddress ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  // PORT=0 (tests): links in mail and the feed URL (linkOrigin) use the port actually taken.
  if (env.PORT === 0) env.PORT = port;
  // Reminders and overdue notices (docs/product.md §10): every process runs one; each is claimed once (ADR 0013).
  const notifications = createNotificationScheduler({ db: database.db, circulation, env, clock, logger });
  notifications.start();
  return {
    url: `http://${host}:${port}`,
    port,
    deps,
    close: async () => {
      await closeHttpServer(server as Server, SHUTDOWN_GRACE_MS);
      await notifications.stop();
      await mailSender.stop();
      await pushSender.stop();
      await circulation.close();
      await database.close();
    },
  };
}
