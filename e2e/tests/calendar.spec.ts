import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from '../fixtures/a11y.ts';
import { expect, GUIDE_TODAY, test } from '../fixtures/test.ts';

/** The dates of a month table whose day says 休館日 (in the text screen readers get). */
async function closedDates(table: Locator): Promise<string[]> {
  return table
    .locator('button[data-date]')
    .filter({ hasText: '休館日' })
    .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.date!));
}

/** A month's table by its caption, e.g. 2021年1月（柳川図書館） (the branch is for screen readers). */
const month = (page: Page, name: string) => {
  const [, ym, branch] = /^(.+?)（(.+)）$/.exec(name)!;
  // Chromium puts a space before the visually hidden part of the caption; jsdom does not.
  return page.getByRole('table', { name: new RegExp(`^${ym}\\s?（${branch}）$`) });
};
const dayButton = (table: Locator, date: string) => table.locator(`button[data-date="${date}"]`);

test.describe(`図書館カレンダー on the portal (business date ${GUIDE_TODAY})`, () => {
  test('100000001 sees January and February 2021 at 本館, then 三橋図書館, with the due date 2021/01/25', async ({
    page,
    loginAs,
  }, testInfo) => {
    await loginAs('100000001');
    const calendar = page.getByRole('region', { name: '図書館カレンダー' });
    await expect(calendar).toBeVisible();
    await expect(calendar.getByLabel('表示する図書館')).toHaveValue('main');
    const january = month(page, '2021年1月（柳川図書館）');
    const february = month(page, '2021年2月（柳川図書館）');
    await expect(january).toBeVisible();
    await expect(february).toBeVisible();
    await expect(january.getByRole('columnheader')).toHaveText(['日', '月', '火', '水', '木', '金', '土']);
    for (const label of ['休館日', 'イベント', '返却期限日']) {
      await expect(calendar.getByRole('list', { name: '凡例' })).toContainText(label);
    }

    // 本館: 年末年始, Mondays (1/11 成人の日 moves the closing to 1/12), 館内整理日 1/28.
    expect(await closedDates(january)).toEqual([
      '2021-01-01',
      '2021-01-02',
      '2021-01-03',
      '2021-01-04',
      '2021-01-12',
      '2021-01-18',
      '2021-01-25',
      '2021-01-28',
    ]);
    expect(await closedDates(february)).toEqual([
      '2021-02-01',
      '2021-02-08',
      '2021-02-15',
      '2021-02-22',
      '2021-02-25',
    ]);
    await expect(dayButton(january, '2021-01-11')).toContainText('成人の日');
    await expect(dayButton(january, '2021-01-20')).toHaveAttribute('aria-current', 'date');
    await expect(dayButton(january, '2021-01-25')).toHaveAccessibleName(
      '1月25日（月） 休館日、返却期限日 3点',
    );
    await testInfo.attach('図書館カレンダー 本館', {
      body: await calendar.screenshot(),
      contentType: 'image/png',
    });

    // An event's details on tap (or click).
    await dayButton(january, '2021-01-23').click();
    await expect(calendar.getByText('イベント: おはなし会 14:00')).toBeVisible();

    await calendar.getByLabel('表示する図書館').selectOption({ label: '三橋図書館（三橋）' });
    const mJanuary = month(page, '2021年1月（三橋図書館）');
    const mFebruary = month(page, '2021年2月（三橋図書館）');
    await expect(mJanuary).toBeVisible();
    // 三橋: Tuesdays; the holiday Tuesday 2/23 opens and Wednesday 2/24 closes.
    expect(await closedDates(mJanuary)).toEqual([
      '2021-01-01',
      '2021-01-02',
      '2021-01-03',
      '2021-01-05',
      '2021-01-12',
      '2021-01-19',
      '2021-01-26',
      '2021-01-28',
    ]);
    expect(await closedDates(mFebruary)).toEqual([
      '2021-02-02',
      '2021-02-09',
      '2021-02-16',
      '2021-02-24',
      '2021-02-25',
    ]);
    await expect(dayButton(mFebruary, '2021-02-23')).toHaveAccessibleName('2月23日（火） 天皇誕生日、開館');
    // The three マンガ日本の歴史 were lent by 三橋図書館, which is open that Monday.
    const due = dayButton(mJanuary, '2021-01-25');
    await expect(due).toHaveAccessibleName('1月25日（月） 開館、返却期限日 3点');
    await expect(due).toContainText('返3');
    await due.click();
    await expect(calendar.getByText('返却期限日: 3点')).toBeVisible();
    await testInfo.attach('図書館カレンダー 三橋図書館', {
      body: await calendar.screenshot(),
      contentType: 'image/png',
    });

    // Every axe rule (best practices too) on the widget; the WCAG 2.2 AA set, 200 % and
    // 320 px on the whole portal with the widget in this state (a day's details shown).
    const results = await new AxeBuilder({ page }).include('section.calendar').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await expectAccessible(page, testInfo, '③ 利用者ポータル: 図書館カレンダー 三橋図書館');
  });

  test('pages month by month without moving the page, and works with the keyboard', async ({
    page,
    loginAs,
  }) => {
    await loginAs('100000001');
    const calendar = page.getByRole('region', { name: '図書館カレンダー' });
    await expect(month(page, '2021年1月（柳川図書館）')).toBeVisible();
    const loanStatus = page.getByRole('heading', { level: 2, name: '貸出状況' });
    // Where 貸出状況 sits on the page (not in the viewport: focusing a day may scroll).
    const top = () => loanStatus.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const before = await top();

    await calendar.getByRole('button', { name: '次の月' }).click();
    await expect(month(page, '2021年3月（柳川図書館）')).toBeVisible();
    expect(await top()).toBe(before);
    await calendar.getByRole('button', { name: '前の月' }).click();
    await calendar.getByRole('button', { name: '前の月' }).click();
    await expect(month(page, '2020年12月（柳川図書館）')).toBeVisible();
    expect(await top()).toBe(before);

    // The month tables are one Tab stop each; arrows move by day and week, across months too.
    const december = month(page, '2020年12月（柳川図書館）');
    await dayButton(december, '2020-12-31').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(':focus')).toHaveAttribute('data-date', '2021-01-01');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveAttribute('data-date', '2021-01-08');
    await expect(calendar.locator('.calendar-details')).toContainText('1月8日（金）');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // 2/5 is past the shown months: the calendar moves on and keeps the focus on that day.
    await expect(month(page, '2021年2月（柳川図書館）')).toBeVisible();
    await expect(page.locator(':focus')).toHaveAttribute('data-date', '2021-02-05');
    expect(await top()).toBe(before);
  });

  test('two months side by side on a wide screen, stacked on a phone', async ({
    page,
    loginAs,
  }, testInfo) => {
    await loginAs('100000001');
    const january = month(page, '2021年1月（柳川図書館）');
    const february = month(page, '2021年2月（柳川図書館）');
    await expect(february).toBeVisible();
    const a = (await january.boundingBox())!;
    const b = (await february.boundingBox())!;
    const width = page.viewportSize()!.width;
    if (width < 700) {
      expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
      // Day buttons stay at least 24 px (WCAG 2.5.8) and nothing scrolls sideways.
      const day = (await january.locator('button[data-date="2021-01-20"]').boundingBox())!;
      expect(day.width).toBeGreaterThanOrEqual(24);
      expect(day.height).toBeGreaterThanOrEqual(24);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    } else {
      expect(Math.abs(b.y - a.y)).toBeLessThan(2);
      expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    }
    await testInfo.attach(`portal ${width}px`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
  });
});
