import type { Context } from 'hono';
import type { RequestContext } from '../services/request-context.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { clientAddress } from './client-address.ts';
import type { Logger } from './logger.ts';

/**
 * The log of this request: every line carries its id. Made when something is to be logged, not
 * for every request (a pino child costs more than most of a loans-list request's own work).
 */
export function requestLogger(c: Context<AppEnv>, deps: AppDeps): Logger {
  return deps.logger.child({ requestId: c.get('requestId') });
}

/** The request as a service sees it: its id, log, language and client address. */
export function requestContext(c: Context<AppEnv>, deps: AppDeps): RequestContext {
  return {
    requestId: c.get('requestId'),
    logger: requestLogger(c, deps),
    lang: c.get('lang'),
    clientAddress: clientAddress(c, deps),
  };
}
