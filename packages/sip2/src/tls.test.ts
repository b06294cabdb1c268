import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sip2UnavailableError } from './errors.ts';
import { Sip2Pool } from './pool.ts';
import { FakeIls } from './testing/fake-ils.ts';
import { demoLibrary, testSip2Config } from './testing/fixtures.ts';
import type { Sip2Config } from './types.ts';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl)
  console.warn('tls.test.ts skipped: openssl is not installed (it makes the test certificate)');

/** SIP2 over TLS (SIP2_TLS=true): a self-signed certificate made for the run, trusted through `ca`. */
describe.skipIf(!hasOpenssl)('SIP2 over TLS', () => {
  let dir: string;
  let key: Buffer;
  let cert: Buffer;
  let fake: FakeIls;
  let config: Sip2Config;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sip2-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    key = readFileSync(join(dir, 'key.pem'));
    cert = readFileSync(join(dir, 'cert.pem'));
    fake = new FakeIls({ ...demoLibrary(), tls: { key, cert } });
    const port = await fake.start(0);
    config = testSip2Config(port, {
      host: 'localhost',
      tls: true,
      tlsOptions: { ca: cert },
      timeoutMs: 2000,
    });
  }, 30_000);

  afterAll(async () => {
    await fake?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in and reads an item over TLS when the certificate is trusted', async () => {
    const pool = new Sip2Pool(config);
    try {
      expect((await pool.itemInformation('2100000001')).title).toBe('吾輩は猫である');
    } finally {
      await pool.close();
    }
  });

  it('refuses a certificate it cannot verify, and plain TCP against a TLS port', async () => {
    const untrusted = new Sip2Pool({ ...config, tlsOptions: {} });
    await expect(untrusted.scStatus()).rejects.toBeInstanceOf(Sip2UnavailableError);
    await untrusted.close();
    const plain = new Sip2Pool({ ...config, tls: false, timeoutMs: 300 });
    await expect(plain.scStatus()).rejects.toBeInstanceOf(Sip2UnavailableError);
    await plain.close();
  });
});
