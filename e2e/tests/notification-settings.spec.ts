/// <reference lib="dom" />
import { expectAccessible, tabTo, watchPointerEvents } from '../fixtures/a11y.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * 利用者情報変更 → お知らせの設定 and カレンダーに返却期限日を表示 (docs/product.md §10), keyboard only.
 * Opting 100000001 in and issuing a feed changes demo state: a server of its own.
 */
test.use({ ownServer: 'notifications' });

test.describe('お知らせの設定', () => {
  test('keyboard only: opt in 7 days before with titles, kept after a reload; a calendar URL issued, copied, made again and stopped', async ({
    page,
    context,
    loginAs,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-write']);
    // The BFF's Permissions-Policy turns clipboard-read off for our pages (the app never reads
    // it), so what the page writes is recorded on its way to the real clipboard.
    await context.addInitScript(() => {
      const clipboard = navigator.clipboard;
      if (!clipboard) return;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = async (text: string) => {
        await write(text);
        sessionStorage.setItem('probe:clipboard', text);
      };
    });
    await loginAs('100000001');
    await page.goto('/portal/settings');
    // From here on, any pointer event would mean the journey was not keyboard-only.
    const pointerEvents = await watchPointerEvents(page, 'this page');

    const form = page.getByRole('form', { name: 'お知らせの設定' });
    const reminder = form.getByLabel('返却期限日お知らせメールを受け取る');
    await expect(reminder).not.toBeChecked();
    await expect(form.getByLabel('3日前')).toBeChecked();
    await expect(form.getByLabel('メールに資料名を載せる')).not.toBeChecked();
    await expect(form.getByLabel('返却期限日を過ぎたときにもお知らせする（期限日の翌日）')).toBeChecked();
    await expect(form.getByLabel('この端末にもプッシュ通知で知らせる')).not.toBeChecked();
    await expect(form.getByRole('group', { name: 'お知らせする日' })).toBeVisible();

    await tabTo(page, reminder, 60);
    await page.keyboard.press('Space');
    await expect(reminder).toBeChecked();
    // Tab enters the radio group on the checked choice; the arrow keys move within it.
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('3日前')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(form.getByLabel('7日前')).toBeChecked();
    await tabTo(page, form.getByLabel('メールに資料名を載せる'));
    await page.keyboard.press('Space');
    await tabTo(page, form.getByRole('button', { name: 'お知らせの設定を保存する' }));
    await page.keyboard.press('Enter');
    const saved = page.getByText('お知らせの設定を保存しました。');
    await expect(saved).toBeFocused();
    await expectAccessible(page, testInfo, 'お知らせの設定 (保存)');

    expect(await pointerEvents()).toEqual([]);
    await page.reload();
    await watchPointerEvents(page, 'this page');
    await expect(form.getByLabel('返却期限日お知らせメールを受け取る')).toBeChecked();
    await expect(form.getByLabel('7日前')).toBeChecked();
    await expect(form.getByLabel('メールに資料名を載せる')).toBeChecked();

    // カレンダー: the URL is shown once, copied, opened as webcal:, made again, stopped.
    const panel = page.getByRole('region', { name: 'カレンダーに返却期限日を表示' });
    await tabTo(page, panel.getByRole('button', { name: 'カレンダー用のURLを発行する' }), 80);
    await page.keyboard.press('Enter');
    const urlField = panel.getByLabel('カレンダー用URL');
    await expect(urlField).toHaveValue(
      /^http:\/\/localhost:\d+\/api\/calendar-feed\/[A-Za-z0-9_-]{43}\.ics$/,
    );
    const first = await urlField.inputValue();
    await expect(panel.getByRole('link', { name: 'カレンダーアプリで開く' })).toHaveAttribute(
      'href',
      first.replace(/^http:/, 'webcal:'),
    );
    const feed = await page.request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = await feed.text();
    expect(ics).toContain('SUMMARY:返却期限日 (3点)');
    expect(ics).toContain('DTSTART;VALUE=DATE:20210125');

    await tabTo(page, panel.getByRole('button', { name: 'コピー' }));
    await page.keyboard.press('Enter');
    await expect(panel.getByText('URLをコピーしました。')).toBeFocused();
    expect(await page.evaluate(() => sessionStorage.getItem('probe:clipboard'))).toBe(first);

    await tabTo(page, panel.getByRole('button', { name: 'URLを作り直す' }));
    await page.keyboard.press('Enter');
    await expect(panel.getByText('URLを作り直しました。', { exact: false })).toBeFocused();
    const second = await urlField.inputValue();
    expect(second).not.toBe(first);
    expect((await page.request.get(first)).status()).toBe(404);
    expect((await page.request.get(second)).status()).toBe(200);
    await expectAccessible(page, testInfo, 'カレンダー用URL');

    await tabTo(page, panel.getByRole('button', { name: '配信を停止する' }));
    await page.keyboard.press('Enter');
    await expect(panel.getByText('カレンダーへの配信を停止しました。', { exact: false })).toBeFocused();
    expect((await page.request.get(second)).status()).toBe(404);

    expect(await pointerEvents()).toEqual([]);
  });

  test('switching to English with the form open, then saving the form, keeps English on the server', async ({
    page,
    loginAs,
  }) => {
    await loginAs('100000004');
    await page.goto('/portal/settings');
    await expect(page.getByRole('form', { name: 'お知らせの設定' }).getByLabel('3日前')).toBeChecked();
    const storedLanguage = async () =>
      (await (await page.request.get('/api/me/notifications')).json()).language;
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    // The header saves the choice for the signed-in patron (mails follow it).
    await expect.poll(storedLanguage).toBe('en');
    const form = page.getByRole('form', { name: 'Reminders' });
    await form.getByLabel('Send me a due date reminder by email').check();
    await form.getByRole('button', { name: 'Save reminder settings' }).click();
    await expect(page.getByText('Your reminder settings have been saved.')).toBeVisible();
    // The form's save kept the language the header saved (mails follow it), also after a reload.
    expect(await (await page.request.get('/api/me/notifications')).json()).toMatchObject({
      reminder: { email: true },
      language: 'en',
    });
    await page.reload();
    await expect(
      page.getByRole('form', { name: 'Reminders' }).getByLabel('Send me a due date reminder by email'),
    ).toBeChecked();
    expect((await (await page.request.get('/api/session')).json()).patron.language).toBe('en');
  });

  test('an invalid choice is refused on its field: error summary focused, its link moves to the field', async ({
    page,
    loginAs,
  }, testInfo) => {
    await loginAs('200000002');
    await page.goto('/portal/settings');
    const form = page.getByRole('form', { name: 'お知らせの設定' });
    await expect(form.getByLabel('3日前')).toBeChecked();
    // What a tampered page would send: a number of days the library does not offer.
    await form.getByLabel('3日前').evaluate((radio) => {
      (radio as HTMLInputElement).value = '5';
    });
    await form.getByRole('button', { name: 'お知らせの設定を保存する' }).press('Enter');
    const summary = form.getByRole('alert');
    await expect(summary).toContainText('お知らせする日を、1日前・2日前・3日前・7日前から選んでください。');
    await expect(summary.locator('.error-summary')).toBeFocused();
    await expect(form.getByRole('group', { name: 'お知らせする日' })).toHaveAccessibleDescription(
      /1日前・2日前・3日前・7日前から選んでください/,
    );
    await expect(form.getByLabel('1日前')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, testInfo, 'お知らせの設定 (入力エラー)');
    await summary.getByRole('link').press('Enter');
    await expect(form.getByLabel('1日前')).toBeFocused();
    // Nothing was saved.
    const res = await page.request.get('/api/me/notifications');
    expect((await res.json()).reminder.daysBefore).toBe(3);
  });
});
