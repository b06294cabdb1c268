import type { Context } from 'hono';
import type { RequestContext } from '../services/request-context.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { clientAddress } from './client-address.ts';

/** The request as a service sees it: its id, log, language and client address. */
export function requestContext(c: Context<AppEnv>, deps: AppDeps): RequestContext {
  return {
    requestId: c.get('requestId'),
    logger: c.get('logger'),
    lang: c.get('lang'),
    clientAddress: clientAddress(c, deps),
  };
}
