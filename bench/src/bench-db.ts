import { createScratchDatabase, DEFAULT_POSTGRES_SERVER, type ScratchDatabase } from '@library/test-kit';
import { openDatabase } from './bff.ts';

export const DEFAULT_SERVER = DEFAULT_POSTGRES_SERVER;
export const DEFAULT_BENCH_DATABASE = 'library_bench';

/**
 * DATABASE_URL names the server (and the database to connect to for administration); the
 * benchmark always works in a database of its own on that server, dropped and created again
 * for the run (so it never truncates anybody's data), with the BFF's migrations applied.
 */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  if (!serverUrl.startsWith('postgres'))
    throw new Error(`the bench needs a PostgreSQL server, not ${serverUrl}`);
  const scratch = await createScratchDatabase({ serverUrl, name });
  const database = await openDatabase({ url: scratch.url, dataDir: '/nonexistent' });
  await database.close();
  return scratch;
}
