/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/a11y.ts';
import { startAppServer } from '../fixtures/server.ts';
import { expect, GUIDE_TODAY, test } from '../fixtures/test.ts';

const staticDir = process.env.STATIC_DIR ?? fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

/** What a patron of the demo data would leave behind: their name, number and titles. */
const PERSONAL = ['ヤナガワタロウ', '100000001', 'マンガ日本の歴史'];

/**
 * Everything the origin keeps on the device, as text: every value of every object store of
 * every IndexedDB database, and sessionStorage and localStorage (where the offline copy lives
 * when 「この端末に保存する」 was not chosen).
 */
function readOfflineCopy(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [
      { sessionStorage: { ...sessionStorage } },
      { localStorage: { ...localStorage } },
    ];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        dump.push({ db: info.name, store: storeName, values });
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

/** Every URL in Cache Storage (the service worker's precache). */
function readCacheStorage(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}

async function waitForServiceWorkerControl(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null))
    .toBe('activated');
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** 100000001 logged in, and the portal's 貸出状況 written to the offline copy. */
async function loginWithOfflineCopy(page: Page, loginAs: (patronNumber: string) => Promise<void>) {
  await loginAs('100000001');
  await expect.poll(() => readOfflineCopy(page)).toContain('マンガ日本の歴史');
}

test.describe('PWA: インストールとオフライン', () => {
  test('the manifest is Japanese, complete, and every icon answers as the PNG it declares', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');

    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    expect(response.headers()['cache-control']).toBe('no-cache');
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: '柳川市立図書館 貸出延長サービス',
      short_name: '柳川図書館',
      lang: 'ja',
      display: 'standalone',
      start_url: '/portal',
      scope: '/',
      theme_color: '#1d4f73',
    });
    expect(manifest.description).toMatch(/貸出延長/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of icons) {
      const image = await request.get(icon.src);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type'], icon.src).toBe('image/png');
      expect(pngSize(await image.body()), icon.src).toBe(icon.sizes);
    }
  });

  test('Chromium itself finds the app installable', async ({ appServer }, testInfo) => {
    // A normal (persistent) profile: Chromium never offers to install from an incognito one,
    // which is what Playwright's contexts are.
    const profile = mkdtempSync(join(tmpdir(), 'library-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      ...testInfo.project.use.launchOptions,
      baseURL: appServer.baseURL,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      await waitForServiceWorkerControl(page);
      const cdp = await context.newCDPSession(page);
      const { errors } = await cdp.send('Page.getAppManifest');
      expect(errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the service worker registers, controls the page after a reload, and caches only the shell', async ({
    page,
    request,
  }) => {
    const sw = await request.get('/sw.js');
    expect(sw.headers()['content-type']).toContain('javascript');
    expect(sw.headers()['cache-control']).toBe('no-cache');

    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

    const cached = await readCacheStorage(page);
    const paths = cached.map((url) => new URL(url).pathname);
    expect(paths).toContain('/index.html');
    expect(paths).toContain('/manifest.webmanifest');
    expect(paths.some((path) => /^\/assets\/index-.*\.js$/.test(path))).toBe(true);
    expect(cached.filter((url) => new URL(url).pathname.startsWith('/api'))).toEqual([]);
  });

  test('offline after a visit: a reload opens the app with the last 貸出状況 and 「オフラインです」', async ({
    page,
    context,
    loginAs,
  }, testInfo) => {
    const before = Date.now();
    await loginAs('100000001');
    await expect(page.getByRole('table', { name: '貸出状況' })).toContainText('マンガ日本の歴史');
    const after = Date.now();
    await waitForServiceWorkerControl(page);
    // The offline copy is written (throttled), for this browser session.
    await expect.poll(() => readOfflineCopy(page)).toContain('マンガ日本の歴史');
    await expect(page.getByText('オフラインです')).toHaveCount(0);

    await context.setOffline(true);
    await page.reload();

    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
    const table = page.getByRole('table', { name: '貸出状況' });
    for (const volume of ['現代篇 3', '現代篇 2', '現代篇 1']) {
      await expect(table.getByRole('row').filter({ hasText: `マンガ日本の歴史 ${volume}` })).toContainText(
        '2021/01/25',
      );
    }
    const notice = page.getByRole('status').filter({ hasText: 'オフラインです' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('時点のものです');
    // The time shown is when the data was fetched, to the minute, in Tokyo.
    const shown = await notice.locator('time').getAttribute('datetime');
    const fetchedAt = Date.parse(shown!);
    expect(fetchedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(fetchedAt).toBeLessThanOrEqual(after + 1000);
    // Tokyo is UTC+9 all year (no DST): the expected text from the instant itself, not from a
    // second copy of the app's formatter.
    const tokyo = new Date(fetchedAt + 9 * 3_600_000)
      .toISOString()
      .replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}).*$/, '$1/$2/$3 $4:$5');
    await expect(notice.locator('time')).toHaveText(tokyo);
    expect(tokyo).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);

    await expectNoAxeViolations(page, testInfo, 'オフライン');
    await testInfo.attach('オフラインの利用者ポータル', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    // Back online the notice goes away by itself.
    await context.setOffline(false);
    await expect(page.getByText('オフラインです')).toHaveCount(0);
  });

  test('offline after a visit to 貸出一覧: a reload shows the last loans with 「オフラインです」 and no usable renewal control', async ({
    page,
    context,
    loginAs,
  }, testInfo) => {
    await loginAs('100000001');
    await page.getByRole('link', { name: '貸出状況', exact: true }).click();
    await expect(page.getByText('該当件数【8】')).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(4);
    await waitForServiceWorkerControl(page);
    // The loan list's answer (with its 注意 and branches) is in the offline copy.
    await expect.poll(() => readOfflineCopy(page)).toContain('totalPages');
    await expect.poll(() => readOfflineCopy(page)).toContain('北原白秋詩集');

    await context.setOffline(true);
    await page.reload();

    await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'オフラインです' })).toContainText(
      '時点のものです',
    );
    await expect(page.getByText('該当件数【8】')).toBeVisible();
    const row = page.locator('.loan-table tbody tr', { hasText: 'マンガ日本の歴史 現代篇 2' });
    await expect(row).toContainText('2021/01/25');
    await expect(page.locator('.loan-table tbody tr', { hasText: '北原白秋詩集' })).toContainText('予約あり');
    await expect(page.getByText('オフラインのため、貸出延長はできません。')).toBeVisible();
    // Nothing to tick or press: no checkbox, 全選択, 全解除, 一括貸出延長 or 貸出延長 (enabled or not).
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /貸出延長|全選択|全解除|延長する/ })).toHaveCount(0);
    await expectNoAxeViolations(page, testInfo, '貸出一覧 (オフライン)');
    await testInfo.attach('オフラインの貸出一覧', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();

    // Back online the controls come back by themselves; the list stays on screen even if the
    // refresh that was waiting for the network fails as the connection comes back.
    await context.setOffline(false);
    await expect(page.getByText('オフラインです')).toHaveCount(0);
    await expect(page.getByText('該当件数【8】')).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(4);
    await expect(row.getByRole('button', { name: '貸出延長' })).toBeEnabled();
  });

  test('after ログアウト nothing personal remains in IndexedDB or Cache Storage', async ({
    page,
    loginAs,
  }) => {
    await loginWithOfflineCopy(page, loginAs);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();

    // Long enough for a throttled write (1 s) to have landed after the removal.
    await page.waitForTimeout(1500);
    const stored = await readOfflineCopy(page);
    for (const text of PERSONAL) expect(stored).not.toContain(text);
    const cached = await readCacheStorage(page);
    expect(cached.filter((url) => new URL(url).pathname.startsWith('/api'))).toEqual([]);
  });

  test('a 401 (session ended elsewhere) removes the offline copy and asks to log in again', async ({
    page,
    loginAs,
  }) => {
    await loginWithOfflineCopy(page, loginAs);

    // The session ends on the server (here: deleted with the same cookie, outside the app).
    expect((await page.request.delete('/api/session')).status()).toBe(204);
    await page.reload();

    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    await expect(page.getByText('マンガ日本の歴史')).toHaveCount(0);
    await page.waitForTimeout(1500);
    const stored = await readOfflineCopy(page);
    for (const text of PERSONAL) expect(stored).not.toContain(text);
  });

  for (const keep of [false, true]) {
    test(`closing the browser ${keep ? 'with' : 'without'} 「この端末に保存する」, then opening 貸出一覧 offline: ${
      keep ? 'the last loans with their time' : 'nothing personal'
    }`, async ({ appServer }, testInfo) => {
      // A real profile on disk, closed and opened again: what a browser restart is.
      const profile = mkdtempSync(join(tmpdir(), 'library-restart-'));
      const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, launchOptions } =
        testInfo.project.use;
      const launch = () =>
        chromium.launchPersistentContext(profile, {
          ...launchOptions,
          ...(viewport ? { viewport } : {}),
          ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
          ...(isMobile !== undefined ? { isMobile } : {}),
          ...(hasTouch !== undefined ? { hasTouch } : {}),
          ...(userAgent ? { userAgent } : {}),
          baseURL: appServer.baseURL,
          locale: 'ja-JP',
          timezoneId: 'Asia/Tokyo',
        });
      try {
        const before = Date.now();
        const first = await launch();
        const page = first.pages()[0] ?? (await first.newPage());
        await page.goto('/login');
        const keepBox = page.getByRole('checkbox', { name: 'この端末に保存する' });
        // Off by default: a browser tab on a shared library PC keeps nothing.
        await expect(keepBox).not.toBeChecked();
        await page.getByLabel('利用者番号').fill('100000001');
        await page.getByLabel('パスワード').fill('tosho2021');
        if (keep) await keepBox.check();
        await page.getByRole('button', { name: 'ログインする' }).click();
        await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
        await page.getByRole('link', { name: '貸出状況', exact: true }).click();
        await expect(page.getByText('該当件数【8】')).toBeVisible();
        const after = Date.now();
        await waitForServiceWorkerControl(page);
        await expect.poll(() => readOfflineCopy(page)).toContain('北原白秋詩集');
        await page.waitForTimeout(1500); // the throttled write has landed
        await first.close(); // the browser closes without ログアウト

        const second = await launch();
        try {
          await second.setOffline(true);
          const reopened = second.pages()[0] ?? (await second.newPage());
          await reopened.goto('/portal/loans');
          if (keep) {
            await expect(reopened.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();
            await expect(reopened.getByText('該当件数【8】')).toBeVisible();
            await expect(
              reopened.locator('.loan-table tbody tr', { hasText: 'マンガ日本の歴史 現代篇 2' }),
            ).toContainText('2021/01/25');
            const notice = reopened.getByRole('status').filter({ hasText: 'オフラインです' });
            await expect(notice).toContainText('時点のものです');
            const fetchedAt = Date.parse((await notice.locator('time').getAttribute('datetime'))!);
            expect(fetchedAt).toBeGreaterThanOrEqual(before - 1000);
            expect(fetchedAt).toBeLessThanOrEqual(after + 1000);
          } else {
            // The shell opens (the service worker has it), but with nothing of the patron's.
            await expect(reopened.getByRole('heading', { level: 1 })).toBeVisible();
            await reopened.waitForTimeout(1500);
            const shown = (await reopened.locator('body').textContent()) ?? '';
            const stored = await readOfflineCopy(reopened);
            for (const text of [...PERSONAL, '北原白秋詩集', '該当件数']) {
              expect(shown).not.toContain(text);
              expect(stored).not.toContain(text);
            }
          }
          await testInfo.attach(`再起動後のオフライン (${keep ? '保存する' : '保存しない'})`, {
            body: await reopened.screenshot({ fullPage: true }),
            contentType: 'image/png',
          });
        } finally {
          await second.close();
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    });
  }

  test('when a new version is deployed the app offers 「更新する」 and reloads into it', async ({
    browser,
  }, testInfo) => {
    // A copy of the built app, served by a server of its own, that we can "deploy" into.
    const deployDir = mkdtempSync(join(tmpdir(), 'library-pwa-'));
    cpSync(staticDir, deployDir, { recursive: true });
    const server = await startAppServer({ today: GUIDE_TODAY, env: { STATIC_DIR: deployDir } });
    const context = await browser.newContext({
      baseURL: server.baseURL,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await waitForServiceWorkerControl(page);
      const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
      await expect(page.getByText('新しいバージョンがあります')).toHaveCount(0);

      const swPath = join(deployDir, 'sw.js');
      writeFileSync(swPath, `${readFileSync(swPath, 'utf8')}\n// next release\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

      const banner = page.getByRole('status').filter({ hasText: '新しいバージョンがあります' });
      await expect(banner).toBeVisible();
      await expectNoAxeViolations(page, testInfo, '新しいバージョン');
      await testInfo.attach('新しいバージョンがあります', {
        body: await page.screenshot(),
        contentType: 'image/png',
      });

      const reloaded = page.waitForEvent('framenavigated');
      await banner.getByRole('button', { name: '更新する' }).click();
      await reloaded;
      await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
      await expect(page.getByText('新しいバージョンがあります')).toHaveCount(0);
      const registration = await page.evaluate(async () => {
        const current = await navigator.serviceWorker.getRegistration();
        return {
          waiting: current?.waiting !== null,
          controller: navigator.serviceWorker.controller?.scriptURL,
        };
      });
      expect(registration).toEqual({ waiting: false, controller: firstWorker });
    } finally {
      await context.close();
      await server.stop();
      rmSync(deployDir, { recursive: true, force: true });
    }
  });
});
