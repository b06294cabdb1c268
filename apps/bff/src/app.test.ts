import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/test-app.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'library-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ja"><title>shell</title></html>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
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
