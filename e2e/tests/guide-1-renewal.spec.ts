/// <reference lib="dom" />
import { expectAccessible } from '../fixtures/a11y.ts';
import {
  DEMO_PASSWORD,
  expect,
  expectRenewed,
  GUIDE_TODAY,
  guideStep,
  loanRow,
  openLoanListFromPortal,
  test,
} from '../fixtures/test.ts';

/**
 * 利用案内 1. インターネットでの貸出期間延長の流れ ①–⑥ and ※一括貸出延長.
 * These scenarios renew loans: the file has a server of its own, shared only with the
 * keyboard-only journey of accessibility.spec.ts (which renews 100000004's first page; here
 * 100000001's loans and 100000004's pages 2 and 3).
 */
test.use({ ownServer: 'renewal' });

test.describe(`1 インターネットでの貸出期間延長 (業務日 ${GUIDE_TODAY})`, () => {
  test('①–⑥ 100000001 が現代篇 2 を行の「貸出延長」で延長し、残りを「全選択」→「一括貸出延長」で延長する', async ({
    page,
  }, testInfo) => {
    await guideStep(page, '① メインメニュー', async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
    });
    await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).click();

    await guideStep(page, '② 利用照会', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
      await page.getByLabel('利用者番号').fill('100000001');
      await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    });
    await page.getByRole('button', { name: 'ログインする' }).click();

    await guideStep(page, '③ 利用者ポータル', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
      await expect(page.getByText('あなたの図書館利用状況です。')).toBeVisible();
      const table = page.getByRole('table', { name: '貸出状況' });
      for (const volume of ['現代篇 3', '現代篇 2', '現代篇 1']) {
        const row = table.getByRole('row').filter({ hasText: `マンガ日本の歴史 ${volume}` });
        await expect(row).toHaveCount(1);
        await expect(row).toContainText('2021/01/25');
      }
    });
    await openLoanListFromPortal(page);

    const row2 = loanRow(page, 'マンガ日本の歴史 現代篇 2');
    const rowButton = row2.getByRole('button', { name: '貸出延長' });
    await guideStep(page, '④ 貸出一覧', async () => {
      await expect(page.getByRole('heading', { name: /貸出中一覧.*（1\/1ページ）/ })).toBeVisible();
      await expect(page.getByText('該当件数【8】')).toBeVisible();
      await expect(page.getByRole('button', { name: '全選択' })).toHaveCount(2);
      await expect(page.getByRole('button', { name: '全解除' })).toHaveCount(2);
      await expect(row2).toContainText('2021/01/11');
      await expect(row2).toContainText('2021/01/25');
      await expect(row2).toContainText('三橋図書館');
      await expect(row2).toContainText('一般');
      await expect(row2.getByRole('checkbox')).toBeVisible();
      await expectAccessible(page, testInfo, '④ 貸出一覧');
    });

    // ④ 行の「貸出延長」→ ⑤ 継続貸出
    await rowButton.click();
    const dialog = page.getByRole('dialog', { name: '継続貸出' });
    await guideStep(page, '⑤ 継続貸出', async () => {
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
      await expectAccessible(page, testInfo, '⑤ 継続貸出');
    });
    // キャンセル gives the focus back; nothing is renewed.
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowButton).toBeFocused();
    await expect(row2).toContainText('2021/01/25');
    await rowButton.click();
    await dialog.getByRole('button', { name: '延長する' }).click();

    await guideStep(page, '⑥ 貸出延長を行いました', async () => {
      await expect(page.getByRole('heading', { name: '貸出延長を行いました' })).toBeFocused();
      const renewed = page.getByRole('table', { name: '延長した資料' });
      await expect(renewed).toContainText('マンガ日本の歴史 現代篇 2 大日本帝国の成立');
      await expect(renewed).toContainText('2021/02/03');
      await expect(page.getByRole('navigation', { name: '現在位置' })).toHaveText(
        /メインメニュー.*利用者ポータル.*貸出一覧.*継続貸出/,
      );
      await expectAccessible(page, testInfo, '⑥ 貸出延長を行いました');
    });

    await guideStep(page, '⑥ 前に戻る → 貸出一覧', async () => {
      await page.getByRole('button', { name: '前に戻る' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeFocused();
      await expect(row2).toContainText('2021/02/03');
      await expect(row2).toContainText('延長済');
      await expect(row2.getByRole('checkbox')).toHaveCount(0);
      await expect(row2.getByRole('button', { name: '貸出延長' })).toHaveCount(0);
    });

    // ※一括貸出延長: 全選択 ticks every renewable row on the page, 一括貸出延長 renews them.
    const bulk = page.getByRole('button', { name: /一括貸出延長/ }).first();
    await guideStep(page, '④ 全選択', async () => {
      await expect(bulk).toBeDisabled();
      await page.getByRole('button', { name: '全選択' }).first().click();
      for (const title of ['現代篇 3', '現代篇 1', 'こどもの本']) {
        await expect(loanRow(page, title).getByRole('checkbox')).toBeChecked();
      }
      await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(3);
      await expect(bulk).toHaveText('一括貸出延長（3点）');
    });
    await bulk.click();
    await guideStep(page, '⑤ 継続貸出 (一括)', async () => {
      await expect(dialog).toContainText('マンガ日本の歴史 現代篇 3');
      await expect(dialog).toContainText('マンガ日本の歴史 現代篇 1');
      await expect(dialog).toContainText(/月刊 こどもの本 1月号.*2021\/01\/24\s*→\s*(から)?\s*2021\/01\/27/);
      await expect(dialog.getByRole('row')).toHaveCount(4);
    });
    await dialog.getByRole('button', { name: '延長する' }).click();

    await guideStep(page, '⑥ 貸出延長を行いました (一括)', async () => {
      await expect(page.getByRole('heading', { name: '貸出延長を行いました' })).toBeVisible();
      await expectRenewed(page, {
        '現代篇 3 大戦とデモクラシー': '2021/02/03',
        '現代篇 1 明治国家の経営': '2021/02/03',
        // The magazine is renewable too (8 days: 2021/01/27).
        こどもの本: '2021/01/27',
      });
    });
    await page.getByRole('button', { name: '前に戻る' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeFocused();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /一括貸出延長|全選択|全解除/ })).toHaveCount(0);
    for (const title of ['現代篇 3', '現代篇 2', '現代篇 1', 'こどもの本']) {
      await expect(loanRow(page, title)).toContainText('延長済');
    }

    await guideStep(page, '③ 利用者ポータル (延長後)', async () => {
      await page
        .getByRole('navigation', { name: '現在位置' })
        .getByRole('link', { name: '利用者ポータル' })
        .click();
      const table = page.getByRole('table', { name: '貸出状況' });
      for (const volume of ['現代篇 3', '現代篇 2', '現代篇 1']) {
        await expect(table.locator('tr', { hasText: `マンガ日本の歴史 ${volume}` })).toContainText(
          '2021/02/03',
        );
      }
    });
  });

  test('④ 貸出一覧は10件ずつ: 100000004 の23件を3ページでめくり、「全選択」はそのページの10件だけ', async ({
    page,
    loginAs,
  }) => {
    await loginAs('100000004');
    await openLoanListFromPortal(page);
    await expect(page.getByText('該当件数【23】')).toBeVisible();
    await expect(page.getByRole('heading', { name: /（1\/3ページ）/ })).toBeVisible();
    await guideStep(page, '④ 貸出一覧 2ページ目', async () => {
      await page.getByRole('button', { name: '次のページ' }).click();
      await expect(page.getByRole('heading', { name: /（2\/3ページ）/ })).toBeVisible();
      await expect(page).toHaveURL(/page=2/);
      await expect(loanRow(page, '第11巻')).toContainText('11');
      await expect(page.locator('.loan-table tbody tr')).toHaveCount(10);
      await page.getByRole('button', { name: '全選択' }).first().click();
      await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(10);
    });
    // A tick belongs to its page.
    await page.getByRole('button', { name: '前のページ' }).click();
    await expect(page.getByRole('heading', { name: /（1\/3ページ）/ })).toBeVisible();
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
  });

  test('⑥ 一部が延長できなかったとき: 別のタブで先に延長された資料は理由つきで示され、ほかは延長される', async ({
    page,
    context,
    loginAs,
  }, testInfo) => {
    await loginAs('100000004');
    await page.goto('/portal/loans?page=3');
    await expect(page.getByRole('heading', { name: /（3\/3ページ）/ })).toBeVisible();
    await page.getByRole('button', { name: '全選択' }).first().click();
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(3);
    await page
      .getByRole('button', { name: /一括貸出延長/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: '継続貸出' });
    await expect(dialog.getByRole('row')).toHaveCount(4);

    // Meanwhile the same patron renews 第23巻 in another tab.
    const otherTab = await context.newPage();
    await otherTab.goto('/portal/loans?page=3');
    await loanRow(otherTab, '第23巻').getByRole('button', { name: '貸出延長' }).click();
    await otherTab.getByRole('dialog').getByRole('button', { name: '延長する' }).click();
    await expect(otherTab.getByRole('heading', { name: '貸出延長を行いました' })).toBeVisible();
    await otherTab.close();

    await dialog.getByRole('button', { name: '延長する' }).click();
    await guideStep(page, '⑥ 一部延長できなかった資料', async () => {
      await expect(page.getByRole('heading', { name: '貸出延長を行いました' })).toBeFocused();
      await expectRenewed(page, { 第21巻: '2021/02/03', 第22巻: '2021/02/03' });
      const refused = page.getByRole('heading', { name: '延長できなかった資料' });
      await expect(refused).toBeVisible();
      await expect(page.locator('.renewal-refused li')).toHaveText([
        /柳川ふるさと文庫 第23巻\s*この資料はすでに一度延長しています。/,
      ]);
      await expectAccessible(page, testInfo, '⑥ 一部延長できなかった資料');
    });
    await page.getByRole('button', { name: '前に戻る' }).click();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    for (const title of ['第21巻', '第22巻', '第23巻']) {
      await expect(loanRow(page, title)).toContainText('延長済');
    }
  });
});
