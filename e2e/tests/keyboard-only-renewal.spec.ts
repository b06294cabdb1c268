/// <reference lib="dom" />
import { loginWithKeyboard, tabTo, watchPointerEvents } from '../fixtures/a11y.ts';
import { attachScreenshot, DEMO_PASSWORD, expect, SITE, test } from '../fixtures/test.ts';

/**
 * The keyboard-only journey renews 100000004's first page: it shares the renewal server of
 * guide-1-renewal.spec.ts (which renews 100000001's loans and 100000004's pages 2–3).
 */
test.use({ ownServer: 'renewal' });

test.describe('キーボードだけで貸出延長 (JIS X 8341-3 / WCAG 2.1.1)', () => {
  test('利用照会 → 貸出一覧 → 全選択 → 一括貸出延長 → 延長する → 結果 → 前に戻る, with no mouse', async ({
    page,
  }, testInfo) => {
    const pointerEvents = await watchPointerEvents(page);
    const expectHeadingFocused = async (name: string) => {
      const heading = page.getByRole('heading', { level: 1, name });
      await expect(heading).toBeFocused();
      // Focusing the heading is what makes a screen reader announce the new page; the title follows.
      await expect(heading).toHaveAttribute('tabindex', '-1');
      await expect(page).toHaveTitle(`${name} | ${SITE}`);
    };

    await page.goto('/login');
    await loginWithKeyboard(page, '100000004', DEMO_PASSWORD);
    await expectHeadingFocused('利用者ポータル');

    await tabTo(page, page.getByRole('link', { name: '貸出状況', exact: true }));
    await page.keyboard.press('Enter');
    await expectHeadingFocused('貸出一覧');
    await expect(page.getByText('該当件数【23】')).toBeVisible();

    const selectAll = page.getByRole('button', { name: '全選択' }).first();
    await tabTo(page, selectAll);
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(10);
    // A box can be unticked and ticked again with Space.
    const firstBox = page.getByRole('checkbox').first();
    await tabTo(page, firstBox);
    await page.keyboard.press('Space');
    await expect(firstBox).not.toBeChecked();
    await page.keyboard.press('Space');
    await expect(firstBox).toBeChecked();
    await attachScreenshot(page, testInfo, '④ 全選択 (キーボード)');

    // Shift+Tab back up to the toolbar above the table.
    const bulk = page.getByRole('button', { name: /一括貸出延長/ }).first();
    for (let i = 0; i < 10 && !(await bulk.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Shift+Tab');
    }
    await expect(bulk).toBeFocused();
    await expect(bulk).toHaveText('一括貸出延長（10点）');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '継続貸出' });
    const confirm = dialog.getByRole('button', { name: '延長する' });
    await expect(confirm).toBeFocused();
    await expect(dialog.getByRole('row')).toHaveCount(11);
    // The dialog traps Tab and Shift+Tab: focus never reaches the page behind it.
    for (const key of [...Array(4).fill('Tab'), ...Array(5).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus after ${key}`).toBe(
        true,
      );
    }
    // Escape closes it and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(bulk).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeFocused();
    await attachScreenshot(page, testInfo, '⑤ 継続貸出 (キーボード)');
    await page.keyboard.press('Enter');

    const resultHeading = page.getByRole('heading', { name: '貸出延長を行いました' });
    await expect(resultHeading).toBeFocused();
    await expect(page.getByText('10点の資料の貸出を延長しました。')).toBeVisible();
    await attachScreenshot(page, testInfo, '⑥ 貸出延長を行いました (キーボード)');

    await tabTo(page, page.getByRole('button', { name: '前に戻る' }));
    await page.keyboard.press('Enter');
    await expectHeadingFocused('貸出一覧');
    const firstRow = page.locator('.loan-table tbody tr').first();
    await expect(firstRow).toContainText('柳川ふるさと文庫 第1巻');
    await expect(firstRow).toContainText('延長済');
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await attachScreenshot(page, testInfo, '⑥ 前に戻る (キーボード)');

    expect(await pointerEvents()).toEqual([]);
  });
});
