import { expectAccessible } from '../fixtures/a11y.ts';
import {
  DEMO_PASSWORD,
  expect,
  expectLoginOnlyWith,
  fillIdentity,
  guideStep,
  submitIdentity,
  test,
  UNREGISTERED_PATRON,
} from '../fixtures/test.ts';

/**
 * 利用案内 4. 利用者登録の流れ ①–⑤. Registering 300000003 changes the demo data: the file
 * has a server of its own, shared with the other account specs (each touches other patrons).
 */
test.use({ ownServer: 'accounts' });

const NEW_PASSWORD = 'kawakudari-2021';
const NEW_EMAIL = 'hanako.new@example.jp';

test.describe('4 利用者登録 (新規パスワード登録)', () => {
  test('①–⑤ 300000003 が案内どおりの画面で登録し (氏名はひらがな・空白あり)、メールを受け取り、ログインする', async ({
    page,
    mailbox,
  }, testInfo) => {
    await guideStep(page, '① メインメニュー', async () => {
      await page.goto('/');
      await expect(page.getByRole('main').getByRole('link', { name: '新規パスワード登録' })).toBeVisible();
    });
    await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).click();
    await guideStep(page, '② 利用照会', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    });
    await page.getByRole('link', { name: '新規パスワード登録' }).click();

    await guideStep(page, '③ 利用者の認証', async () => {
      await expect(page.getByRole('heading', { level: 1, name: '新規パスワード登録' })).toBeFocused();
      await expect(page.getByRole('heading', { name: '利用者の認証' })).toBeVisible();
      await expect(page.getByText('お客様情報を入力して下さい。')).toBeVisible();
      await expect(page.getByText('(西暦・半角数字8桁) 例) 2009年3月1日→20090301')).toBeVisible();
      await expect(page.getByLabel('利用者番号')).toHaveAttribute('autocomplete', 'username');
      // The name in hiragana with a space, as a patron may type it.
      await fillIdentity(page, { ...UNREGISTERED_PATRON, name: 'すずき はなこ' });
    });
    await page.getByRole('button', { name: 'ログインする' }).click();

    await expect(page.getByRole('heading', { name: '新規パスワードの登録' })).toBeVisible();
    await test.step('④ 新規パスワードの登録: 推測しやすいパスワード・再入力の誤り・連続ドット', async () => {
      await expect(page.getByRole('navigation', { name: '現在位置' })).toContainText('新規パスワード登録');
      // Masked: the identity check alone does not reveal the address on file.
      await expect(page.getByLabel('旧メールアドレス')).toHaveValue('h***@example.jp');
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
      const summary = page.getByRole('alert');
      await expect(summary).toContainText('パスワードに生年月日を含めることはできません。');
      await expect(summary).toContainText('確認のため再入力したパスワードが一致しません。');
      await expect(summary).toContainText('ドット（.）が連続しているメールアドレス');
      await expect(page.getByLabel('登録パスワード')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('登録パスワード')).toHaveAccessibleDescription(/生年月日を含める/);
      await expect(page.getByLabel('再入力')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('新メールアドレス')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('新メールアドレス')).toHaveAccessibleDescription(/ドット（.）が連続/);
      await expectAccessible(page, testInfo, '④ 新規パスワードの登録 (入力エラー)');
    });

    await guideStep(page, '④ 新規パスワードの登録', async () => {
      await page.getByLabel('登録パスワード').fill(NEW_PASSWORD);
      await page.getByLabel('再入力').fill(NEW_PASSWORD);
      await page.getByLabel('新メールアドレス').fill(NEW_EMAIL);
    });
    await page.getByRole('button', { name: '登録する' }).click();

    await guideStep(page, '⑤ 登録完了', async () => {
      await expect(page.getByRole('region', { name: '登録完了' }).getByRole('status')).toHaveText(
        '新規パスワードの登録が完了しました。',
      );
      await expect(page.getByText(NEW_EMAIL)).toBeVisible();
      await expectAccessible(page, testInfo, '⑤ 登録完了');
    });

    await test.step('⑤ パスワード申請受付のメール', async () => {
      // The mail: a file under the server's DATA_DIR in development.
      await expect.poll(async () => (await mailbox()).filter((m) => m.to === NEW_EMAIL).length).toBe(1);
      const mail = (await mailbox()).find((m) => m.to === NEW_EMAIL)!;
      expect(mail.subject).toBe('【柳川市立図書館】パスワード申請受付');
      expect(mail.from).toBe('柳川市立図書館 <library@city.yanagawa.lg.jp>');
      expect(mail.messageId).toMatch(/^<outbox-\d+@city\.yanagawa\.lg\.jp>$/);
      expect(mail.text).toContain('スズキハナコ 様');
      expect(mail.text).toContain('このメールに返信することはできません。');
    });

    await test.step('登録したパスワードでログイン (生年月日ではログインできない)', async () => {
      await expectLoginOnlyWith(page, '300000003', { accepted: NEW_PASSWORD, refused: '19901105' });
      await expect(page.getByText('スズキハナコ さん、あなたの図書館利用状況です。')).toBeVisible();
      expect(DEMO_PASSWORD).not.toBe(NEW_PASSWORD);
    });
  });

  test('③ 入力の誤りは項目ごとに示され (読み上げ・フォーカス)、本人と一致しないときは一つの汎用メッセージ', async ({
    page,
  }, testInfo) => {
    await page.goto('/registration');
    await expect(page.getByRole('heading', { level: 1, name: '新規パスワード登録' })).toBeVisible();
    await submitIdentity(page, {
      number: '12345',
      name: '鈴木花子',
      birthDate: '1990115',
      phone: ['0944', '12', ''],
    });
    const summary = page.getByRole('alert');
    await guideStep(page, '③ 利用者の認証 (入力エラー)', async () => {
      await expect(summary).toContainText(
        '利用者番号は「100」「200」「300」から始まる9桁の数字で入力してください。',
      );
      await expect(summary).toContainText('氏名は全角カナで入力してください');
      await expect(summary).toContainText('生年月日は西暦の8桁の数字で入力してください');
      await expect(summary).toContainText('電話番号は合わせて10桁または11桁の数字で入力してください');
      await expect(page.locator('.error-summary')).toBeFocused();
      for (const label of ['利用者番号', '氏名', '生年月日']) {
        await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
      }
      await expect(page.getByLabel('氏名')).toHaveAccessibleDescription(/氏名は全角カナで入力してください/);
      await expectAccessible(page, testInfo, '③ 利用者の認証 (入力エラー)');
    });
    // The summary's links lead to their fields.
    await summary.getByRole('link', { name: /氏名は全角カナ/ }).click();
    await expect(page.getByLabel('氏名')).toBeFocused();

    // 300000003 with a wrong birth date: one generic message, no field blamed.
    await submitIdentity(page, { ...UNREGISTERED_PATRON, birthDate: '19900101' });
    await expect(page.getByRole('alert')).toContainText(
      '入力された利用者情報を確認できませんでした。内容をお確かめください。',
    );
    await expect(page.getByLabel('生年月日')).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('③ 登録済みの方には、ログインするよう案内する', async ({ page }) => {
    await page.goto('/registration');
    await submitIdentity(page, {
      number: '100000001',
      name: 'ヤナガワタロウ',
      birthDate: '19750408',
      phone: ['0944', '73', '0001'],
    });
    await expect(page.getByRole('alert')).toContainText('パスワードはすでに登録されています。');
    await page.getByRole('link', { name: '利用照会（ログイン）へ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
  });
});
