import { createScratchDatabase } from '@library/test-kit';
import { type Database, openDatabase } from '../db/client.ts';

/**
 * A database of the test's own: a fresh in-memory PGlite by default, or — when
 * DATABASE_URL=postgres://… — a new database created on that server for this test file
 * and dropped afterwards (never a shared one).
 */
export async function openTestDatabase(
  options: { poolSize?: number } = {},
): Promise<Database & { url?: string }> {
  const scratch = await createScratchDatabase({
    serverUrl: process.env.DATABASE_URL,
    prefix: 'library_test',
  });
  if (!scratch.name) return openDatabase({ url: scratch.url, dataDir: '' });
  const database = await openDatabase({ url: scratch.url, dataDir: '', poolSize: options.poolSize });
  return {
    ...database,
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
