import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-database.ts';
import { type Database, openDatabase } from './client.ts';
import { branches } from './schema.ts';

const server = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

/** The statements this connection holds prepared, read inside the same transaction. */
async function preparedIn(database: Database): Promise<string[]> {
  return database.db.transaction(async (tx) => {
    await tx.select().from(branches).where(eq(branches.code, 'honkan'));
    // A drizzle prepared query asks postgres.js for a named statement itself.
    await tx
      .select({ n: branches.sortOrder })
      .from(branches)
      .where(eq(branches.code, sql.placeholder('code')))
      .prepare('bench_named')
      .execute({ code: 'honkan' });
    const rows = await tx.execute(sql`select statement from pg_prepared_statements`);
    return (rows as unknown as { statement: string }[]).map((r) => r.statement);
  });
}

// Only a PostgreSQL server has named prepared statements to look at (CI's second run).
describe.skipIf(!server)('queries on a PostgreSQL server', () => {
  let database: Database & { url?: string };
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('go out as named prepared statements, in transactions too (drizzle-orm#6096 worked around)', async () => {
    const statements = await preparedIn(database);
    expect(
      statements.some((s) => s.startsWith('select "code", "name"') && s.includes('from "branches"')),
    ).toBe(true);
  });

  it('stay unnamed with preparedStatements: false (PgBouncer in transaction mode)', async () => {
    const plain = await openDatabase({ url: database.url, dataDir: '', preparedStatements: false });
    try {
      expect(await preparedIn(plain)).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('still apply the migrations (statements without parameters go by the simple protocol)', async () => {
    const admin = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await admin`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(row!.n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
  });
});
