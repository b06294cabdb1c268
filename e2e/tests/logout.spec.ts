import { DEMO_PASSWORD, expect, guideStep, test } from '../fixtures/test.ts';

/**
 * ログアウト: back to メインメニュー, nothing personal left on screen or reachable by the
 * browser's Back button; a protected page asks for 利用照会 and returns there after it.
 * (What stays in IndexedDB after logout is pwa.spec.ts's part.) Read-only: the shared server.
 */
test.describe('ログアウト', () => {
  test('ログアウト → メインメニュー; 戻る and the portal address lead to 利用照会, which returns to the page asked for', async ({
    page,
    loginAs,
  }) => {
    await loginAs('100000001');
    await page.getByRole('link', { name: '貸出状況', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await guideStep(page, 'ログアウト後のメインメニュー', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeFocused();
      await expect(page.getByRole('banner').getByRole('link', { name: 'ログイン' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'ログアウト' })).toHaveCount(0);
    });

    // The browser's Back button: the list is not shown again, 利用照会 is.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    await expect(page.getByText('マンガ日本の歴史')).toHaveCount(0);
    await expect(page).toHaveURL(/\/login\?next=%2Fportal%2Floans$/);

    await page.goto('/portal');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    expect((await page.request.get('/api/me')).status()).toBe(401);

    // Logging in again goes where the patron was heading.
    await page.goto('/portal/loans');
    await page.getByLabel('利用者番号').fill('100000001');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '貸出一覧' })).toBeVisible();
    await expect(page.getByText('該当件数【8】')).toBeVisible();
  });
});
