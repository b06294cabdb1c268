/// <reference lib="dom" />
import {
  expectAccessible,
  loginWithKeyboard,
  tabTo,
  typeInTabOrder,
  watchPointerEvents,
} from '../fixtures/a11y.ts';
import {
  DEMO_PASSWORD,
  expect,
  expectLoginOnlyWith,
  guideStep,
  loginThroughUi,
  SITE,
  test,
} from '../fixtures/test.ts';

/**
 * パスワードを忘れた方 (docs/product.md §11). Resetting changes demo patrons' passwords: the file has a
 * server of its own. By mail: 100000001 (address on file); by identity: 100000004 (none).
 */
test.use({ ownServer: 'password-reset' });

const TITLE = 'パスワードを忘れた方';

test.describe('パスワードを忘れた方', () => {
  test('by mail: 利用照会 → パスワードを忘れた方 → the mailed link → a new password; the old one and every old session end; the new one logs in', async ({
    page,
    browser,
    baseURL,
    mailbox,
  }, testInfo) => {
    // Signed in elsewhere beforehand: that session must end with the reset.
    const elsewhere = await browser.newContext({ baseURL });
    const other = await elsewhere.newPage();
    await loginThroughUi(other, '100000001', DEMO_PASSWORD);
    await expect(other.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();

    await page.goto('/login');
    await page.getByRole('link', { name: TITLE }).click();
    await guideStep(page, 'パスワードを忘れた方', async () => {
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeFocused();
      await expect(page).toHaveTitle(`${TITLE} | ${SITE}`);
      await expect(page.getByRole('navigation', { name: '現在位置' })).toHaveText(
        /メインメニュー.*パスワードを忘れた方/,
      );
      await expect(page.getByRole('heading', { name: 'メールで再設定' })).toBeVisible();
      await expect(page.getByRole('link', { name: '本人確認で再設定する' })).toBeVisible();
      await expectAccessible(page, testInfo, 'パスワードを忘れた方');
    });

    // A malformed number is refused on its field.
    await page.getByLabel('利用者番号').fill('12345');
    await page.getByRole('button', { name: 'メールを送信する' }).click();
    await expect(page.getByRole('alert')).toContainText('「100」「200」「300」から始まる9桁');
    await expect(page.getByLabel('利用者番号')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectAccessible(page, testInfo, 'パスワードを忘れた方 (入力エラー)');

    await page.getByLabel('利用者番号').fill('100000001');
    await page.getByRole('button', { name: 'メールを送信する' }).click();
    await guideStep(page, 'メールを送信しました', async () => {
      await expect(page.getByRole('heading', { name: 'メールを送信しました' })).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'メールを送信しました' }).getByRole('status'),
      ).toContainText('メールアドレスが登録されている場合は');
      await expectAccessible(page, testInfo, 'メールを送信しました');
    });

    const link = await test.step('the mail 「パスワード再設定のご案内」 holds the link', async () => {
      await expect
        .poll(
          async () => (await mailbox()).filter((m) => m.subject.includes('パスワード再設定のご案内')).length,
        )
        .toBe(1);
      const mail = (await mailbox()).find((m) => m.subject.includes('パスワード再設定のご案内'))!;
      expect(mail.to).toBe('taro.yanagawa@example.jp');
      expect(mail.subject).toBe('【柳川市立図書館】パスワード再設定のご案内');
      expect(mail.text).toContain('このリンクは30分間、1回だけ有効です。');
      const found = /^(http:\/\/\S+\/password-reset\?token=[A-Za-z0-9_-]{43})$/m.exec(mail.text);
      expect(found, 'a link in the mail').not.toBeNull();
      expect(new URL(found![1]!).origin).toBe(new URL(baseURL!).origin);
      return found![1]!;
    });

    await page.goto(link);
    await guideStep(page, '新しいパスワードの登録', async () => {
      // The token leaves the address bar (and so the history of a shared PC).
      await expect(page).toHaveURL(/\/password-reset\/password$/);
      await expect(page.getByRole('heading', { name: 'パスワードの再設定' })).toBeVisible();
      await expect(page.getByLabel('新しいパスワード')).toHaveAttribute('autocomplete', 'new-password');
      await expect(page.getByText('(半角英数字) 8文字以上64文字以内。記号も使えます。')).toBeVisible();
    });
    // The page does not know the patron; the BFF refuses a guessable password on its field.
    await page.getByLabel('新しいパスワード').fill('taro19750408');
    await page.getByLabel('再入力').fill('taro19750408');
    await page.getByRole('button', { name: '再設定する' }).click();
    await expect(page.getByRole('alert')).toContainText('パスワードに生年月日を含めることはできません。');
    await expect(page.getByLabel('新しいパスワード')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('新しいパスワード')).toHaveAccessibleDescription(/生年月日を含める/);
    await expectAccessible(page, testInfo, '新しいパスワードの登録 (入力エラー)');

    await page.getByLabel('新しいパスワード').fill('Kawa-no-machi-2021');
    await page.getByLabel('再入力').fill('Kawa-no-machi-2021');
    await page.getByRole('button', { name: '再設定する' }).click();
    await guideStep(page, '再設定完了', async () => {
      await expect(page.getByRole('region', { name: '再設定完了' }).getByRole('status')).toHaveText(
        'パスワードの再設定が完了しました。',
      );
      await expectAccessible(page, testInfo, '再設定完了');
    });

    await test.step('「パスワード再設定のお知らせ」, the link spent, the other session ended', async () => {
      await expect
        .poll(
          async () =>
            (await mailbox()).filter((m) => m.subject.includes('パスワード再設定のお知らせ')).length,
        )
        .toBe(1);
      await other.reload();
      await expect(other.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
      await elsewhere.close();
      await page.goto(link);
      await page.getByLabel('新しいパスワード').fill('Mou-ichido-2021');
      await page.getByLabel('再入力').fill('Mou-ichido-2021');
      await page.getByRole('button', { name: '再設定する' }).click();
      await expect(page.getByRole('alert')).toContainText('有効期限が切れました');
      await expect(page.getByRole('link', { name: 'はじめからやり直す' })).toBeVisible();
    });

    await test.step('the old password no longer logs in; the new one does', async () => {
      await expectLoginOnlyWith(page, '100000001', {
        accepted: 'Kawa-no-machi-2021',
        refused: DEMO_PASSWORD,
      });
    });
  });

  test('by identity, with the keyboard only: 利用照会 → 本人確認で再設定 → a new password → ログイン', async ({
    page,
  }, testInfo) => {
    const pointerEvents = await watchPointerEvents(page);
    const expectHeadingFocused = async (name: string) => {
      await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
    };

    await page.goto('/login');
    await tabTo(page, page.getByRole('link', { name: TITLE }));
    await page.keyboard.press('Enter');
    await expectHeadingFocused(TITLE);
    await tabTo(page, page.getByRole('link', { name: '本人確認で再設定する' }));
    await page.keyboard.press('Enter');
    await expectHeadingFocused(TITLE);
    await expect(page).toHaveTitle(`${TITLE}（本人確認） | ${SITE}`);
    await expect(page.getByRole('navigation', { name: '現在位置' })).toHaveText(
      /メインメニュー.*パスワードを忘れた方.*本人確認で再設定/,
    );
    await expect(page.getByText('(西暦・半角数字8桁) 例) 2009年3月1日→20090301')).toBeVisible();
    await expectAccessible(page, testInfo, '本人確認で再設定');

    // One wrong birth date: the one generic message.
    await typeInTabOrder(page, [
      [page.getByLabel('利用者番号'), '100000004'],
      [page.getByLabel('氏名'), 'やまと じろう'],
      [page.getByLabel('生年月日'), '19600702'],
      [page.getByLabel('電話番号 市外局番'), '0944'],
      [page.getByLabel('電話番号 市内局番'), '73'],
      [page.getByLabel('電話番号 番号'), '0004'],
    ]);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('入力された利用者情報を確認できませんでした。');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectAccessible(page, testInfo, '本人確認で再設定 (一致しない)');

    await typeInTabOrder(page, [[page.getByLabel('生年月日'), '19600701']], { replace: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'パスワードの再設定' })).toBeVisible();
    await expectHeadingFocused(TITLE);
    await expectAccessible(page, testInfo, '新しいパスワードの登録');

    const newPassword = (password: string) =>
      typeInTabOrder(
        page,
        [
          [page.getByLabel('新しいパスワード'), password],
          [page.getByLabel('再入力'), password],
        ],
        { replace: true },
      );
    // Checked in the browser already: it knows the typed phone number.
    await newPassword('yamato-0004');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('新しいパスワード')).toHaveAccessibleDescription(/電話番号を含める/);
    await newPassword('Yamato-no-sato-60');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: '再設定完了' }).getByRole('status')).toHaveText(
      'パスワードの再設定が完了しました。',
    );
    await expectHeadingFocused(TITLE);

    await tabTo(page, page.getByRole('link', { name: 'ログイン画面へ' }));
    await page.keyboard.press('Enter');
    await expectHeadingFocused('利用照会');
    await loginWithKeyboard(page, '100000004', 'Yamato-no-sato-60');
    await expectHeadingFocused('利用者ポータル');
    expect(await pointerEvents()).toEqual([]);
  });

  test('新規パスワード登録 points a registered patron to パスワードを忘れた方', async ({ page }) => {
    await page.goto('/registration');
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  });
});
