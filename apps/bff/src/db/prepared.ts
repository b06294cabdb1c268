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
