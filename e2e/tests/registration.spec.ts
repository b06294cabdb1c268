import { DEMO_PASSWORD, expect, loginThroughUi, test } from '../fixtures/test.ts';

// Registering 300000003 changes the demo data: this file gets a server of its own.
test.use({ ownServer: 'registration' });

const NEW_PASSWORD = 'kawakudari-2021';
const NEW_EMAIL = 'hanako.new@example.jp';

async function fillIdentity(
  page: import('@playwright/test').Page,
  values: { number: string; name: string; birthDate: string; phone: [string, string, string] },
) {
  await page.getByLabel('利用者番号').fill(values.number);
  await page.getByLabel('氏名').fill(values.name);
  await page.getByLabel('生年月日').fill(values.birthDate);
  await page.getByLabel('電話番号 市外局番').fill(values.phone[0]);
  await page.getByLabel('電話番号 市内局番').fill(values.phone[1]);
  await page.getByLabel('電話番号 番号').fill(values.phone[2]);
}

test.describe('新規パスワード登録', () => {
  test('wrong input gets a message per field, announced and focused; a mismatch gets one generic message', async ({
    page,
  }) => {
    await page.goto('/registration');
    await expect(page.getByRole('heading', { level: 1, name: '新規パスワード登録' })).toBeVisible();
    await fillIdentity(page, {
      number: '12345',
      name: '鈴木花子',
      birthDate: '1990115',
      phone: ['0944', '12', ''],
    });
    await page.getByRole('button', { name: 'ログインする' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(
      '利用者番号は「100」「200」「300」から始まる9桁の数字で入力してください。',
    );
    await expect(summary).toContainText('氏名は全角カナで入力してください');
    await expect(summary).toContainText('生年月日は西暦の8桁の数字で入力してください');
    await expect(summary).toContainText('電話番号は合わせて10桁または11桁の数字で入力してください');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByLabel('氏名')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('氏名')).toHaveAccessibleDescription(/氏名は全角カナで入力してください/);
    // The summary's links lead to their fields.
    await summary.getByRole('link', { name: /氏名は全角カナ/ }).click();
    await expect(page.getByLabel('氏名')).toBeFocused();

    await fillIdentity(page, {
      number: '300000003',
      name: 'スズキハナコ',
      birthDate: '19900101',
      phone: ['0944', '12', '3456'],
    });
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect(page.getByRole('alert')).toContainText(
      '入力された利用者情報を確認できませんでした。内容をお確かめください。',
    );
    await expect(page.getByLabel('生年月日')).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('a registered patron is told to log in instead', async ({ page }) => {
    await page.goto('/registration');
    await fillIdentity(page, {
      number: '100000001',
      name: 'ヤナガワタロウ',
      birthDate: '19750408',
      phone: ['0944', '73', '0001'],
    });
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect(page.getByRole('alert')).toContainText('パスワードはすでに登録されています。');
    await expect(page.getByRole('link', { name: '利用照会（ログイン）へ' })).toBeVisible();
  });

  test('300000003 registers on the guide’s screens, typing the name in hiragana with a space, gets the mail and logs in', async ({
    page,
    mailbox,
  }, testInfo) => {
    await page.goto('/');
    await page.getByRole('main').getByRole('link', { name: '新規パスワード登録' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '新規パスワード登録' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '利用者の認証' })).toBeVisible();
    await expect(page.getByText('お客様情報を入力して下さい。')).toBeVisible();
    await expect(page.getByText('(西暦・半角数字8桁) 例) 2009年3月1日→20090301')).toBeVisible();
    await expect(page.getByLabel('利用者番号')).toHaveAttribute('autocomplete', 'username');

    await fillIdentity(page, {
      number: '300000003',
      name: 'すずき はなこ',
      birthDate: '19901105',
      phone: ['0944', '12', '3456'],
    });
    await testInfo.attach('③ 利用者の認証', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    await page.getByRole('button', { name: 'ログインする' }).click();

    await expect(page.getByRole('heading', { name: '新規パスワードの登録' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '現在位置' })).toContainText('新規パスワード登録');
    await expect(page.getByLabel('旧メールアドレス')).toHaveValue('hanako.suzuki@example.jp');
    await expect(page.getByLabel('旧メールアドレス')).toHaveAttribute('readonly', '');
    await expect(page.getByLabel('登録パスワード')).toHaveAttribute('autocomplete', 'new-password');
    await expect(page.getByLabel('再入力')).toHaveAttribute('autocomplete', 'new-password');
    await expect(page.getByLabel('新メールアドレス')).toHaveAttribute('autocomplete', 'email');
    await expect(page.getByLabel('今後の連絡先はこのアドレスに変更する')).toBeChecked();
    await expect(page.getByLabel('登録済み予約の連絡先もこのアドレスに変更する')).not.toBeChecked();
    await expect(page.getByText('【登録時の注意事項】')).toBeVisible();

    // A guessable password and a mistyped confirmation are refused, each on its field.
    await page.getByLabel('登録パスワード').fill('hanako19901105');
    await page.getByLabel('再入力').fill('hanako1990110');
    await page.getByLabel('新メールアドレス').fill('hanako..new@example.jp');
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page.getByRole('alert')).toContainText('パスワードに生年月日を含めることはできません。');
    await expect(page.getByRole('alert')).toContainText('確認のため再入力したパスワードが一致しません。');
    await expect(page.getByRole('alert')).toContainText('ドット（.）が連続しているメールアドレス');
    await expect(page.getByLabel('登録パスワード')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('登録パスワード').fill(NEW_PASSWORD);
    await page.getByLabel('再入力').fill(NEW_PASSWORD);
    await page.getByLabel('新メールアドレス').fill(NEW_EMAIL);
    await testInfo.attach('④ 新規パスワードの登録', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    await page.getByRole('button', { name: '登録する' }).click();

    await expect(page.getByRole('region', { name: '登録完了' }).getByRole('status')).toHaveText(
      '新規パスワードの登録が完了しました。',
    );
    await expect(page.getByText(NEW_EMAIL)).toBeVisible();
    await testInfo.attach('⑤ 登録完了', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    // The mail: a file under the server's DATA_DIR in development.
    await expect.poll(async () => (await mailbox()).filter((m) => m.to === NEW_EMAIL).length).toBe(1);
    const mail = (await mailbox()).find((m) => m.to === NEW_EMAIL)!;
    expect(mail.subject).toBe('【柳川市立図書館】パスワード申請受付');
    expect(mail.from).toBe('柳川市立図書館 <library@city.yanagawa.lg.jp>');
    expect(mail.messageId).toMatch(/^<outbox-\d+@city\.yanagawa\.lg\.jp>$/);
    expect(mail.text).toContain('スズキハナコ 様');
    expect(mail.text).toContain('このメールに返信することはできません。');

    // Back does not lead to the spent form; the new password logs in, the birth date does not.
    await loginThroughUi(page, '300000003', '19901105');
    await expect(page.getByRole('alert')).toHaveText('利用者番号またはパスワードが正しくありません。');
    await loginThroughUi(page, '300000003', NEW_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
    await expect(page.getByText('スズキハナコ さん、あなたの図書館利用状況です。')).toBeVisible();
    expect(DEMO_PASSWORD).not.toBe(NEW_PASSWORD);
  });
});
