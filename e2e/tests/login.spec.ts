import { expect, GUIDE_TODAY, loginThroughUi, test } from '../fixtures/test.ts';

test.describe(`ログインと貸出状況 (business date ${GUIDE_TODAY})`, () => {
  test('① top page → ② 利用照会 → ③ 利用者ポータル shows the three マンガ日本の歴史 due 2021/01/25', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
    await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    await page.getByLabel('利用者番号').fill('100000001');
    await page.getByLabel('パスワード').fill('tosho2021');
    await page.getByRole('button', { name: 'ログインする' }).click();

    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
    await expect(page.getByText('あなたの図書館利用状況です。')).toBeVisible();
    const table = page.getByRole('table', { name: '貸出状況' });
    for (const volume of ['現代篇 3', '現代篇 2', '現代篇 1']) {
      const row = table.getByRole('row').filter({ hasText: `マンガ日本の歴史 ${volume}` });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('2021/01/25');
    }
    await testInfo.attach('③ 利用者ポータル', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
    await page.goto('/portal');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
  });

  test('a wrong password gets one generic message tied to the form', async ({ page }) => {
    await loginThroughUi(page, '100000001', 'wrong-password');
    await expect(page.getByRole('alert')).toHaveText('利用者番号またはパスワードが正しくありません。');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
  });

  test('a malformed number is reported on its field', async ({ page }) => {
    await loginThroughUi(page, '12345', 'whatever');
    const field = page.getByLabel('利用者番号');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByText('利用者番号は「100」「200」「300」から始まる9桁の数字で入力してください。'),
    ).toBeVisible();
  });
});
