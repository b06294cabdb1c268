import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Any constant: the key of the advisory lock that serialises start-up across processes. */
const STARTUP_LOCK_KEY = 7_310_421;

/**
 * Opens the database named by DATABASE_URL: unset → PGlite stored in `dataDir`,
 * `memory://` → a fresh in-memory PGlite, `postgres://…` → postgres.js. Applies migrations,
 * then runs `prepare` (the demo seed); on a server both happen under an advisory lock, so
 * several BFF processes starting at once on an empty database do not race.
 */
export async function openDatabase(options: {
  url?: string;
  dataDir: string;
  poolSize?: number;
  prepare?: (db: Db) => Promise<void>;
}): Promise<Database> {
  if (options.url?.startsWith('postgres')) {
    const client = postgres(options.url, {
      // At least 2: start-up holds one connection for its lock while migrating on another.
      max: Math.max(2, options.poolSize ?? 10),
      onnotice: () => {},
      connection: { TimeZone: 'UTC' },
    });
    const db = drizzlePostgres(client, { schema });
    const lock = await client.reserve();
    try {
      await lock`select pg_advisory_lock(${STARTUP_LOCK_KEY})`;
      await migratePostgres(db, { migrationsFolder });
      await options.prepare?.(db as unknown as Db);
    } finally {
      await lock`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.catch(() => {});
      lock.release();
    }
    return { db: db as unknown as Db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  let dir: string | undefined;
  if (options.url !== 'memory://') {
    dir = `${options.dataDir}/pglite`;
    mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  await options.prepare?.(db as unknown as Db);
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}
