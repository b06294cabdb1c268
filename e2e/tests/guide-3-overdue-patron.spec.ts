import { expectAccessible } from '../fixtures/a11y.ts';
import { expect, GUIDE_TODAY, guideStep, loanRow, openLoanListFromPortal, test } from '../fixtures/test.ts';

const BLOCKED = '返却期限日を過ぎた資料があるため、貸出延長の手続きができません。';

/**
 * 利用案内 3. 延長できない方: 「資料の種別に関係なく、1点でも返却期限日を過ぎた資料をお持ちの
 * 方は、延長の手続き自体ができません。」 200000002 has one book due 2021/01/18 (overdue) and
 * one due 2021/01/25 that would otherwise be renewable. Read-only: the shared server.
 */
test.describe(`3 延長できない方 (業務日 ${GUIDE_TODAY})`, () => {
  test('200000002 (延滞あり): ポータルと貸出一覧が手続きできない旨を示し、延長の操作は一切ない', async ({
    page,
    loginAs,
  }, testInfo) => {
    await loginAs('200000002');
    await guideStep(page, '③ 利用者ポータル (延滞あり)', async () => {
      await expect(page.getByRole('alert')).toHaveText(BLOCKED);
      const summary = page.getByRole('table', { name: '貸出状況' });
      // Overdue in text, not by colour alone.
      await expect(summary.locator('tr', { hasText: 'やさしい家庭料理' })).toContainText('2021/01/18');
      await expect(summary.locator('tr', { hasText: 'やさしい家庭料理' })).toContainText('延滞');
      await expect(summary.locator('tr', { hasText: 'はじめての家庭菜園' })).not.toContainText('延滞');
    });

    await openLoanListFromPortal(page);
    await guideStep(page, '④ 貸出一覧 (延滞あり)', async () => {
      await expect(page.getByRole('alert').filter({ hasText: BLOCKED })).toBeVisible();
      await expect(
        page.getByText('返却期限日を過ぎた資料を返却していただくと、貸出延長ができるようになります。'),
      ).toBeVisible();
      await expect(page.getByText('該当件数【2】')).toBeVisible();
      await expect(loanRow(page, 'やさしい家庭料理')).toContainText('延滞中');
      // The book that is not overdue cannot be renewed either, whatever its type.
      await expect(loanRow(page, 'はじめての家庭菜園')).toContainText('2021/01/25');
      await expect(page.getByRole('checkbox')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /貸出延長|全選択|全解除/ })).toHaveCount(0);
      await expectAccessible(page, testInfo, '④ 貸出一覧 (延滞あり)');
    });

    // The server refuses too, should a request be sent anyway (e.g. from an old tab).
    const loans = await (await page.request.get('/api/loans')).json();
    const id = loans.items.find((item: { title: string }) => item.title === 'はじめての家庭菜園').id;
    const answer = await page.request.post('/api/renewals', { data: { loanIds: [id] } });
    expect(answer.status()).toBe(403);
    expect((await answer.json()).error).toMatchObject({ code: 'patron_has_overdue', message: BLOCKED });
  });
});
