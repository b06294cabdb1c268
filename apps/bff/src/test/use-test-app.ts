import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';

/**
 * The test file's app (createTestApp's): made before its tests, closed after them; the tables
 * in `cleared` are emptied before each test. Read it inside tests only — it exists from
 * `beforeAll` on.
 */
export function useTestApp(
  options: Parameters<typeof createTestApp>[0] & { cleared?: PgTable[] } = {},
): TestApp {
  const { cleared = [], ...appOptions } = options;
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await createTestApp(appOptions);
  });
  afterAll(async () => {
    await current?.close();
  });
  if (cleared.length > 0) {
    beforeEach(async () => {
      for (const table of cleared) await current!.db.delete(table);
    });
  }
  return new Proxy({} as TestApp, {
    get(_target, key) {
      if (!current) throw new Error('useTestApp: the app exists only inside tests (from beforeAll on)');
      return Reflect.get(current, key);
    },
  });
}
