import { expectAccessible } from '../fixtures/a11y.ts';
import { DEMO_PASSWORD, expect, expectLoginOnlyWith, guideStep, test } from '../fixtures/test.ts';

/**
 * 利用者ポータル → 利用者情報設定 → 利用者情報変更 (docs/product.md I11). Changing 100000001's password
 * and 200000002's email changes demo data: the file has a server of its own, shared with the
 * other account specs (registration uses 300000003, the lockout 100000004).
 */
test.use({ ownServer: 'accounts' });

test.describe('利用者情報変更', () => {
  test('change the password: wrong current one and a guessable one refused on their fields; the old one stops working, the new one logs in, a mail confirms it', async ({
    page,
    loginAs,
    mailbox,
  }, testInfo) => {
    await loginAs('100000001');
    await page.getByRole('link', { name: '利用者情報変更' }).click();
    const form = page.getByRole('form', { name: 'パスワードの変更' });
    await guideStep(page, '利用者情報変更', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '利用者情報変更' })).toBeFocused();
      await expect(page.getByRole('navigation', { name: '現在位置' })).toHaveText(
        /メインメニュー.*利用者ポータル.*利用者情報変更/,
      );
      await expect(form.getByLabel('現在のパスワード')).toHaveAttribute('autocomplete', 'current-password');
      await expect(form.getByLabel('新しいパスワード')).toHaveAttribute('autocomplete', 'new-password');
    });

    await form.getByLabel('現在のパスワード').fill('not-the-password');
    await form.getByLabel('新しいパスワード').fill('sagemon-2021');
    await form.getByLabel('再入力').fill('sagemon-2021');
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(form.getByRole('alert')).toContainText('現在のパスワードが正しくありません。');
    await expect(form.getByLabel('現在のパスワード')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('現在のパスワード')).toHaveAccessibleDescription(
      /現在のパスワードが正しくありません。/,
    );

    await form.getByLabel('現在のパスワード').fill(DEMO_PASSWORD);
    await form.getByLabel('新しいパスワード').fill('taro19750408');
    await form.getByLabel('再入力').fill('taro19750408');
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await guideStep(page, '利用者情報変更 (入力エラー)', async () => {
      await expect(form.getByRole('alert')).toContainText('パスワードに生年月日を含めることはできません。');
      await expect(form.getByLabel('新しいパスワード')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByLabel('新しいパスワード')).toHaveAccessibleDescription(/生年月日を含める/);
      await expectAccessible(page, testInfo, '利用者情報変更 (入力エラー)');
    });

    await form.getByLabel('現在のパスワード').fill(DEMO_PASSWORD);
    await form.getByLabel('新しいパスワード').fill('sagemon-2021');
    await form.getByLabel('再入力').fill('sagemon-2021');
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(page.getByText('パスワードを変更しました。')).toBeVisible();
    await expect(form.getByLabel('新しいパスワード')).not.toHaveAttribute('aria-invalid', 'true');
    await expect
      .poll(
        async () =>
          (await mailbox()).filter((m) => m.subject === '【柳川市立図書館】パスワード変更のお知らせ').length,
      )
      .toBe(1);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expectLoginOnlyWith(page, '100000001', { accepted: 'sagemon-2021', refused: DEMO_PASSWORD });
  });

  test('change the email: 旧メールアドレス shown read-only, bad addresses refused on the field, both addresses told', async ({
    page,
    loginAs,
    mailbox,
  }, testInfo) => {
    await loginAs('200000002');
    await page.goto('/portal/settings');
    const form = page.getByRole('form', { name: 'メールアドレスの変更' });
    await expect(form.getByLabel('旧メールアドレス')).toHaveValue('hanako.mitsuhashi@example.jp');
    await expect(form.getByLabel('旧メールアドレス')).toHaveAttribute('readonly', '');
    await form.getByLabel('新メールアドレス').fill('.mitsu@example.jp');
    await form.getByRole('button', { name: 'メールアドレスを変更する' }).click();
    await expect(form.getByRole('alert')).toContainText('ドット（.）があるメールアドレス');
    await expect(form.getByLabel('新メールアドレス')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('新メールアドレス')).toHaveAccessibleDescription(/ドット（.）がある/);

    await form.getByLabel('新メールアドレス').fill('mitsu@example.jp');
    await form.getByLabel('今後の連絡先はこのアドレスに変更する').uncheck();
    await form.getByRole('button', { name: 'メールアドレスを変更する' }).click();
    await guideStep(page, '利用者情報変更 (メールアドレスの入力エラー)', async () => {
      await expect(form.getByRole('alert')).toContainText('どちらかを選んでください');
      await expectAccessible(page, testInfo, '利用者情報変更 (メールアドレスの入力エラー)');
    });

    await form.getByLabel('今後の連絡先はこのアドレスに変更する').check();
    await form.getByRole('button', { name: 'メールアドレスを変更する' }).click();
    await guideStep(page, '利用者情報変更 (メールアドレス変更済み)', async () => {
      await expect(page.getByText('メールアドレスを変更しました。')).toBeVisible();
      await expect(form.getByLabel('旧メールアドレス')).toHaveValue('mitsu@example.jp');
    });
    await expect
      .poll(async () =>
        (await mailbox())
          .filter((m) => m.subject === '【柳川市立図書館】メールアドレス変更のお知らせ')
          .map((m) => m.to)
          .sort(),
      )
      .toEqual(['hanako.mitsuhashi@example.jp', 'mitsu@example.jp']);
  });
});
