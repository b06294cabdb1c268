import { Sip2Pool } from '@library/sip2';
import type { Db } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../lib/logger.ts';
import type { CirculationPort } from './circulation-port.ts';
import { localCirculation } from './local/local-circulation.ts';
import { sip2Circulation } from './sip2/sip2-circulation.ts';

/** The SIP2 client's settings from the environment (env.ts has validated them). */
export function sip2ConfigOf(env: Env) {
  return {
    host: env.SIP2_HOST!,
    port: env.SIP2_PORT,
    user: env.SIP2_USER!,
    password: env.SIP2_PASSWORD!,
    institution: env.SIP2_INSTITUTION!,
    ...(env.SIP2_LOCATION ? { location: env.SIP2_LOCATION } : {}),
    tls: env.SIP2_TLS,
    encoding: env.SIP2_ENCODING,
    errorDetection: env.SIP2_ERROR_DETECTION,
    timeoutMs: env.SIP2_TIMEOUT_MS,
    poolSize: env.SIP2_POOL,
  };
}

/** The circulation port CIRCULATION chose (ADR 0010). */
export function createCirculation(deps: { db: Db; env: Env; logger: Logger }): CirculationPort {
  const { db, env, logger } = deps;
  if (env.CIRCULATION === 'local') return localCirculation(db);
  const pool = new Sip2Pool(sip2ConfigOf(env), { logger: logger.child({ component: 'sip2' }) });
  return sip2Circulation({
    db,
    pool,
    passwords: env.SIP2_PASSWORDS,
    reasonPatterns: env.SIP2_REASON_PATTERNS ?? [],
    logger,
    poolSize: env.SIP2_POOL,
  });
}
