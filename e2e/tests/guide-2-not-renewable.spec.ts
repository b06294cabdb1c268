import { expectNoHorizontalScroll } from '../fixtures/a11y.ts';
import { expect, GUIDE_TODAY, guideStep, loanRow, openLoanListFromPortal, test } from '../fixtures/test.ts';

/**
 * 利用案内 2. 延長ができない資料: ①予約が入っている資料 ②すでに一度延長している資料
 * ③柳川市立図書館以外の図書館から取り寄せた資料 — and R4's fourth case, a loan that
 * renewing today would not extend. 「※口欄がない資料は貸出延長できません。」: none of these
 * rows has a checkbox or a 貸出延長 button, and 注意 says why. Read-only: the shared server.
 */
test.describe(`2 延長ができない資料 (業務日 ${GUIDE_TODAY})`, () => {
  const cases = [
    { step: '① 予約が入っている資料', title: '北原白秋詩集', note: '予約あり' },
    { step: '② すでに一度延長している資料', title: '水郷柳川 川下りの四季', note: '延長済' },
    { step: '③ 他の図書館から取り寄せた資料', title: '福岡県の歴史', note: '他館資料' },
    {
      step: '④ 今延長しても返却期限日が延びない資料',
      title: '有明海の生きものたち',
      note: '2021/01/21以降に延長できます',
    },
  ] as const;

  test('100000001 の貸出一覧: 予約あり・延長済・他館資料・早すぎる資料には□も「貸出延長」もなく、注意に理由', async ({
    page,
    loginAs,
  }, testInfo) => {
    await loginAs('100000001');
    await openLoanListFromPortal(page);
    for (const { step, title, note } of cases) {
      await test.step(step, async () => {
        const row = loanRow(page, title);
        await expect(row).toHaveCount(1);
        await expect(row.locator('td[data-label="注意"]')).toHaveText(note);
        await expect(row.getByRole('checkbox')).toHaveCount(0);
        await expect(row.getByRole('button', { name: '貸出延長' })).toHaveCount(0);
      });
    }
    // The renewable rows beside them keep their controls; their 注意 is empty.
    for (const title of ['現代篇 3', '現代篇 2', '現代篇 1', 'こどもの本']) {
      await expect(loanRow(page, title).getByRole('checkbox')).toHaveCount(1);
      await expect(loanRow(page, title).locator('td[data-label="注意"]')).toHaveText('');
    }
    // 全選択 ticks only the rows that have a box.
    await page.getByRole('button', { name: '全選択' }).first().click();
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(4);
    await guideStep(page, '貸出一覧 (延長できない資料)', async () => {
      // On a phone each row is a card; every column's value is still there and labelled.
      await expectNoHorizontalScroll(page);
      if (testInfo.project.name === 'phone') {
        await expect(loanRow(page, '北原白秋詩集').locator('td[data-label="注意"]')).toBeVisible();
      }
    });
  });
});
