import { expectAccessible } from '../fixtures/a11y.ts';
import { DEMO_PASSWORD, expect, guideStep, loginThroughUi, test } from '../fixtures/test.ts';

const INVALID = '利用者番号またはパスワードが正しくありません。';
const LOCKED =
  'ログインに続けて失敗したため、しばらくの間ログインできません。15分ほど時間をおいてからお試しください。';

/**
 * 利用照会 (案内 1 ②) when it goes wrong. Locking 100000004 changes the demo data: the file
 * has a server of its own, shared with the other account specs (which never use 100000004).
 */
test.use({ ownServer: 'accounts' });

test.describe('利用照会: ログインの誤りとロック', () => {
  test('a malformed number is reported on its field, an empty password on its own', async ({
    page,
  }, testInfo) => {
    await loginThroughUi(page, '12345', '');
    const number = page.getByLabel('利用者番号');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toBeFocused();
    await expect(number).toHaveAccessibleDescription(
      /利用者番号は「100」「200」「300」から始まる9桁の数字で入力してください。/,
    );
    const password = page.getByLabel('パスワード');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription(/パスワードを入力してください。/);
    await guideStep(page, '② 利用照会 (入力エラー)', async () => {
      await expectAccessible(page, testInfo, '② 利用照会 (入力エラー)');
    });

    // A card number pasted with its Codabar letters and full-width digits is understood.
    await loginThroughUi(page, 'A２０００００００２A', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
  });

  test('a wrong password gets one generic message tied to the form; the fifth in a row locks the number, even for the right password', async ({
    page,
  }, testInfo) => {
    await loginThroughUi(page, '100000004', 'wrong-password-1');
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(INVALID);
    await expect(page.locator('#login-error')).toBeFocused();
    await expect(page.locator('form')).toHaveAccessibleDescription(INVALID);
    // Neither field is blamed: the message does not tell which one was wrong.
    await expect(page.getByLabel('利用者番号')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('パスワード')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    await guideStep(page, '② 利用照会 (パスワード誤り)', async () => {});

    for (const attempt of [2, 3, 4]) {
      await loginThroughUi(page, '100000004', `wrong-password-${attempt}`);
      await expect(alert, `attempt ${attempt}`).toHaveText(INVALID);
    }
    await loginThroughUi(page, '100000004', 'wrong-password-5');
    await expect(alert).toHaveText(LOCKED);
    await loginThroughUi(page, '100000004', DEMO_PASSWORD);
    await expect(alert).toHaveText(LOCKED);
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    await guideStep(page, '② 利用照会 (ロック中)', async () => {
      await expectAccessible(page, testInfo, '② 利用照会 (ロック中)');
    });

    // The lock is per number: another patron logs in from the same browser.
    await loginThroughUi(page, '200000002', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
  });
});
