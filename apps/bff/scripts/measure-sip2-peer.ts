/**
 * Measures CIRCULATION=sip2 through the REAL SIP2 peer (../shared/sip2-peer, Evergreen's
 * SIPServer with its sample ILS, loaded with e2e/fixtures/sip2-peer-data.json): SIP2 round
 * trips (the pool's stats()) and wall time of the portal's own routes for a 20-loan list
 * (GET /api/loans?pageSize=20, GET /api/me) and a 10-item bulk renewal (POST /api/renewals),
 * with SIP2_POOL=1 and SIP2_POOL=4.
 *
 *   node --import tsx scripts/measure-sip2-peer.ts
 *
 * A measurement, not a test: it prints figures and fails only if an answer is wrong.
 */
import { fileURLToPath } from 'node:url';
import { Sip2Pool } from '@library/sip2';
import { startSip2Peer } from '@library/sip2/testing';
import { buildApp } from '../src/app.ts';
import { sip2ConfigOf } from '../src/circulation/create-circulation.ts';
import { sip2Circulation } from '../src/circulation/sip2/sip2-circulation.ts';
import { openDatabase } from '../src/db/client.ts';
import { loadDemoLibrary } from '../src/db/seed/demo-data.ts';
import { parseEnv } from '../src/env.ts';
import { createLogger } from '../src/lib/logger.ts';
import { systemClock } from '../src/services/clock.ts';
import { client } from '../src/test/test-app.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const data = `${repo}e2e/fixtures/sip2-peer-data.json`;
const RUNS = 5;
let PORT = 0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(poolSize: number) {
  const env = parseEnv({
    LOG_LEVEL: 'silent',
    STATIC_DIR: '/nonexistent',
    CIRCULATION: 'sip2',
    SIP2_HOST: '127.0.0.1',
    SIP2_PORT: String(PORT),
    SIP2_USER: 'portal',
    SIP2_PASSWORD: 'portal-secret',
    SIP2_INSTITUTION: 'YANAGAWA',
    SIP2_POOL: String(poolSize),
  });
  const database = await openDatabase({ url: 'memory://', dataDir: '' });
  const clock = systemClock();
  await loadDemoLibrary(database.db, clock.today());
  const logger = createLogger('silent');
  const pool = new Sip2Pool(sip2ConfigOf(env));
  const circulation = sip2Circulation({
    db: database.db,
    pool,
    passwords: 'ils',
    reasonPatterns: [],
    logger,
    poolSize,
  });
  const app = buildApp({ db: database.db, dbKind: database.kind, env, clock, logger, circulation });
  const c = client(app);
  if ((await c.login('100000024', '1357')).status !== 200) throw new Error('login through the peer failed');

  async function timed(label: string, call: () => Promise<{ status: number; body: unknown }>, runs = RUNS) {
    const ms: number[] = [];
    let trips = 0;
    for (let i = 0; i < runs; i++) {
      const before = pool.stats().requests;
      const started = performance.now();
      const res = await call();
      ms.push(performance.now() - started);
      trips = pool.stats().requests - before;
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    console.info(
      `  SIP2_POOL=${poolSize}  ${label.padEnd(44)} ${String(trips).padStart(3)} round trips  median ${median(ms).toFixed(0).padStart(4)} ms  (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}, ${runs} runs)`,
    );
  }

  await timed('GET /api/loans?pageSize=20 (20 loans)', async () => {
    const res = await c.get('/api/loans?pageSize=20');
    if (res.body.items?.length !== 20) throw new Error(`expected 20 loans, got ${res.body.items?.length}`);
    return res;
  });
  await timed('GET /api/me (portal summary, 20 loans)', () => c.get('/api/me'));
  const ids = (await c.get('/api/loans?pageSize=20')).body.items
    .slice(0, 10)
    .map((l: { id: number }) => l.id);
  await timed(
    'POST /api/renewals (10 items)',
    async () => {
      const res = await c.post('/api/renewals', { loanIds: ids });
      const ok = res.body.results?.filter((r: { ok: boolean }) => r.ok).length;
      if (ok !== 10) throw new Error(`expected 10 renewed, got ${JSON.stringify(res.body)}`);
      return res;
    },
    // The sample ILS renews an item any number of times (no once-only limit): each run renews again.
    3,
  );
  await circulation.close();
  await database.close();
}

// The peer with its server processes started up front (ADR 0011), on a port of this task's range.
const peer = await startSip2Peer(data, { ports: [16200, 16299], timeoutMs: 75_000 });
PORT = peer.port;
try {
  console.info(`SIP2 peer on 127.0.0.1:${PORT}; patron 100000024 has 20 loans`);
  for (const poolSize of [1, 4]) await measure(poolSize);
} finally {
  await peer.stop();
}
