/**
 * Fault (ASVS V11.1.7, docs/product.md R7): PostgreSQL restarted in the middle of a renewal load on two
 * BFF processes. Every renewal the client saw acknowledged is in the database, none is
 * doubled, requests during the outage get 503 in the error shape (no crash, no 500), and the
 * service answers again within seconds without restarting the BFF.
 *
 *   node --import tsx scripts/fault-postgres-restart.ts
 *
 * Restarts the server with PG_RESTART_CMD (default: pg_ctlcluster of the machine's cluster,
 * which needs root — CI runs as root). PG_ADMIN_URL names the server (default 127.0.0.1:5432).
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import postgres from 'postgres';
import {
  type Answer,
  call,
  check,
  fail,
  isErrorShape,
  log,
  loginToRenew,
  runOnTwoBffs,
  TODAY,
} from './bff-processes.ts';

const LOANS = Number(process.env.FAULT_LOANS ?? 240);
const WORKERS = 6;
const RECOVERY_BUDGET_MS = 15_000;
const LOAD_BUDGET_MS = 240_000;

function restartCommand(): string[] {
  if (process.env.PG_RESTART_CMD) return process.env.PG_RESTART_CMD.split(' ');
  const [version] = readdirSync('/etc/postgresql');
  if (!version) fail('no PostgreSQL cluster under /etc/postgresql (set PG_RESTART_CMD)');
  return ['pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'restart'];
}

interface Result {
  loanId: number;
  ok: boolean;
  reason?: string;
  newDueDate?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
await runOnTwoBffs('library_fault', 'PostgreSQL restart under load', async ({ database, processes }) => {
  const urls = processes.map((p) => p.url);
  let sql = postgres(database.url, { max: 2, onnotice: () => {} });
  try {
    // Many renewable loans for one patron: books loaned T−3 at 本館, due T+11.
    const [patron] = await sql<Array<{ id: number }>>`select id from patrons where number = '100000004'`;
    const loanIds = (
      await sql<Array<{ id: number }>>`
        with t as (
          insert into titles (title) select '障害試験の本 ' || g from generate_series(1, ${LOANS}) g returning id
        ), i as (
          insert into items (title_id, barcode, material_type, category)
          select id, 'FAULT' || id, 'book', '一般' from t returning id
        )
        insert into loans (patron_id, item_id, branch_code, loaned_on, due_date)
        select ${patron!.id}, id, 'main', ${TODAY}::date - 3, ${TODAY}::date + 11 from i
        returning id`
    ).map((r) => r.id);
    log(`${loanIds.length} renewable loans added`);

    const cookie = await loginToRenew(urls[0]!, '100000004');

    const answers: Array<Answer & { at: number; loanId: number }> = [];
    const finals = new Map<number, Result>();
    const queue = [...loanIds];
    const started = Date.now();
    let done = 0;
    let restart: { begin: number; end: number } | undefined;
    let restartPromise: Promise<void> | undefined;

    async function worker(index: number) {
      for (;;) {
        const loanId = queue.shift();
        if (loanId === undefined) return;
        // The SPA's retry: the same Idempotency-Key until an answer that decides.
        const key = `fault-${loanId}-${started}`;
        for (let attempt = 0; ; attempt++) {
          if (Date.now() - started > LOAD_BUDGET_MS) fail('the load did not finish in time');
          const url = urls[(index + attempt) % urls.length]!;
          const answer = await call(url, 'POST', '/api/renewals', {
            body: { loanIds: [loanId] },
            cookie,
            headers: { 'Idempotency-Key': key },
            timeoutMs: 20_000,
          });
          answers.push({ ...answer, at: Date.now(), loanId });
          if (answer.status === 200) {
            finals.set(loanId, (answer.body as { results: Result[] }).results[0]!);
            break;
          }
          await sleep(answer.status === 409 ? 1_000 : 150);
        }
        done++;
        if (!restartPromise && done >= loanIds.length / 4) {
          restartPromise = (async () => {
            const command = restartCommand();
            log(`restarting PostgreSQL: ${command.join(' ')}`);
            const begin = Date.now();
            await promisify(execFile)(command[0]!, command.slice(1));
            restart = { begin, end: Date.now() };
            log(`PostgreSQL restarted in ${restart.end - restart.begin} ms`);
          })();
        }
        await sleep(40);
      }
    }

    const workers = Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
    // Recovery: how soon after the server is back does every BFF answer again?
    while (!restartPromise) await sleep(50);
    await restartPromise;
    const back = restart!.end;
    const recovered = await Promise.all(
      urls.map(async (url) => {
        for (;;) {
          const res = await call(url, 'GET', '/api/health', { timeoutMs: 5_000 });
          if (res.status === 200) return Date.now() - back;
          if (Date.now() - back > RECOVERY_BUDGET_MS) return Number.POSITIVE_INFINITY;
          await sleep(100);
        }
      }),
    );
    log(`answering again ${recovered.map((ms) => `${ms} ms`).join(' and ')} after the server was back`);
    await workers;
    log(`${answers.length} requests for ${loanIds.length} loans in ${Date.now() - started} ms`);

    const byStatus = new Map<string, number>();
    for (const a of answers) {
      const label = a.networkError ? `network:${a.networkError}` : String(a.status);
      byStatus.set(label, (byStatus.get(label) ?? 0) + 1);
    }
    log(`answers: ${JSON.stringify(Object.fromEntries(byStatus))}`);

    check(
      processes.every((p) => p.alive()),
      'both BFF processes kept running (no crash, no restart)',
    );
    check(!answers.some((a) => a.networkError), 'every request got an HTTP answer');
    const unavailable = answers.filter((a) => a.status === 503);
    check(unavailable.length > 0, `requests during the outage were answered 503 (${unavailable.length})`);
    check(
      unavailable.every(
        (a) =>
          isErrorShape(a.body) &&
          (a.body as { error: { code: string } }).error.code === 'service_unavailable',
      ),
      '…each in the error shape, code service_unavailable',
    );
    const otherErrors = answers.filter((a) => a.status >= 500 && a.status !== 503);
    check(
      otherErrors.length === 0,
      `no other 5xx (${otherErrors.map((a) => a.status).join(', ') || 'none'})`,
    );
    check(
      answers.filter((a) => a.status >= 400).every((a) => isErrorShape(a.body)),
      'every error answer is in the error shape',
    );
    check(
      recovered.every((ms) => ms <= RECOVERY_BUDGET_MS),
      `both processes answered again within ${RECOVERY_BUDGET_MS / 1000} s`,
    );

    // The database after the storm. A new client: the old one's connections died in the restart.
    await sql.end({ timeout: 1 }).catch(() => {});
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const stored = await sql<Array<{ loan_id: number; n: number; new_due_date: string }>>`
      select loan_id, count(*)::int as n, max(new_due_date)::text as new_due_date
      from renewals where loan_id = any(${loanIds}) group by loan_id`;
    const storedBy = new Map(stored.map((r) => [r.loan_id, r]));
    const counts = await sql<Array<{ id: number; renewal_count: number }>>`
      select id, renewal_count from loans where id = any(${loanIds})`;
    check(
      stored.every((r) => r.n === 1),
      'no renewal recorded twice',
    );
    check(
      counts.every((r) => r.renewal_count <= 1),
      'no loan renewed twice',
    );
    check(
      counts.filter((r) => r.renewal_count === 1).length === stored.length,
      'every renewed loan has its one renewal row, and every row its renewed loan',
    );
    const acknowledged = [...finals.values()].filter((r) => r.ok);
    const missing = acknowledged.filter((r) => storedBy.get(r.loanId)?.new_due_date !== r.newDueDate);
    check(
      missing.length === 0,
      `every acknowledged renewal (${acknowledged.length}) is in the database with its due date`,
    );
    const lostAcks = [...finals.values()].filter((r) => !r.ok);
    check(
      lostAcks.every((r) => r.reason === 'already_renewed' && storedBy.has(r.loanId)),
      `a loan answered already_renewed (${lostAcks.length}: its first answer was lost in the outage) was renewed once`,
    );
    check(finals.size === loanIds.length, 'every loan got an answer that decides');
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
});
