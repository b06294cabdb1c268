import * as schema from '@library/bff/src/db/schema.ts';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from './bff.ts';

export interface RecordedQuery {
  sql: string;
  params: unknown[];
}

/**
 * Runs `work` on a drizzle database over a postgres.js client configured like the BFF's, and
 * returns every statement it sent with its parameters: the baselines replay these, so they
 * measure exactly the SQL the BFF's own services generate.
 */
export async function recordSql(url: string, work: (db: Db) => Promise<unknown>): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = [];
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { TimeZone: 'UTC' },
    debug: (_connection, query, parameters) => {
      recorded.push({ sql: query, params: [...(parameters as unknown[])] });
    },
  });
  try {
    await work(drizzle(client, { schema }) as unknown as Db);
  } finally {
    await client.end({ timeout: 5 });
  }
  return recorded;
}
