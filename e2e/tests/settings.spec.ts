import { DEMO_PASSWORD, expect, loginThroughUi, test } from '../fixtures/test.ts';

// Changing 100000001's password and email changes demo data: this file gets a server of its own.
test.use({ ownServer: 'settings' });

test.describe('利用者情報変更', () => {
  test('change the password: the old one stops working, the new one logs in, a mail confirms it', async ({
    page,
    loginAs,
    mailbox,
  }, testInfo) => {
    await loginAs('100000001');
    await page.getByRole('link', { name: '利用者情報変更' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '利用者情報変更' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '現在位置' })).toContainText('利用者ポータル');
    await testInfo.attach('利用者情報変更', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    const form = page.getByRole('form', { name: 'パスワードの変更' });
    await form.getByLabel('現在のパスワード').fill('not-the-password');
    await form.getByLabel('新しいパスワード').fill('sagemon-2021');
    await form.getByLabel('再入力').fill('sagemon-2021');
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(form.getByRole('alert')).toContainText('現在のパスワードが正しくありません。');
    await expect(form.getByLabel('現在のパスワード')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('現在のパスワード').fill(DEMO_PASSWORD);
    await form.getByLabel('新しいパスワード').fill('taro19750408');
    await form.getByLabel('再入力').fill('taro19750408');
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(form.getByRole('alert')).toContainText('パスワードに生年月日を含めることはできません。');

    await form.getByLabel('現在のパスワード').fill(DEMO_PASSWORD);
    await form.getByLabel('新しいパスワード').fill('sagemon-2021');
    await form.getByLabel('再入力').fill('sagemon-2021');
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(page.getByText('パスワードを変更しました。')).toBeVisible();
    await expect
      .poll(
        async () =>
          (await mailbox()).filter((m) => m.subject === '【柳川市立図書館】パスワード変更のお知らせ').length,
      )
      .toBe(1);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await loginThroughUi(page, '100000001', DEMO_PASSWORD);
    await expect(page.getByRole('alert')).toHaveText('利用者番号またはパスワードが正しくありません。');
    await loginThroughUi(page, '100000001', 'sagemon-2021');
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
  });

  test('change the email: 旧メールアドレス shown read-only, both addresses told', async ({
    page,
    loginAs,
    mailbox,
  }) => {
    await loginAs('200000002');
    await page.goto('/portal/settings');
    const form = page.getByRole('form', { name: 'メールアドレスの変更' });
    await expect(form.getByLabel('旧メールアドレス')).toHaveValue('hanako.mitsuhashi@example.jp');
    await form.getByLabel('新メールアドレス').fill('.mitsu@example.jp');
    await form.getByRole('button', { name: 'メールアドレスを変更する' }).click();
    await expect(form.getByRole('alert')).toContainText('ドット（.）があるメールアドレス');

    await form.getByLabel('新メールアドレス').fill('mitsu@example.jp');
    await form.getByLabel('今後の連絡先はこのアドレスに変更する').uncheck();
    await form.getByRole('button', { name: 'メールアドレスを変更する' }).click();
    await expect(form.getByRole('alert')).toContainText('どちらかを選んでください');

    await form.getByLabel('今後の連絡先はこのアドレスに変更する').check();
    await form.getByRole('button', { name: 'メールアドレスを変更する' }).click();
    await expect(page.getByText('メールアドレスを変更しました。')).toBeVisible();
    await expect(form.getByLabel('旧メールアドレス')).toHaveValue('mitsu@example.jp');
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
