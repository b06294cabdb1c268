import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from '../fixtures/test.ts';

/**
 * What Lighthouse's best-practices audits read: no error in the console (a failed request is
 * one), no Content Security Policy violation (zod's `new Function` probe was one), on the public
 * pages and along the renewal journey. And the performance work the patron's phone relies on:
 * the brotli copies of the build are served, the static frame paints before any JavaScript.
 */

interface Problems {
  consoleErrors: string[];
  failedResponses: string[];
  pageErrors: string[];
}

function watch(page: Page): Problems {
  const problems: Problems = { consoleErrors: [], failedResponses: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
});

test.describe('コンソールとCSP', () => {
  test('the public pages, the login form and registration log no error and violate no CSP directive', async ({
    page,
  }) => {
    const problems = watch(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'アカウント' }).getByRole('link')).toHaveText(
      'ログイン',
    );
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    // The shared zod schema checks the form in the browser (its objects are built with the chunk).
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect(page.getByLabel('利用者番号')).toHaveAttribute('aria-invalid', 'true');
    expect(await cspViolations(page)).toEqual([]);
    // Registration's schemas are classic zod objects, which probe `new Function` unless jitless.
    await page.goto('/registration');
    await expect(page.getByRole('heading', { level: 1, name: '新規パスワード登録' })).toBeVisible();
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedResponses: [], pageErrors: [] });
  });

  test('the renewal journey logs no error either, and the header follows the session', async ({ page }) => {
    const problems = watch(page);
    await page.goto('/login');
    await page.getByLabel('利用者番号').fill('100000001');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
    const account = page.getByRole('navigation', { name: 'アカウント' });
    await expect(account.getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await page.goto('/portal/loans');
    await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();
    // A reload asks GET /api/session, which names the patron.
    await expect(account.getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await account.getByRole('button', { name: 'ログアウト' }).click();
    await expect(account.getByRole('link', { name: 'ログイン' })).toBeVisible();
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedResponses: [], pageErrors: [] });
  });

  test('the build is served brotli-compressed', async ({ page }) => {
    const scripts: { url: string; encoding: string | undefined }[] = [];
    page.on('response', async (response) => {
      if (/\/assets\/.+\.js$/.test(response.url())) {
        scripts.push({ url: response.url(), encoding: (await response.allHeaders())['content-encoding'] });
      }
    });
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    // The frame chunk (React and the rest every page needs, vite.config.ts) comes as the build's .br copy.
    const entry = scripts.find((s) => /\/assets\/frame-[\w-]+\.js$/.test(s.url));
    expect(entry?.encoding, JSON.stringify(scripts)).toBe('br');
  });
});

test.describe('JavaScript なし', () => {
  test.use({ javaScriptEnabled: false });

  test('the static frame shows the library header and ログイン before any script runs', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('banner').getByRole('link', { name: /柳川市立図書館/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'アカウント' }).getByRole('link')).toHaveText(
      'ログイン',
    );
    await expect(page.locator('.site-footer')).toHaveCount(0);
  });
});
