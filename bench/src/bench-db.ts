import postgres from 'postgres';
import { openDatabase } from './bff.ts';

export const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_BENCH_DATABASE = 'library_bench';

/**
 * DATABASE_URL names the server (and the database to connect to for administration); the
 * benchmark always works in a database of its own on that server, created for the run, so it
 * never truncates anybody's data.
 */
export function benchDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates the bench database, then applies the BFF's migrations to it. */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = benchDatabaseUrl(serverUrl, name);
  const database = await openDatabase({ url, dataDir: '/nonexistent' });
  await database.close();
  return url;
}

export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
