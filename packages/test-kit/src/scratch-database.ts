import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** The local PostgreSQL server of CI and of this team's machines. */
export const DEFAULT_POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  /** The database's name on the server; undefined for in-memory PGlite. */
  name?: string;
  /** What the BFF's DATABASE_URL (or `openDatabase`) takes: `memory://` or `postgres://…/name`. */
  url: string;
  /** Drops the database, connections still open or not (a no-op for `memory://`). */
  drop(): Promise<void>;
}

/** The same server, another database: `postgres://u@h:5432/postgres` → `…/name`. */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const connection = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await connection.unsafe(sql);
  } finally {
    await connection.end({ timeout: 5 });
  }
}

/**
 * A database of the caller's own. `serverUrl` a `postgres://…` URL: a new database on that
 * server, `<prefix>_<pid>_<random>` (or exactly `name`, dropped first if it exists: the
 * bench's fixed database); anything else (unset, `memory://`): a fresh in-memory PGlite.
 */
export async function createScratchDatabase(options: {
  serverUrl: string | undefined;
  prefix?: string;
  name?: string;
}): Promise<ScratchDatabase> {
  const { serverUrl } = options;
  if (!serverUrl?.startsWith('postgres')) return { url: 'memory://', drop: async () => {} };
  const name =
    options.name ?? `${options.prefix ?? 'library_scratch'}_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  if (options.name) await admin(serverUrl, `drop database if exists "${name}" with (force)`);
  await admin(serverUrl, `create database "${name}"`);
  return {
    name,
    url: databaseUrlOn(serverUrl, name),
    drop: () => admin(serverUrl, `drop database if exists "${name}" with (force)`),
  };
}
