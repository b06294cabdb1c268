import { expect } from 'vitest';
import type { client } from './test-app.ts';

/** Renews the one loan `id` through POST /api/renewals and returns its result row (200, exactly one row). */
export async function renewOne(c: ReturnType<typeof client>, id: number) {
  const res = await c.post('/api/renewals', { loanIds: [id] });
  expect(res.status).toBe(200);
  expect(res.body.results).toHaveLength(1);
  return res.body.results[0];
}
