// pnpm bench:scale-out — two BFF processes behind one address (a round-robin proxy on
// 127.0.0.1) on one PostgreSQL database: a session made through one process works on the
// other, and a burst of renewals of the same loan sent alternately to both renews it once.
// Needs a PostgreSQL server (DATABASE_URL, default 127.0.0.1:5432): PGlite is one process.
import { mkdirSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import postgres from 'postgres';
import { createBenchDatabase, DEFAULT_SERVER } from './bench-db.ts';
import { type BffProcess, repoRoot, startBff } from './bff-process.ts';

const server = process.env.DATABASE_URL ?? DEFAULT_SERVER;
const name = `library_scaleout_${process.pid}`;
const tmp = join(repoRoot, 'bench/results/tmp');
mkdirSync(tmp, { recursive: true });

let passed = 0;
let failed = 0;
function check(label: string, ok: boolean, detail = '') {
  if (ok) passed++;
  else failed++;
  console.info(`${ok ? '✔' : '✖'} ${label}${detail ? ` — ${detail}` : ''}`);
}

/** One address in front of both: request n goes to backend n mod 2. */
function roundRobinProxy(backends: string[]) {
  let n = 0;
  const proxy = createServer((req, res) => {
    const target = new URL(backends[n++ % backends.length]!);
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    proxy.listen(0, '127.0.0.1', () => {
      const address = proxy.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () => new Promise((r) => proxy.close(() => r())),
      });
    });
  });
}

const benchDatabase = await createBenchDatabase(server, name);
const { url } = benchDatabase;
const processes: BffProcess[] = [];
try {
  const env = { DATABASE_URL: url, LIBRARY_TODAY: '2021-01-20', LOG_LEVEL: 'warn' };
  // The first loads the demo data into the empty database; the second finds it there.
  processes.push(
    await startBff({ env: { ...env, DEMO_DATA: 'true' }, logFile: join(tmp, 'scale-out-a.log') }),
  );
  processes.push(
    await startBff({ env: { ...env, DEMO_DATA: 'true' }, logFile: join(tmp, 'scale-out-b.log') }),
  );
  const [a, b] = processes as [BffProcess, BffProcess];
  check('two BFF processes run on one database', a.pid !== b.pid, `pids ${a.pid}, ${b.pid}`);

  const login = await fetch(`${a.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ patronNumber: '100000001', password: 'tosho2021' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  check(
    'log in through process A',
    login.status === 200 && cookie.startsWith('sid='),
    `status ${login.status}`,
  );

  const loans = await fetch(`${b.url}/api/loans?pageSize=100`, { headers: { cookie } });
  const page = (await loans.json()) as { items?: { id: number; renewal: { eligible: boolean } }[] };
  check('the session made by A is valid on B', loans.status === 200, `status ${loans.status}`);
  const loan = page.items?.find((l) => l.renewal.eligible);
  check('a renewable loan is listed', loan !== undefined);

  const proxy = await roundRobinProxy([a.url, b.url]);
  try {
    const burst = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${proxy.url}/api/renewals`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ loanIds: [loan?.id ?? 0] }),
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { results?: { ok: boolean; reason?: string }[] },
        })),
      ),
    );
    const ok = burst.filter((r) => r.body.results?.[0]?.ok === true).length;
    const refused = burst.filter((r) => r.body.results?.[0]?.reason === 'already_renewed').length;
    check('20 simultaneous renewals through both processes: exactly one succeeds', ok === 1, `${ok} ok`);
    check('the other 19 are told it is already renewed', refused === 19, `${refused} already_renewed`);
  } finally {
    await proxy.close();
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n, max(renewal_count) as count from renewals r
      join loans l on l.id = r.loan_id where r.loan_id = ${loan?.id ?? 0} group by l.id`;
    check('one renewal row, renewal_count 1', row?.n === 1 && row?.count === 1, JSON.stringify(row));
  } finally {
    await sql.end({ timeout: 5 });
  }

  const logout = await fetch(`${b.url}/api/session`, { method: 'DELETE', headers: { cookie } });
  const after = await fetch(`${a.url}/api/loans`, { headers: { cookie } });
  check(
    'logging out on B ends the session on A',
    logout.ok && after.status === 401,
    `A answers ${after.status}`,
  );
} finally {
  for (const p of processes) await p.stop();
  await benchDatabase.drop();
}
console.info(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
