import { expect, loanRow, test } from '../fixtures/test.ts';

test('screens', async ({ page, loginAs }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop');
  await page.setViewportSize({ width: 1280, height: 800 });
  await loginAs('100000001');
  await page.goto('/portal/loans');
  await expect(loanRow(page, '現代篇 2')).toBeVisible();
  await page.screenshot({ path: '/tmp/i18n-loans-1280-ja.png', fullPage: true });
  const heights = await page.locator('.loan-table tbody tr td:nth-child(2)').evaluateAll((cells) =>
    cells.map((c) => Math.round(c.getBoundingClientRect().height)),
  );
  const widths = await page.locator('.loan-table thead th').evaluateAll((cells) =>
    cells.map((c) => `${c.textContent}:${Math.round(c.getBoundingClientRect().width)}`),
  );
  console.log('date cell heights', heights.join(','), 'widths', widths.join(' '));
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loans' })).toBeVisible();
  await page.screenshot({ path: '/tmp/i18n-loans-1280-en.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: '/tmp/i18n-loans-360-en.png', fullPage: true });
  await page.getByRole('button', { name: '日本語' }).click();
  await page.screenshot({ path: '/tmp/i18n-loans-360-ja.png', fullPage: true });
});
