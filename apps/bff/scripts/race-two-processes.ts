/**
 * Race (docs/product.md R7, ASVS V11.1.6): 200 concurrent renewals of one loan, spread across two BFF
 * processes on the PostgreSQL server → exactly one renewal row and one changed due date.
 * Then a bulk race: 40 concurrent bulk renewals of the same loans → each renewed once.
 *
 *   node --import tsx scripts/race-two-processes.ts     (PG_ADMIN_URL overrides the server)
 */
import postgres from 'postgres';
import { call, check, fail, isErrorShape, log, loginToRenew, runOnTwoBffs } from './bff-processes.ts';

interface Result {
  loanId: number;
  ok: boolean;
  reason?: string;
  newDueDate?: string;
  previousDueDate?: string;
}

await runOnTwoBffs('library_race', 'race across two BFF processes', async ({ database, processes }) => {
  const [one, two] = processes;
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  try {
    // One session, valid in both processes: sessions live in the database.
    const cookie = await loginToRenew(one.url, '100000001');
    const page = await call(two.url, 'GET', '/api/loans?pageSize=50', { cookie });
    check(page.status === 200, 'the session made by process 1 works in process 2');
    const items = (
      page.body as { items: Array<{ id: number; title: string; renewal: { eligible: boolean } }> }
    ).items;
    const eligible = items.filter((i) => i.renewal.eligible).map((i) => i.id);
    check(eligible.length >= 3, `patron 100000001 has renewable loans (${eligible.length})`);
    const [target, ...others] = eligible as [number, ...number[]];

    const snapshot = async () =>
      sql<Array<{ id: number; due_date: string; renewal_count: number }>>`
        select id, due_date::text, renewal_count from loans order by id`;
    const before = await snapshot();

    // --- 200 concurrent renewals of one loan, 100 through each process ------------------------
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(i % 2 === 0 ? one.url : two.url, 'POST', '/api/renewals', {
          body: { loanIds: [target] },
          cookie,
          // Half as the SPA sends them (a key each), half without.
          headers: i % 4 < 2 ? { 'Idempotency-Key': `race-${i}-${started}` } : {},
        }),
      ),
    );
    log(`200 requests answered in ${Date.now() - started} ms`);
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    check(
      statuses.get(200) === 200,
      `every request answered 200 (${JSON.stringify(Object.fromEntries(statuses))})`,
    );
    const results = answers.flatMap((a) => (a.body as { results: Result[] }).results);
    const renewed = results.filter((r) => r.ok);
    check(renewed.length === 1, `exactly one answer says renewed (${renewed.length})`);
    const refusals = new Set(results.filter((r) => !r.ok).map((r) => r.reason));
    check(
      refusals.size === 1 && refusals.has('already_renewed'),
      `the 199 others say already_renewed (${[...refusals].join(', ')})`,
    );
    const rows = await sql<
      Array<{ n: number }>
    >`select count(*)::int as n from renewals where loan_id = ${target}`;
    check(rows[0]!.n === 1, `exactly one renewal row for loan ${target} (${rows[0]!.n})`);
    const after = await snapshot();
    const changed = after.filter(
      (row, i) => row.due_date !== before[i]!.due_date || row.renewal_count !== before[i]!.renewal_count,
    );
    check(
      changed.length === 1 && changed[0]!.id === target && changed[0]!.renewal_count === 1,
      `one changed due date, on loan ${target} only`,
    );
    check(
      changed[0]!.due_date === renewed[0]!.newDueDate,
      `the stored due date is the acknowledged one (${renewed[0]!.newDueDate})`,
    );

    // --- 40 concurrent bulk renewals of the other loans, 20 through each process -------------
    const bulk = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(i % 2 === 0 ? two.url : one.url, 'POST', '/api/renewals', { body: { loanIds: others }, cookie }),
      ),
    );
    check(
      bulk.every((a) => a.status === 200),
      'every bulk request answered 200',
    );
    const bulkResults = bulk.flatMap((a) => (a.body as { results: Result[] }).results);
    for (const id of others) {
      const oks = bulkResults.filter((r) => r.loanId === id && r.ok).length;
      const [count] = await sql<
        Array<{ n: number }>
      >`select count(*)::int as n from renewals where loan_id = ${id}`;
      if (oks !== 1 || count!.n !== 1) fail(`loan ${id}: ${oks} acknowledged, ${count!.n} renewal rows`);
    }
    check(true, `bulk race: each of ${others.length} loans acknowledged once and recorded once`);
    const errors = [...answers, ...bulk].filter((a) => a.status >= 400);
    check(
      errors.every((a) => isErrorShape(a.body)),
      'any error answer is in the error shape',
    );
    check(
      processes.every((p) => p.alive()),
      'both processes still running',
    );
  } finally {
    await sql.end();
  }
});
