import * as schema from '@library/bff/db/schema';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from './bff.ts';

export interface RecordedQuery {
  sql: string;
  params: unknown[];
  /**
   * Statements with the same number were issued together, none waiting for another's answer
   * (the BFF sends them with `Promise.all`, postgres.js pipelines them): the baselines send
   * them the same way.
   */
  group: number;
}

/**
 * Runs `work` on a drizzle database over a postgres.js client configured like the BFF's, and
 * returns every statement it sent with its parameters: the baselines replay these, so they
 * measure exactly the SQL the BFF's own services generate, sent as they send it.
 *
 * Which statements were issued together is read from drizzle's logger: drizzle logs a query
 * when the code starts it, so queries started in one turn of the event loop (before any answer
 * could arrive) share a group; `begin`/`commit` (sent by postgres.js itself, awaited alone)
 * and the driver's own type lookups get groups of their own. postgres.js's `debug` gives the
 * statements in the order they went out, which is the order drizzle started them.
 */
export async function recordSql(url: string, work: (db: Db) => Promise<unknown>): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = [];
  const started: number[] = [];
  let group = 0;
  let turnOpen = false;
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { TimeZone: 'UTC' },
    debug: (_connection, query, parameters) => {
      const fromDrizzle = !/^(begin|commit|rollback)\b/i.test(query) && !query.includes('pg_catalog.pg_type');
      recorded.push({
        sql: query,
        params: [...(parameters as unknown[])],
        group: fromDrizzle ? (started.shift() ?? ++group) : ++group,
      });
    },
  });
  const logger = {
    logQuery: () => {
      if (!turnOpen) {
        turnOpen = true;
        group++;
        setImmediate(() => {
          turnOpen = false;
        });
      }
      started.push(group);
    },
  };
  try {
    await work(drizzle(client, { schema, logger }) as unknown as Db);
  } finally {
    await client.end({ timeout: 5 });
  }
  return recorded;
}

/** Consecutive statements of one group, in order: what is sent together. */
export function groupsOf(statements: RecordedQuery[]): RecordedQuery[][] {
  const groups: RecordedQuery[][] = [];
  for (const s of statements) {
    const last = groups.at(-1);
    if (last && last[0]!.group === s.group) last.push(s);
    else groups.push([s]);
  }
  return groups;
}
