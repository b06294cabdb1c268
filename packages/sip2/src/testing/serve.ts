/**
 * Runs FakeIls as a stand-alone SIP2 server, for demos (`npm run start:sip2`) and manual tests:
 *   node scripts/pnpm.mjs --filter @library/sip2 run fake-ils [PORT] [DATA.json]
 * DATA.json is in the SIP2 peer's format (see fixtures.ts); without it, demoLibrary().
 * Login portal / portal-secret, institution YANAGAWA; SIGINT/SIGTERM stop it.
 */
import { readFileSync } from 'node:fs';
import { FakeIls } from './fake-ils.ts';
import { demoLibrary, fromPeerData, type PeerData } from './fixtures.ts';

const [portArg, dataFile] = process.argv.slice(2);
const port = Number(portArg ?? process.env.SIP2_PORT ?? 6001);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve.ts: bad port ${JSON.stringify(portArg)}`);
  process.exit(2);
}
const data = dataFile ? fromPeerData(JSON.parse(readFileSync(dataFile, 'utf8')) as PeerData) : demoLibrary();
const encoding = process.env.SIP2_ENCODING === 'shift_jis' ? 'shift_jis' : 'utf-8';
const fake = new FakeIls({ ...data, encoding, errorDetection: process.env.SIP2_ERROR_DETECTION !== 'false' });
const listening = await fake.start(port);
console.info(
  `FakeIls: SIP2 on 127.0.0.1:${listening} (${encoding}), ${data.patrons?.length ?? 0} patrons, ${data.items?.length ?? 0} items`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.stop().then(() => process.exit(0));
  });
}
