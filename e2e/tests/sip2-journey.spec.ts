/// <reference lib="dom" />
import { fileURLToPath } from 'node:url';
import { Sip2Pool, sip2DatePart } from '@library/sip2';
import type { Page } from '@playwright/test';
import { expectAccessible } from '../fixtures/a11y.ts';
import { startAppServer } from '../fixtures/server.ts';
import { SIP2_PEER_LOGIN, type SipPeer, sip2PeerMissing, startSip2Peer } from '../fixtures/sip2-peer.ts';
import { test as base, expect, guideStep, loanRow, openLoanListFromPortal } from '../fixtures/test.ts';

/**
 * The guide's journey ①–⑥ on CIRCULATION=sip2, in front of the REAL SIP2 server beside the
 * project (../shared/sip2-peer: Evergreen's SIPServer and its sample ILS) loaded with
 * fixtures/sip2-peer-data.json — data these tests did not write. The peer counts due dates
 * from the real clock (a renewal: now + 14 days), so the business date is not pinned here.
 * Desktop project only (playwright.config.ts), to keep CI time.
 */

const ILS_UNAVAILABLE = '図書館システムに接続できません。しばらくしてからもう一度お試しください。';
const PATTERNS = fileURLToPath(new URL('../fixtures/sip2-reason-patterns.json', import.meta.url));

const missing = sip2PeerMissing();
// On CI a missing peer (or perl) is a failure, never a silent skip.
if (missing && process.env.CI === 'true') throw new Error(`sip2-journey needs the SIP2 peer: ${missing}`);

const test = base.extend<object, { peer: SipPeer }>({
  peer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring
    async ({}, use) => {
      const peer = await startSip2Peer();
      await use(peer);
      await peer.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  appServer: [
    async ({ dataDir, peer }, use) => {
      const server = await startAppServer({
        env: {
          DATA_DIR: dataDir,
          CIRCULATION: 'sip2',
          SIP2_HOST: '127.0.0.1',
          SIP2_PORT: String(peer.port),
          SIP2_USER: SIP2_PEER_LOGIN.user,
          SIP2_PASSWORD: SIP2_PEER_LOGIN.password,
          SIP2_INSTITUTION: SIP2_PEER_LOGIN.institution,
          SIP2_TIMEOUT_MS: '3000',
          SIP2_REASON_PATTERNS: PATTERNS,
        },
      });
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test.use({ ownServer: 'sip2' });
// Every page is a few SIP2 round trips to a Perl server on a shared machine: more time than the default 60 s.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.skip(missing !== null, `SIP2 peer not available: ${missing}`);

/** Today in Tokyo, the peer's zone, plus `days`, as YYYY/MM/DD (the guide's format). */
function tokyoDate(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(at)
    .replaceAll('-', '/');
}

/** The ILS's own view of an item (17/18), asked on a connection of the test's own. */
async function ilsDueDate(peer: SipPeer, itemId: string): Promise<string> {
  const pool = new Sip2Pool({
    host: '127.0.0.1',
    port: peer.port,
    ...SIP2_PEER_LOGIN,
    tls: false,
    encoding: 'utf-8',
    errorDetection: true,
    timeoutMs: 3000,
    poolSize: 1,
  });
  try {
    const item = await pool.itemInformation(itemId);
    return sip2DatePart(item.dueDate!).replaceAll('-', '/');
  } finally {
    await pool.close();
  }
}

/** The ILS lists loans in its own order: from page 1, page on (waiting for each page's own answer) until the row is there. */
async function pageToRow(page: Page, title: string) {
  const heading = page.getByRole('heading', { level: 2, name: /貸出中一覧（\d+\/\d+ページ）/ });
  await expect(heading).toBeVisible();
  if (!/（1\//.test((await heading.textContent()) ?? '')) await page.goto('/portal/loans');
  for (let n = 1; n <= 5; n++) {
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`（${n}/\\d+ページ）`) }),
    ).toBeVisible();
    if ((await loanRow(page, title).count()) > 0) return loanRow(page, title);
    const next = page.getByRole('button', { name: '次のページ' });
    if (!(await next.isEnabled())) break;
    await next.click();
  }
  await expect(loanRow(page, title)).toHaveCount(1);
  return loanRow(page, title);
}

async function login(page: Page, number: string, pin: string) {
  await page.goto('/login');
  await page.getByLabel('利用者番号').fill(number);
  await page.getByLabel('パスワード').fill(pin);
  await page.getByRole('button', { name: 'ログインする' }).click();
}

test('①–⑥ ILS の暗証番号でログイン → 利用者ポータル → 貸出一覧 → 継続貸出 → 結果 → 前に戻る; the ILS’s 17 shows the new date', async ({
  page,
  peer,
}, testInfo) => {
  const title = 'マンガ日本の歴史 現代篇 2 大日本帝国の成立';
  await guideStep(page, '① メインメニュー', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
  });
  await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).click();
  await guideStep(page, '② 利用照会 (ILS の暗証番号)', async () => {
    await page.getByLabel('利用者番号').fill('100000021');
    await page.getByLabel('パスワード').fill('1234');
  });
  await page.getByRole('button', { name: 'ログインする' }).click();

  await guideStep(page, '③ 利用者ポータル', async () => {
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
    await expect(page.getByText('ヤナガワ タロウ さん、あなたの図書館利用状況です。')).toBeVisible();
    const summary = page.getByRole('table', { name: '貸出状況' });
    await expect(summary.locator('tbody tr')).toHaveCount(22);
    await expect(summary.locator('tr', { hasText: title })).toContainText('2099/12/25');
  });

  await openLoanListFromPortal(page);
  await guideStep(page, '④ 貸出一覧 (ILS の貸出)', async () => {
    await expect(page.getByText('該当件数【22】')).toBeVisible();
    await expect(page.getByRole('heading', { name: /貸出中一覧（1\/3ページ）/ })).toBeVisible();
    await expect(page.locator('.loan-table tbody tr')).toHaveCount(10);
    await expectAccessible(page, testInfo, '④ 貸出一覧 (ILS)');
  });
  const row = await pageToRow(page, title);
  await expect(row).toContainText('2099/12/25');
  await row.getByRole('button', { name: '貸出延長' }).click();

  const dialog = page.getByRole('dialog');
  await guideStep(page, '⑤ 継続貸出', async () => {
    await expect(dialog).toContainText('借りている資料で一回のみ貸出延長が行えます。');
    await expect(dialog).toContainText('貸出延長を行いますか？');
    await expect(dialog).toContainText(title);
  });
  await dialog.getByRole('button', { name: '延長する' }).click();

  const newDue = tokyoDate(14);
  await guideStep(page, '⑥ 結果', async () => {
    await expect(page.getByRole('heading', { name: '貸出延長を行いました' })).toBeVisible();
    const renewed = page.getByRole('table', { name: '延長した資料' });
    await expect(renewed).toContainText(title);
    await expect(renewed).toContainText(newDue);
  });
  // The ILS's own item information agrees: the renewal is the ILS's, not ours.
  expect(await ilsDueDate(peer, '4100000002')).toBe(newDue);

  await page.getByRole('button', { name: '前に戻る' }).click();
  await expect(page.getByText('該当件数【22】')).toBeVisible();
  await expect(await pageToRow(page, title)).toContainText(newDue);
});

test('a held item shows 予約あり, and the ILS refuses it with its reason', async ({ page, peer }) => {
  await login(page, '100000021', '1234');
  await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
  await openLoanListFromPortal(page);
  const row = await pageToRow(page, '北原白秋詩集');
  await expect(row).toContainText('予約あり');
  await expect(row.getByRole('checkbox')).toHaveCount(0);
  await expect(row.getByRole('button', { name: '貸出延長' })).toHaveCount(0);
  // Asked anyway (a stale tab, another client): the ILS refuses, and says why.
  const answer = await page.evaluate(async () => {
    const loans = await (await fetch('/api/loans?pageSize=100')).json();
    const held = loans.items.find((l: { title: string }) => l.title === '北原白秋詩集');
    const res = await fetch('/api/renewals', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ loanIds: [held.id] }),
    });
    return { status: res.status, body: await res.json() };
  });
  expect(answer.status).toBe(200);
  expect(answer.body.results).toEqual([
    { loanId: expect.any(Number), title: '北原白秋詩集', ok: false, reason: 'reserved' },
  ]);
  expect(await ilsDueDate(peer, '4100000004')).toBe('2099/12/26');
});

test("a patron the ILS denies renewals sees the block with the ILS's message", async ({ page }, testInfo) => {
  await login(page, '200000022', '5678');
  await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('現在、この利用者カードでは貸出延長の手続きができません。');
  await expect(banner).toContainText(
    '未返却の資料について図書館からご連絡があります。カウンターにお越しください。',
  );
  await openLoanListFromPortal(page);
  await expect(page.getByRole('alert').first()).toContainText('図書館からのお知らせ：未返却の資料について');
  await expect(page.getByText('該当件数【2】')).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /貸出延長|全選択|全解除/ })).toHaveCount(0);
  await expectAccessible(page, testInfo, '貸出一覧 (ILS が延長を停止)');
});

test('the peer stopped mid-session: the clear 503 message, and nothing is reported renewed', async ({
  page,
  peer,
}) => {
  await login(page, '100000024', '1357');
  await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
  await openLoanListFromPortal(page);
  await expect(page.getByText('該当件数【20】')).toBeVisible();
  await page.getByRole('button', { name: '全選択' }).first().click();
  await page
    .getByRole('button', { name: /一括貸出延長/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('貸出延長を行いますか？');

  await peer.stop();
  await dialog.getByRole('button', { name: '延長する' }).click();
  await expect(dialog).toContainText(ILS_UNAVAILABLE);
  await expect(page.getByRole('heading', { name: '貸出延長を行いました' })).toHaveCount(0);

  // The list, the portal and the login say the same.
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: ILS_UNAVAILABLE })).toBeVisible();
  const health = await page.evaluate(async () => (await fetch('/api/health')).json());
  expect(health.circulation).toEqual({ backend: 'sip2', status: 'unavailable' });
  await page.context().clearCookies();
  await login(page, '100000024', '1357');
  await expect(page.getByText(ILS_UNAVAILABLE)).toBeVisible();
});
