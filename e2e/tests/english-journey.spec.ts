/// <reference lib="dom" />
import { expectAccessible, expectNoAxeViolations, tabTo } from '../fixtures/a11y.ts';
import { DEMO_PASSWORD, expect, guideStep, loanRow, test } from '../fixtures/test.ts';

/**
 * SPEC §12: a visitor whose browser prefers English reads the whole renewal journey in
 * English. These tests renew loans (100000001's, and 100000004's first page): a server of
 * their own.
 */
test.use({ locale: 'en-US', ownServer: 'english' });

const SITE = 'Yanagawa City Library loan renewal service';
/** Words of the Japanese interface (none of them occurs in the demo data shown on these pages). */
const JAPANESE_UI = /貸出|延長|返却|ログイン|利用者|選択|解除|キャンセル|戻る/;

test.describe('English (SPEC §12)', () => {
  test('login → portal → loans → Renew selected → Renew the loan? → Loans renewed → Back, all in English', async ({
    page,
  }, testInfo) => {
    await guideStep(page, 'Main menu (en)', async () => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1, name: 'Yanagawa City Library' })).toBeVisible();
      await expect(page).toHaveTitle(`Main menu | ${SITE}`);
      await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    });
    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();

    await guideStep(page, 'Log in (en)', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
      // A field error from the shared schema and an error message from the API, both in English.
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByLabel('Patron number')).toHaveAccessibleDescription(
        /Please enter your patron number\./,
      );
      await page.getByLabel('Patron number').fill('100000001');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByRole('alert')).toHaveText('The patron number or password is not correct.');
      await expect(page.locator('main')).not.toContainText(JAPANESE_UI);
      await expectAccessible(page, testInfo, 'Log in (en)');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
    });
    await page.getByRole('button', { name: 'Log in' }).click();

    await guideStep(page, 'Patron portal (en)', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Patron portal' })).toBeVisible();
      await expect(page).toHaveTitle(`Patron portal | ${SITE}`);
      await expect(page.getByRole('heading', { name: 'Library calendar' })).toBeVisible();
      await expect(page.getByRole('table', { name: /January 2021/ })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Loan status' })).toContainText('2021/01/25');
      await expect(page.getByRole('banner')).toContainText('Log out');
      await expect(page.locator('main')).not.toContainText(JAPANESE_UI);
    });
    await page.getByRole('link', { name: 'Loan status', exact: true }).click();

    const bulk = page.getByRole('button', { name: /Renew selected/ }).first();
    await guideStep(page, 'Loans (en)', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Loans' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'You are here' })).toHaveText(
        /Main menu.*Patron portal.*Loans/,
      );
      await expect(page.getByText('8 items')).toBeVisible();
      await expect(loanRow(page, '水郷柳川')).toContainText('Renewed');
      await expect(loanRow(page, '北原白秋詩集')).toContainText('Reserved');
      await expect(loanRow(page, '福岡県の歴史')).toContainText('Other library');
      await expect(loanRow(page, '現代篇 2')).toContainText('2021/01/25');
      await expect(page.getByRole('button', { name: 'Clear all' })).toHaveCount(2);
      await expect(bulk).toBeDisabled();
      await page.getByRole('button', { name: 'Select all' }).first().click();
      await expect(bulk).toHaveText(/^Renew selected \(\d+\)$/);
      await expect(page.locator('main')).not.toContainText(JAPANESE_UI);
      await expectAccessible(page, testInfo, 'Loans (en)');
    });
    await bulk.click();

    const dialog = page.getByRole('dialog', { name: 'Renew the loan?' });
    await guideStep(page, 'Renew the loan? (en)', async () => {
      await expect(dialog).toContainText('Each item you have borrowed can be renewed only once.');
      await expect(dialog).toContainText(/2021\/01\/25\s*→\s*(to)?\s*2021\/02\/03/);
      await expect(dialog.getByRole('button', { name: 'Renew' })).toBeFocused();
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
      await expect(dialog).not.toContainText(JAPANESE_UI);
      await expectAccessible(page, testInfo, 'Renew the loan? (en)');
    });
    await dialog.getByRole('button', { name: 'Renew' }).click();

    await guideStep(page, 'Loans renewed (en)', async () => {
      await expect(page.getByRole('heading', { level: 2, name: 'Loans renewed' })).toBeFocused();
      await expect(page).toHaveTitle(`Loans renewed | ${SITE}`);
      await expect(page.getByText(/\d+ item\(s\) renewed\./)).toBeVisible();
      await expect(page.getByRole('table', { name: 'Renewed items' })).toContainText('2021/02/03');
      await expect(page.locator('main')).not.toContainText(JAPANESE_UI);
      await expectAccessible(page, testInfo, 'Loans renewed (en)');
    });

    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Loans' })).toBeFocused();
    await expect(loanRow(page, '現代篇 2')).toContainText('Renewed');
    await expect(page.getByRole('checkbox')).toHaveCount(0);
  });

  test('keyboard only, in English: Log in → Loans → Select all → Renew selected → Renew → Back', async ({
    page,
  }, testInfo) => {
    test.skip(
      testInfo.project.name !== 'desktop',
      'one keyboard journey is enough (the phone has no Tab key)',
    );
    await page.goto('/login');
    await tabTo(page, page.getByLabel('Patron number'));
    await page.keyboard.type('100000004');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Patron portal' })).toBeFocused();
    await tabTo(page, page.getByRole('link', { name: 'Loan status', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Loans' })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Select all' }).first());
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(10);
    await tabTo(page, page.getByRole('button', { name: /Renew selected/ }).first());
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Renew the loan?' });
    await expect(dialog.getByRole('button', { name: 'Renew' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Loans renewed' })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Back' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Loans' })).toBeFocused();
  });

  test('the 日本語 / English switch changes <html lang>, the texts and the title, and is remembered after a reload', async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the switch is the same on every viewport');
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();
    await expect(page).toHaveTitle('利用照会 | 柳川市立図書館 貸出延長サービス');
    await expect(page.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
    // Field errors follow the language on screen.
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect(page.getByLabel('利用者番号')).toHaveAccessibleDescription(/利用者番号を入力してください。/);
    await expectNoAxeViolations(page, testInfo, '利用照会 (switched to 日本語)');

    // The device remembers the choice over the browser's preference (en-US).
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
    await expect(page).toHaveTitle(`Log in | ${SITE}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
