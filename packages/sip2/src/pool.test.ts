import { afterEach, describe, expect, it } from 'vitest';
import { Sip2InvalidFieldError, Sip2TimeoutError, Sip2UnavailableError } from './errors.ts';
import { Sip2LoginRefusedError, Sip2Pool } from './pool.ts';
import { FakeIls, type FakeIlsOptions } from './testing/fake-ils.ts';
import { demoLibrary, testSip2Config } from './testing/fixtures.ts';
import type { Sip2Config, Sip2Logger } from './types.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A FakeIls with the demo library (and `ils`) and a pool of 2 on it; `client` overrides the
 * pool's config, `logger` is the pool's. Both are stopped after the test.
 */
async function setup(ils: FakeIlsOptions = {}, client: Partial<Sip2Config> = {}, logger?: Sip2Logger) {
  const fake = new FakeIls({ ...demoLibrary(), ...ils });
  const port = await fake.start(0);
  const config = testSip2Config(port, { encoding: ils.encoding ?? 'utf-8', poolSize: 2, ...client });
  const pool = new Sip2Pool(config, { logger });
  cleanups.push(async () => {
    await pool.close();
    await fake.stop();
  });
  return { fake, pool, port, config };
}

describe('Sip2Pool against FakeIls', () => {
  it('logs in lazily, then reads a patron, items in Japanese, and renews', async () => {
    const { fake, pool } = await setup();
    expect(fake.stats().connections).toBe(0);
    const patron = await pool.patronInformation('100000001', { patronPassword: '4321' });
    expect(fake.stats()).toMatchObject({ connections: 1, logins: 1 });
    expect(fake.requests.map((r) => r.code)).toEqual(['93', '99', '63']);
    expect(patron).toMatchObject({
      personalName: '柳川 太郎',
      email: 'taro@example.jp',
      birthDate: '19750408',
      validPatron: true,
      validPatronPassword: true,
      chargedItemsCount: 3,
      chargedItems: ['2100000001', '2100000002', '2100000004'],
    });
    expect(patron.status.renewalPrivilegesDenied).toBe(false);

    const item = await pool.itemInformation('2100000002');
    expect(item).toMatchObject({ title: '銀河鉄道の夜', circulationStatus: '04', hqueueCount: 1 });
    expect(item.dueDate).toBe('20261220    235959');

    const renewed = await pool.renew('100000001', '2100000001', { patronPassword: '4321' });
    expect(renewed).toMatchObject({ ok: true, renewalOk: true, itemIdentifier: '2100000001' });
    expect(renewed.dueDate).toBe(fake.item('2100000001')!.dueDate);
    expect((await pool.itemInformation('2100000001')).dueDate).toBe(renewed.dueDate);

    const held = await pool.renew('100000001', '2100000002');
    expect(held).toMatchObject({
      ok: false,
      renewalOk: false,
      screenMessages: ['Item has outstanding holds'],
    });
    expect(fake.item('2100000002')!.dueDate).toBe('20261220    235959');

    const blocked = await pool.patronInformation('100000002', { patronPassword: '8765' });
    expect(blocked.status.renewalPrivilegesDenied).toBe(true);
    expect(blocked.screenMessages).toEqual(['延滞中の資料があります']);
    expect((await pool.renew('100000002', '2100000003')).screenMessages).toEqual(['Renewals not allowed.']);

    const wrongPin = await pool.patronInformation('100000001', { patronPassword: '0000' });
    expect(wrongPin.validPatronPassword).toBe(false);
    expect((await pool.patronInformation('999999999')).validPatron).toBe(false);

    const status = await pool.patronStatus('100000002', { patronPassword: '8765' });
    expect(status).toMatchObject({ personalName: '柳川 花子', validPatronPassword: true });
    expect(status.status.renewalPrivilegesDenied).toBe(true);
    expect((await pool.scStatus()).onlineStatus).toBe(true);
    await pool.endSession('100000001');
    expect(fake.stats().connections).toBe(1);
    expect(fake.stats().received['36'] ?? fake.stats().received['35']).toBe(1);
  });

  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    for (const errorDetection of [true, false]) {
      it(`speaks ${encoding} with error detection ${errorDetection ? 'on' : 'off'}`, async () => {
        const { fake, pool } = await setup({ encoding, errorDetection }, { errorDetection });
        const patron = await pool.patronInformation('100000001', { patronPassword: '4321' });
        expect(patron.personalName).toBe('柳川 太郎');
        expect((await pool.itemInformation('2100000003')).title).toBe('ポプラの秋');
        const requests = fake.requests.filter((r) => r.code === '17');
        expect(requests.every((r) => r.checksummed === errorDetection)).toBe(true);
        expect(fake.stats().badRequestChecksums).toBe(0);
      });
    }
  }

  it('reads answers split into single bytes, and answers ended by CRLF or LF', async () => {
    for (const options of [
      { splitAnswers: true },
      { terminator: '\r\n' as const },
      { terminator: '\n' as const },
    ]) {
      const { pool } = await setup(options);
      expect((await pool.itemInformation('2100000001')).title).toBe('吾輩は猫である');
      expect((await pool.itemInformation('2100000003')).title).toBe('ポプラの秋');
    }
  });

  for (const kind of ['badChecksum', 'garbage', 'noChecksum'] as const) {
    it(`${kind}: a read is sent once more on the same connection, then the connection is dropped`, async () => {
      const { fake, pool } = await setup();
      fake.fault({ kind, on: '17', times: 1 });
      expect((await pool.itemInformation('2100000001')).title).toBe('吾輩は猫である');
      expect(pool.stats()).toMatchObject({ retries: 1 });
      expect(fake.stats()).toMatchObject({ connections: 1, received: { '17': 2 } });

      fake.fault({ kind, on: '17', times: 2 });
      await expect(pool.itemInformation('2100000001')).rejects.toBeInstanceOf(Sip2UnavailableError);
      expect(pool.status()).toBe('unavailable');
      expect(pool.openConnections()).toBe(0);
      expect((await pool.itemInformation('2100000001')).title).toBe('吾輩は猫である');
      expect(pool.status()).toBe('ok');
      expect(fake.stats().connections).toBe(2);
    });
  }

  it('never resends a renew: a bad answer is "outcome unknown" (Sip2TimeoutError), though the ILS renewed', async () => {
    const { fake, pool } = await setup();
    fake.fault({ kind: 'badChecksum', on: '29', times: 1 });
    const before = fake.item('2100000001')!.dueDate;
    const error = await pool.renew('100000001', '2100000001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Sip2TimeoutError);
    expect(fake.stats().received['29']).toBe(1);
    expect(fake.item('2100000001')!.dueDate).not.toBe(before);
    expect(pool.stats().retries).toBe(0);
    // the caller re-reads the item: 17 tells the new due date
    expect((await pool.itemInformation('2100000001')).dueDate).toBe(fake.item('2100000001')!.dueDate);
  });

  it('a renew applied but never answered times out, destroys the connection, and is not resent', async () => {
    const { fake, pool } = await setup({}, { timeoutMs: 600 });
    fake.fault({ kind: 'silentRenew', times: 1 });
    await pool.itemInformation('2100000001');
    const started = Date.now();
    await expect(pool.renew('100000001', '2100000001')).rejects.toBeInstanceOf(Sip2TimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    expect(fake.item('2100000001')!.dueDate).not.toBe('20261215    235959'); // it was applied
    expect(fake.stats().received['29']).toBe(1);
    expect(pool.openConnections()).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.openConnections()).toBe(0);
  });

  it('a timed-out read destroys its connection: the late answer is never taken for the next request', async () => {
    const { fake, pool } = await setup({}, { timeoutMs: 800, poolSize: 1 });
    fake.fault({ kind: 'delay', on: '17', ms: 1600, times: 1 });
    await expect(pool.itemInformation('2100000001')).rejects.toBeInstanceOf(Sip2TimeoutError);
    const next = await pool.itemInformation('2100000003');
    expect(next.itemIdentifier).toBe('2100000003');
    expect(next.title).toBe('ポプラの秋');
    expect(fake.stats().connections).toBe(2);
    await new Promise((r) => setTimeout(r, 900)); // the late answer lands on a closed socket
    expect((await pool.itemInformation('2100000004')).title).toBe('週刊 柳川');
  });

  it('a dropped or truncated answer to a read is retried once on a fresh connection', async () => {
    const { fake, pool } = await setup();
    fake.fault({ kind: 'drop', on: '63', times: 1 });
    expect((await pool.patronInformation('100000001')).personalName).toBe('柳川 太郎');
    fake.fault({ kind: 'truncate', on: '17', bytes: 12, times: 1 });
    expect((await pool.itemInformation('2100000001')).title).toBe('吾輩は猫である');
    expect(pool.stats()).toMatchObject({ retries: 2 });
    expect(pool.stats().reconnects).toBeGreaterThanOrEqual(2);

    fake.fault({ kind: 'drop', on: '17', times: 2 });
    await expect(pool.itemInformation('2100000001')).rejects.toBeInstanceOf(Sip2UnavailableError);
    fake.fault({ kind: 'drop', on: '29', times: 1 });
    await expect(pool.renew('100000001', '2100000001')).rejects.toBeInstanceOf(Sip2TimeoutError);
  });

  it('a refused login is Sip2UnavailableError, logged once, and clears when the login is accepted', async () => {
    const logs: Array<{ level: string; obj: object; msg?: string }> = [];
    const logger = {
      info: (obj: object, msg?: string) => logs.push({ level: 'info', obj, msg }),
      warn: (obj: object, msg?: string) => logs.push({ level: 'warn', obj, msg }),
      error: (obj: object, msg?: string) => logs.push({ level: 'error', obj, msg }),
    };
    const { fake, pool } = await setup({ refuseLogin: true }, { poolSize: 1 }, logger);
    await expect(pool.scStatus()).rejects.toBeInstanceOf(Sip2LoginRefusedError);
    await expect(pool.itemInformation('2100000001')).rejects.toBeInstanceOf(Sip2UnavailableError);
    expect(pool.status()).toBe('unavailable');
    expect(logs.filter((l) => l.level === 'error')).toHaveLength(1);
    fake.set('refuseLogin', false);
    expect((await pool.itemInformation('2100000001')).title).toBe('吾輩は猫である');
    expect(pool.status()).toBe('ok');
  });

  it('heals by itself when the ILS comes back on the same port', async () => {
    const { fake, pool, port } = await setup();
    await pool.itemInformation('2100000001');
    await fake.stop();
    await expect(pool.itemInformation('2100000001')).rejects.toBeInstanceOf(Sip2UnavailableError);
    await expect(pool.itemInformation('2100000001')).rejects.toBeInstanceOf(Sip2UnavailableError);
    expect(pool.status()).toBe('unavailable');
    await fake.start(port);
    expect((await pool.itemInformation('2100000001')).title).toBe('吾輩は猫である');
    expect(pool.status()).toBe('ok');
  });

  it('sends one request at a time per connection and queues the rest (bounded wait)', async () => {
    const { fake, pool } = await setup({}, { poolSize: 2, timeoutMs: 2000 });
    fake.fault({ kind: 'delay', on: '17', ms: 30 });
    const ids = ['2100000001', '2100000002', '2100000003', '2100000004'];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => pool.itemInformation(ids[i % 4]!)),
    );
    expect(results.map((r) => r.itemIdentifier)).toEqual(Array.from({ length: 12 }, (_, i) => ids[i % 4]));
    expect(fake.stats()).toMatchObject({ overlappingRequests: 0, maxBusyConnections: 2, connections: 2 });

    // margins of ≥ 300 ms either way, for a loaded machine
    const { fake: slow, pool: single } = await setup({}, { poolSize: 1, timeoutMs: 1000 });
    slow.fault({ kind: 'delay', on: '17', ms: 700 });
    await single.scStatus(); // logged in
    const outcomes = await Promise.allSettled(ids.slice(0, 3).map((id) => single.itemInformation(id)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const third = (outcomes[2] as PromiseRejectedResult).reason;
    expect(third).toBeInstanceOf(Sip2UnavailableError);
    expect(third).not.toBeInstanceOf(Sip2TimeoutError); // it never went out
    expect(slow.stats().received['17']).toBe(2);
  });

  it('fetches a 60-item list in BP/BQ ranges until complete', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: String(3100000000 + i),
      title: `資料 ${i + 1}`,
      patronId: '100000003',
      dueDate: '20261231',
    }));
    const { fake, pool } = await setup(
      { items: [...(demoLibrary().items ?? []), ...many] },
      { pageSize: 25 },
    );
    const info = await pool.patronInformation('100000003');
    expect(info.chargedItemsCount).toBe(60);
    expect(info.chargedItems).toEqual(many.map((i) => i.id));
    expect(info.fields.AU).toEqual(many.map((i) => i.id));
    const ranges = fake.requests
      .filter((r) => r.code === '63')
      .map((r) => [r.fields.BP?.[0], r.fields.BQ?.[0]]);
    expect(ranges).toEqual([
      ['1', '25'],
      ['26', '50'],
      ['51', '75'],
    ]);

    // an ILS that ignores the range (Evergreen's sample ILS does for charged items) answers everything at once
    const { fake: ignoring, pool: pool2 } = await setup(
      { items: many, honourRanges: false },
      { pageSize: 25 },
    );
    expect((await pool2.patronInformation('100000003')).chargedItems).toEqual(many.map((i) => i.id));
    expect(ignoring.stats().received['63']).toBe(1);
  });

  it('itemInformationMany spreads look-ups over the pool in parallel and keeps the order', async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ id: String(4100000000 + i), title: `本 ${i}` }));
    const ids = items.map((i) => i.id).reverse();
    const timings: Record<number, number> = {};
    for (const poolSize of [1, 4]) {
      const { fake, pool } = await setup({ items }, { poolSize, timeoutMs: 3000 });
      fake.fault({ kind: 'delay', on: '17', ms: 25 });
      const started = performance.now();
      const results = await pool.itemInformationMany(ids);
      timings[poolSize] = performance.now() - started;
      expect(results.map((r) => r.itemIdentifier)).toEqual(ids);
      expect(fake.stats()).toMatchObject({
        maxBusyConnections: poolSize,
        connections: poolSize,
        overlappingRequests: 0,
      });
    }
    expect(timings[4]!).toBeLessThan(timings[1]! * 0.75); // ideally ¼; loose for a loaded machine
    const { pool } = await setup();
    expect(await pool.itemInformationMany([])).toEqual([]);
  });

  it('a PIN that SIP2 cannot carry is refused before anything is sent (Sip2InvalidFieldError)', async () => {
    const { fake, pool } = await setup();
    const error = await pool
      .patronInformation('100000001', { patronPassword: '43|AD4321' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Sip2InvalidFieldError);
    expect((error as Sip2InvalidFieldError).field).toBe('AD');
    expect(String((error as Error).message)).not.toContain('4321');
    expect(fake.stats().received['63']).toBeUndefined();
    expect(pool.status()).toBe('ok');
  });

  it('never logs a password, a PIN or a full patron number', async () => {
    const lines: string[] = [];
    const capture = (level: string) => (obj: object, msg?: string) =>
      lines.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`);
    const logger = {
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
      debug: capture('debug'),
    };
    const { fake, pool, config } = await setup({}, { timeoutMs: 800, poolSize: 1 }, logger);
    await pool.patronInformation('100000001', { patronPassword: '4321' });
    fake.fault({ kind: 'badChecksum', on: '63', times: 2 });
    await pool.patronInformation('100000001', { patronPassword: '4321' }).catch(() => {});
    fake.fault({ kind: 'silentRenew', times: 1 });
    await pool.renew('100000001', '2100000001', { patronPassword: '4321' }).catch(() => {});
    fake.fault({ kind: 'garbage', on: '23', times: 1 });
    await pool.patronStatus('100000001', { patronPassword: '4321' });
    await pool.close();
    const refused = new Sip2Pool({ ...config, password: 'wrong-secret' }, { logger });
    await refused.scStatus().catch(() => {});
    await refused.close();

    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(all).toContain('100***');
    for (const secret of ['portal-secret', 'wrong-secret', '4321']) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/(?<!\d)100000001(?!\d)/); // item 2100000001 may be logged, the patron not
  });
});

describe('FakeIls with the peer data file', () => {
  it('serves the same patrons and items as the real peer gets', async () => {
    const { readFileSync } = await import('node:fs');
    const { fromPeerData } = await import('./testing/fixtures.ts');
    const data = JSON.parse(readFileSync(new URL('./testing/peer-data.json', import.meta.url), 'utf8'));
    const fake = new FakeIls(fromPeerData(data));
    const port = await fake.start(0);
    const pool = new Sip2Pool(testSip2Config(port));
    try {
      const patron = await pool.patronInformation('200000002', { patronPassword: '8765' });
      expect(patron.status.renewalPrivilegesDenied).toBe(true);
      expect(patron.screenMessages).toEqual(['延滞資料があるため延長できません']);
      expect((await pool.itemInformation('3100000004')).title).toBe('ガリヴァー旅行記');
      expect((await pool.renew('200000001', '3100000002')).screenMessages).toEqual([
        'Item has outstanding holds',
      ]);
    } finally {
      await pool.close();
      await fake.stop();
    }
  });
});
