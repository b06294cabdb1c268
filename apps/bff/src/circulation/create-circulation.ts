import type { Db } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../lib/logger.ts';
import type { CirculationPort } from './circulation-port.ts';
import { localCirculation } from './local/local-circulation.ts';

/** The circulation port CIRCULATION chose (ADR 0010). */
export function createCirculation(deps: { db: Db; env: Env; logger: Logger }): CirculationPort {
  return localCirculation(deps.db);
}
