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

/**
 * drizzle's postgres.js driver sends every query it builds with `prepare: false`
 * (drizzle-orm#6096), and postgres.js then asks the server to describe each parameterised
 * statement before it can bind it: two round trips per statement, and nothing pipelined. Sent
 * as named prepared statements instead, each is parsed and planned once per connection and then
 * costs one round trip, and statements issued together go out together. A Proxy over the client
 * (and over the clients of its transactions) turns that on; `preparedStatements: false` leaves
 * drizzle's behaviour, for PgBouncer in transaction mode (docs/performance.md).
 */
function withPreparedStatements<T extends postgres.Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as never, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.at(-1) as (sql: postgres.Sql) => unknown;
          const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return method.apply(target, [
            ...args.slice(0, -1),
            (sql: postgres.Sql) => callback(withPreparedStatements(sql)),
          ]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

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
  /** Named prepared statements on a server (default true); false behind PgBouncer in transaction mode. */
  preparedStatements?: boolean;
  prepare?: (db: Db) => Promise<void>;
}): Promise<Database> {
  if (options.url?.startsWith('postgres')) {
    const client = postgres(options.url, {
      // At least 2: start-up holds one connection for its lock while migrating on another.
      max: Math.max(2, options.poolSize ?? 10),
      onnotice: () => {},
      connection: { TimeZone: 'UTC' },
      // Off, no statement is ever named — not even drizzle's own `.prepare()` queries.
      prepare: options.preparedStatements !== false,
    });
    const db = drizzlePostgres(
      options.preparedStatements === false ? client : withPreparedStatements(client),
      {
        schema,
      },
    );
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
