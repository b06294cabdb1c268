import type { Language } from '@library/domain';
import type { CirculationPort } from '../circulation/circulation-port.ts';
import type { Db, DbKind } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { Clock } from '../services/clock.ts';
import type { Logger } from './logger.ts';

/** What every route needs, passed in once by `createApp` (tests pass their own). */
export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  env: Env;
  clock: Clock;
  logger: Logger;
  /** Loans, holds and renewals: our own tables or the library's ILS (CIRCULATION, ADR 0010). */
  circulation: CirculationPort;
}

export interface SessionInfo {
  idHash: string;
  patronId: number;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    /** The request's language (`Accept-Language`; the SPA sends the patron's choice there). */
    lang: Language;
    session: SessionInfo;
  };
}
