/**
 * Round trips through the real SIP2 peer (../shared/sip2-peer), for the numbers in ADR 0011:
 *   node scripts/pnpm.mjs --filter @library/sip2 run bench:peer
 * Starts the peer with peer-data.json, measures, stops it. Prints one line per figure.
 */
import { fileURLToPath } from 'node:url';
import { Sip2Pool } from '../pool.ts';
import { testSip2Config } from './fixtures.ts';
import { sip2PeerMissing, startSip2Peer } from './peer.ts';

const missing = sip2PeerMissing();
if (missing) {
  console.error(`bench-peer: ${missing}`);
  process.exit(1);
}
const peer = await startSip2Peer(fileURLToPath(new URL('./peer-data.json', import.meta.url)));
const config = (poolSize: number) => testSip2Config(peer.port, { timeoutMs: 5000, poolSize });
const ids = Array.from({ length: 20 }, (_, i) => String(3200000001 + i));
const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const show = (label: string, xs: number[]) =>
  console.info(
    `${label}: p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms (n=${xs.length})`,
  );

try {
  const pool = new Sip2Pool(config(4));
  const connect = await time(() => pool.scStatus());
  console.info(`first request (connect + 93 + 99 + 99): ${connect.toFixed(1)} ms`);
  const sc: number[] = [];
  for (let i = 0; i < 50; i++) sc.push(await time(() => pool.scStatus()));
  show('99 SC status', sc);
  const item: number[] = [];
  for (let i = 0; i < 100; i++) item.push(await time(() => pool.itemInformation(ids[i % 20]!)));
  show('17 item information', item);
  const patron: number[] = [];
  for (let i = 0; i < 30; i++)
    patron.push(await time(() => pool.patronInformation('200000004', { patronPassword: '2222' })));
  show('63 patron information (20 charged)', patron);
  const renew: number[] = [];
  for (let i = 0; i < 40; i++) renew.push(await time(() => pool.renew('200000004', ids[i % 20]!)));
  show('29 renew', renew);
  await pool.close();
  for (const poolSize of [1, 2, 4]) {
    const p = new Sip2Pool(config(poolSize));
    await p.itemInformationMany(ids.slice(0, poolSize));
    const list: number[] = [];
    const many: number[] = [];
    const bulk: number[] = [];
    for (let r = 0; r < 7; r++) {
      many.push(await time(() => p.itemInformationMany(ids)));
      list.push(
        await time(async () => {
          const info = await p.patronInformation('200000004', { patronPassword: '2222' });
          await p.itemInformationMany(info.chargedItems);
        }),
      );
      bulk.push(await time(() => Promise.all(ids.slice(0, 10).map((id) => p.renew('200000004', id)))));
    }
    show(`poolSize ${poolSize}: 20-item itemInformationMany`, many);
    show(`poolSize ${poolSize}: 20-loan list (63 + 20 × 17)`, list);
    show(`poolSize ${poolSize}: 10 renewals in parallel`, bulk);
    await p.close();
  }
} finally {
  await peer.stop();
}
