import { closeSync, writeSync } from 'node:fs';
import { DEMO_PASSWORD, DEMO_PATRONS } from './db/seed/demo-data.ts';
import { ConfigError, parseEnv } from './env.ts';
import { startServer } from './server.ts';

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const server = await startServer(env);
const registered = DEMO_PATRONS.filter((p) => p.registered).map((p) => p.number);
console.info(
  [
    '',
    `  柳川市立図書館 貸出延長サービス: ${server.url}`,
    `  database: ${server.deps.dbKind}${env.DATABASE_URL ? '' : ` (${env.DATA_DIR}/pglite)`}, business date: ${server.deps.clock.today()}`,
    env.CIRCULATION === 'sip2'
      ? `  circulation: the ILS over SIP2 at ${env.SIP2_HOST}:${env.SIP2_PORT} (passwords: ${env.SIP2_PASSWORDS})`
      : env.DEMO_DATA
        ? `  demo logins: ${registered.join(', ')} / password ${DEMO_PASSWORD}; 300000003 is not registered yet`
        : '',
    '',
  ].join('\n'),
);

// The machine-readable ready signal (packages/test-kit reads it): one JSON line on READY_FD.
if (env.READY_FD !== undefined) {
  try {
    writeSync(
      env.READY_FD,
      `${JSON.stringify({ event: 'listening', url: server.url, port: server.port })}\n`,
    );
    closeSync(env.READY_FD);
  } catch (error) {
    server.deps.logger.warn({ err: { message: (error as Error).message } }, 'READY_FD could not be written');
  }
}

let stopping = false;
/** SIGTERM/SIGINT: finish the requests in flight, stop the notification scheduler and the mail and push senders, close the database, exit 0. */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const { logger } = server.deps;
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  try {
    await server.close();
    logger.info('stopped: requests finished, database closed');
    process.exit(0);
  } catch (error) {
    logger.error({ err: { message: (error as Error).message } }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
