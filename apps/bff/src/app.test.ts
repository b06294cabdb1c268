import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp, type TestApp } from './test/test-app.ts';

const BIG_JS = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))};`;

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'library-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ja"><title>shell</title></html>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  // A chunk large enough to compress, with the brotli copy the build writes beside it.
  writeFileSync(join(dir, 'assets', 'big-abc123.js'), BIG_JS);
  writeFileSync(join(dir, 'assets', 'big-abc123.js.br'), brotliCompressSync(BIG_JS));
  t = await createTestApp({ demo: false, env: { STATIC_DIR: dir } });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SPA on the same origin', () => {
  it('marks hashed assets immutable and revalidates the shell and the service worker', async () => {
    const asset = await t.app.request('http://localhost/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const sw = await t.app.request('http://localhost/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const root = await t.app.request('http://localhost/');
    expect(root.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers client-side routes with the shell, and unknown API paths with the error shape', async () => {
    const page = await t.app.request('http://localhost/portal/loans');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>shell</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const api = await t.app.request('http://localhost/api/nothing');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('missing files (issue 17, defect 6)', () => {
  it('answers 404 for an unknown asset or any path with a file extension: never the shell, never immutable', async () => {
    for (const path of [
      '/assets/does-not-exist.js',
      '/assets/index-abc124.css',
      '/assets/',
      '/assets/sub/dir.js',
      '/favicon.ico',
      '/robots.txt',
      '/portal/loans.json',
      '/icons/missing.png',
    ]) {
      const res = await t.app.request(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('cache-control') ?? '', path).not.toMatch(/immutable|max-age=[1-9]/);
      expect(res.headers.get('content-type') ?? '', path).not.toMatch(/text\/html/);
      expect(await res.text(), path).not.toContain('<title>shell</title>');
    }
    // Client-side routes (no extension) still get the shell.
    for (const path of ['/portal', '/portal/loans', '/registration/step-2', '/settings/email.change']) {
      const res = await t.app.request(`http://localhost${path}`);
      if (path.includes('.')) expect(res.status, path).toBe(404);
      else expect(await res.text(), path).toContain('<title>shell</title>');
    }
  });
});

describe('compression', () => {
  const gzipOrBr = { 'Accept-Encoding': 'gzip, deflate, br' };

  it('serves the brotli copy of an asset to a browser that takes br, gzip to one that does not', async () => {
    const br = await t.app.request('http://localhost/assets/big-abc123.js', { headers: gzipOrBr });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(BIG_JS.length / 2);

    const gz = await t.app.request('http://localhost/assets/big-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(BIG_JS);

    const plain = await t.app.request('http://localhost/assets/big-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG_JS);
  });

  it('gzips a GET API answer for a client that accepts it, and leaves the rest alone', async () => {
    // The calendar needs the demo data's branches.
    const demo = await createTestApp();
    onTestFinished(() => demo.close());
    const path = 'http://localhost/api/calendar?from=2021-01&months=2';
    const plain = await demo.app.request(path);
    const body = await plain.text();
    expect(plain.status, body).toBe(200);
    expect(body.length).toBeGreaterThan(1024);
    expect(plain.headers.get('content-encoding')).toBeNull();

    const gz = await demo.app.request(path, { headers: gzipOrBr });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toBe('no-store');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(body);

    // A small answer goes as it is: gzip would cost more than it saves.
    const small = await demo.app.request('http://localhost/api/session', { headers: gzipOrBr });
    expect(small.status).toBe(200);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary')).toBe('Accept-Encoding');
    expect(await small.json()).toMatchObject({ patron: null });

    // Answers to a POST (the registration token, the login) are never compressed.
    const post = await demo.app.request('http://localhost/api/session', {
      method: 'POST',
      headers: { ...gzipOrBr, 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ patronNumber: '1', password: 'x'.repeat(2000) }),
    });
    expect(post.status).toBe(400);
    expect(post.headers.get('content-encoding')).toBeNull();
  });
});
