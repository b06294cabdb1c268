/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { startAppServer } from '../fixtures/server.ts';
import { expect, GUIDE_TODAY, test } from '../fixtures/test.ts';

/** The renewal journey changes the patron's loans: it gets a server and database of its own. */
const freshTest = test.extend({
  baseURL: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring
    async ({}, use) => {
      const server = await startAppServer({ today: GUIDE_TODAY });
      await use(server.baseURL);
      await server.stop();
    },
    { scope: 'test', timeout: 90_000 },
  ],
});

async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe violations on ${label}`,
  ).toEqual([]);
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A row of 貸出中一覧 by a fragment of its title (rows are cards on a phone, still <tr>). */
function loanRow(page: Page, title: string): Locator {
  return page.locator('.loan-table tbody tr', { hasText: title });
}

async function openLoanList(page: Page, patronNumber: string) {
  await page.goto('/login');
  await page.getByLabel('利用者番号').fill(patronNumber);
  await page.getByLabel('パスワード').fill('tosho2021');
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
  // ③ 利用者ポータルの「貸出状況」をクリック
  await page.getByRole('link', { name: '貸出状況', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '現在位置' })).toHaveText(
    /メインメニュー.*利用者ポータル.*貸出一覧/,
  );
}

freshTest.describe(`貸出延長 (business date ${GUIDE_TODAY})`, () => {
  freshTest.describe.configure({ timeout: 120_000 });
  freshTest(
    '④–⑥ 100000001 renews 現代篇 2 with its row button, then the rest with 全選択 + 一括貸出延長',
    async ({ page }, testInfo) => {
      await openLoanList(page, '100000001');
      await expect(page.getByRole('heading', { name: /貸出中一覧.*（1\/1ページ）/ })).toBeVisible();
      await expect(page.getByText('該当件数【8】')).toBeVisible();
      const row2 = loanRow(page, 'マンガ日本の歴史 現代篇 2');
      await expect(row2).toContainText('2021/01/11');
      await expect(row2).toContainText('2021/01/25');
      await expect(row2).toContainText('三橋図書館');
      await expect(row2).toContainText('一般');
      await snap(page, testInfo, '④ 貸出一覧');
      await expectNoAxeViolations(page, '貸出一覧');

      // ④ the row's own 「貸出延長」 → ⑤ 継続貸出
      const rowButton = row2.getByRole('button', { name: '貸出延長' });
      await rowButton.click();
      const dialog = page.getByRole('dialog', { name: '継続貸出' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('借りている資料で一回のみ貸出延長が行えます。');
      await expect(dialog).toContainText('貸出延長を行いますか？');
      await expect(dialog).toContainText('マンガ日本の歴史 現代篇 2 大日本帝国の成立');
      await expect(dialog).toContainText(/2021\/01\/25\s*→\s*(から)?\s*2021\/02\/03/);
      await expect(dialog.getByRole('button', { name: '延長する' })).toBeFocused();
      // The modal keeps the keyboard inside it.
      for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
        await page.keyboard.press(key);
        expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus after ${key}`).toBe(
          true,
        );
      }
      await snap(page, testInfo, '⑤ 継続貸出');
      await expectNoAxeViolations(page, '継続貸出');
      // キャンセル gives the focus back; nothing is renewed.
      await dialog.getByRole('button', { name: 'キャンセル' }).click();
      await expect(dialog).toBeHidden();
      await expect(rowButton).toBeFocused();
      await rowButton.click();
      await page.getByRole('dialog').getByRole('button', { name: '延長する' }).click();

      // ⑥ 貸出延長を行いました
      await expect(page.getByRole('heading', { name: '貸出延長を行いました' })).toBeVisible();
      const renewed = page.getByRole('table', { name: '延長した資料' });
      await expect(renewed).toContainText('マンガ日本の歴史 現代篇 2 大日本帝国の成立');
      await expect(renewed).toContainText('2021/02/03');
      await expect(page.getByRole('navigation', { name: '現在位置' })).toContainText('継続貸出');
      await snap(page, testInfo, '⑥ 貸出延長を行いました');
      await expectNoAxeViolations(page, '貸出延長の結果');

      // 「前に戻る」 → the refreshed list: 現代篇 2 is now due 2021/02/03 and says 延長済.
      await page.getByRole('button', { name: '前に戻る' }).click();
      await expect(loanRow(page, '現代篇 2')).toContainText('2021/02/03');
      await expect(loanRow(page, '現代篇 2')).toContainText('延長済');
      await expect(loanRow(page, '現代篇 2').getByRole('checkbox')).toHaveCount(0);

      // ※一括貸出延長: 全選択 ticks every renewable row on the page, 一括貸出延長 renews them.
      const bulk = page.getByRole('button', { name: /一括貸出延長/ }).first();
      await expect(bulk).toBeDisabled();
      await page.getByRole('button', { name: '全選択' }).first().click();
      for (const title of ['現代篇 3', '現代篇 1', 'こどもの本']) {
        await expect(loanRow(page, title).getByRole('checkbox')).toBeChecked();
      }
      await bulk.click();
      const bulkDialog = page.getByRole('dialog', { name: '継続貸出' });
      await expect(bulkDialog).toContainText('マンガ日本の歴史 現代篇 3');
      await expect(bulkDialog).toContainText('マンガ日本の歴史 現代篇 1');
      await bulkDialog.getByRole('button', { name: '延長する' }).click();
      await expect(page.getByRole('heading', { name: '貸出延長を行いました' })).toBeVisible();
      const result = page.getByRole('table', { name: '延長した資料' });
      for (const title of ['現代篇 3 大戦とデモクラシー', '現代篇 1 明治国家の経営']) {
        await expect(result.locator('tr', { hasText: title })).toContainText('2021/02/03');
      }
      // The magazine is renewable too (8 days: 2021/01/27).
      await expect(result.locator('tr', { hasText: 'こどもの本' })).toContainText('2021/01/27');
      await page.getByRole('button', { name: '前に戻る' }).click();
      await expect(page.getByRole('checkbox')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /一括貸出延長/ })).toHaveCount(0);

      // The portal's 貸出状況 shows the new due dates too.
      await page
        .getByRole('navigation', { name: '現在位置' })
        .getByRole('link', { name: '利用者ポータル' })
        .click();
      await expect(
        page.getByRole('table', { name: '貸出状況' }).locator('tr', { hasText: '現代篇 2' }),
      ).toContainText('2021/02/03');
    },
  );
});

test.describe('rows that cannot be renewed', () => {
  test('the reserved, ILL, already-renewed and too-early rows offer no checkbox and say why', async ({
    page,
  }, testInfo) => {
    await openLoanList(page, '100000001');
    for (const [title, note] of [
      ['北原白秋詩集', '予約あり'],
      ['福岡県の歴史', '他館資料'],
      ['水郷柳川 川下りの四季', '延長済'],
      ['有明海の生きものたち', '2021/01/21以降に延長できます'],
    ] as const) {
      const row = loanRow(page, title);
      await expect(row).toContainText(note);
      await expect(row.getByRole('checkbox')).toHaveCount(0);
      await expect(row.getByRole('button', { name: '貸出延長' })).toHaveCount(0);
    }
    // On a phone each row is a card; every column's value is still there and labelled.
    if (testInfo.project.name === 'phone') {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
    }
    await snap(page, testInfo, '貸出一覧 (延長できない資料)');
  });

  test('200000002 (overdue) sees the block and no renewal control', async ({ page }, testInfo) => {
    await openLoanList(page, '200000002');
    await expect(
      page.getByRole('alert').filter({ hasText: '返却期限日を過ぎた資料があるため' }).first(),
    ).toBeVisible();
    await expect(loanRow(page, 'やさしい家庭料理')).toContainText('延滞中');
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /貸出延長|全選択|全解除/ })).toHaveCount(0);
    await snap(page, testInfo, '貸出一覧 (延滞)');
    await expectNoAxeViolations(page, '貸出一覧 (延滞)');
  });

  test('100000004 pages through 23 loans', async ({ page }) => {
    await openLoanList(page, '100000004');
    await expect(page.getByText('該当件数【23】')).toBeVisible();
    await expect(page.getByRole('heading', { name: /（1\/3ページ）/ })).toBeVisible();
    await page.getByRole('button', { name: '次のページ' }).click();
    await expect(page.getByRole('heading', { name: /（2\/3ページ）/ })).toBeVisible();
    await expect(page).toHaveURL(/page=2/);
    await expect(loanRow(page, '第11巻')).toContainText('11');
    await page.getByRole('button', { name: '全選択' }).first().click();
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(10);
  });
});
