import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * A query on the hot path built once per database instead of on every request: drizzle
 * otherwise rebuilds the SQL text and its field mapping on each call (about a fifth of the
 * BFF's CPU under load, see docs/performance.md). `build` makes a drizzle prepared query
 * with `sql.placeholder(…)` for the values; it is kept per database object, so a test's
 * fresh database gets its own. Only for `db` — a transaction is a new object each time.
 */
export function preparedOn<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let query = cache.get(db);
    if (query === undefined) {
      query = build(db);
      cache.set(db, query);
    }
    return query;
  };
}

const dialect = new PgDialect();

/**
 * A statement of our own SQL — drizzle's `sql` template, tables and columns named through the
 * schema, values as `sql.placeholder(…)` — turned into text once, here, and prepared once per
 * database (PostgreSQL: a named statement per connection; PGlite: the same text each time).
 * Rows come back as arrays, in the order of the select list, on both drivers. For what the
 * query builder cannot say in one statement (a data-modifying CTE) or where it would rebuild
 * the SQL on every call.
 */
export function statement<Row extends unknown[]>(name: string, query: SQL) {
  const built = dialect.sqlToQuery(query);
  return preparedOn((db) =>
    db._.session.prepareQuery<{ execute: Row[]; all: unknown; values: unknown }>(
      built,
      undefined,
      name,
      false,
      (rows) => rows as Row[],
    ),
  );
}
