/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectTargetsAtLeast24px,
  expectVisibleFocusOnEveryTabStop,
  tabTo,
} from '../fixtures/a11y.ts';
import {
  attachScreenshot,
  DEMO_PASSWORD,
  expect,
  loanRow,
  loginThroughUi,
  SITE,
  submitIdentity,
  test,
  UNREGISTERED_PATRON,
} from '../fixtures/test.ts';

async function loggedIn(page: Page, patronNumber: string) {
  await loginThroughUi(page, patronNumber, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeVisible();
}

async function openLoanList(page: Page, patronNumber: string) {
  await loggedIn(page, patronNumber);
  await page.getByRole('link', { name: '貸出状況', exact: true }).click();
  await expect(page.getByText(/該当件数【\d+】/)).toBeVisible();
}

/**
 * Every page and state that exists, reached the way a patron reaches it, without changing
 * the shared demo data. States that only a change reaches (the renewal result, a partial
 * failure, registration's step 2 with errors and its completion, settings with errors) are
 * checked with `expectAccessible` in the journey specs that reach them.
 */
const pages: {
  label: string;
  open: (page: Page) => Promise<void>;
  heading: string;
  /** Laid out at 200 % and 320 px by `expectAccessible` in a journey spec already. */
  reflowedElsewhere?: string;
}[] = [
  { label: 'メインメニュー', heading: '柳川市立図書館', open: (page) => page.goto('/').then(() => {}) },
  { label: '利用照会', heading: '利用照会', open: (page) => page.goto('/login').then(() => {}) },
  {
    label: '利用照会 (入力エラー)',
    heading: '利用照会',
    open: async (page) => {
      await page.goto('/login');
      await page.getByRole('button', { name: 'ログインする' }).click();
      await expect(page.getByLabel('利用者番号')).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    label: '利用照会 (パスワード誤り)',
    heading: '利用照会',
    open: async (page) => {
      // A number nobody holds: the same generic message, and no lockout of a demo patron.
      await loginThroughUi(page, '100009999', 'wrong-password');
      await expect(page.getByRole('alert')).toContainText('正しくありません');
    },
  },
  {
    label: '利用者ポータル',
    heading: '利用者ポータル',
    open: async (page) => {
      await loginThroughUi(page, '100000001', DEMO_PASSWORD);
      await expect(page.getByRole('table', { name: '貸出状況' })).toBeVisible();
    },
  },
  {
    label: '利用者ポータル (延滞あり)',
    heading: '利用者ポータル',
    open: async (page) => {
      await loginThroughUi(page, '200000002', DEMO_PASSWORD);
      await expect(page.getByRole('alert')).toContainText('貸出延長の手続きができません');
    },
  },
  {
    label: '貸出一覧',
    heading: '貸出一覧',
    reflowedElsewhere: 'guide-1-renewal.spec.ts ④',
    open: (page) => openLoanList(page, '100000001'),
  },
  {
    label: '継続貸出 (ダイアログ)',
    heading: '貸出一覧',
    reflowedElsewhere: 'guide-1-renewal.spec.ts ⑤',
    open: async (page) => {
      await openLoanList(page, '100000001');
      await page.getByRole('button', { name: '全選択' }).first().click();
      await page
        .getByRole('button', { name: /一括貸出延長/ })
        .first()
        .click();
      await expect(page.getByRole('dialog', { name: '継続貸出' })).toBeVisible();
    },
  },
  {
    label: '貸出一覧 (延滞あり)',
    heading: '貸出一覧',
    reflowedElsewhere: 'guide-3-overdue-patron.spec.ts',
    open: async (page) => {
      await openLoanList(page, '200000002');
      await expect(loanRow(page, 'やさしい家庭料理')).toContainText('延滞中');
    },
  },
  {
    label: '利用者情報変更',
    heading: '利用者情報変更',
    open: async (page) => {
      await loggedIn(page, '100000001');
      await page.getByRole('link', { name: '利用者情報変更' }).click();
      await expect(page.getByRole('form', { name: 'パスワードの変更' })).toBeVisible();
    },
  },
  {
    label: '新規パスワード登録 (利用者の認証)',
    heading: '新規パスワード登録',
    open: async (page) => {
      await page.goto('/registration');
      await expect(page.getByRole('heading', { name: '利用者の認証' })).toBeVisible();
    },
  },
  {
    label: '新規パスワード登録 (新規パスワードの登録)',
    heading: '新規パスワード登録',
    open: async (page) => {
      // Step 1 only proves who 300000003 is; nothing is registered until step 2 is sent.
      await page.goto('/registration');
      await submitIdentity(page, UNREGISTERED_PATRON);
      await expect(page.getByRole('heading', { name: '新規パスワードの登録' })).toBeVisible();
    },
  },
  // パスワードを忘れた方: laid out at 200 % and 320 px by password-reset.spec.ts already.
  ...(
    [
      ['パスワードを忘れた方', (page) => page.goto('/password-reset').then(() => {})],
      [
        'パスワードを忘れた方 (メールを送信しました)',
        async (page) => {
          // A number nobody holds: the same page, and no demo patron gets a mail.
          await page.goto('/password-reset');
          await page.getByLabel('利用者番号').fill('100009999');
          await page.getByRole('button', { name: 'メールを送信する' }).click();
          await expect(page.getByRole('heading', { name: 'メールを送信しました' })).toBeVisible();
        },
      ],
      [
        'パスワードを忘れた方 (本人確認で再設定)',
        (page) => page.goto('/password-reset/identity').then(() => {}),
      ],
      [
        'パスワードを忘れた方 (メールのリンク)',
        async (page) => {
          // The form only: nothing is sent, so no token is needed that works.
          await page.goto(`/password-reset?token=${'x'.repeat(43)}`);
          await expect(page.getByRole('heading', { name: 'パスワードの再設定' })).toBeVisible();
        },
      ],
    ] satisfies [string, (page: Page) => Promise<void>][]
  ).map(([label, open]) => ({
    label,
    heading: 'パスワードを忘れた方',
    reflowedElsewhere: 'password-reset.spec.ts',
    open,
  })),
  {
    label: 'ページが見つかりません',
    heading: 'ページが見つかりません',
    open: (page) => page.goto('/no-such-page').then(() => {}),
  },
];

test.describe('アクセシビリティ (JIS X 8341-3 / WCAG 2.2 AA)', () => {
  for (const { label, open, heading } of pages) {
    test(`${label}: axe finds nothing, targets ≥ 24 px, visible focus on every tab stop`, async ({
      page,
    }, testInfo) => {
      await open(page);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await expectNoAxeViolations(page, testInfo, label);
      await expectTargetsAtLeast24px(page);
      await expectNoHorizontalScroll(page);
      await expectVisibleFocusOnEveryTabStop(page);
      await attachScreenshot(page, testInfo, label);
    });
  }

  // Browser zoom shrinks the layout viewport: 200 % of a 1280 × 800 window lays the page out
  // in 640 × 400 CSS px, 400 % in 320 × 200 (WCAG 1.4.10's own figure). Setting the viewport
  // gives exactly that layout, media queries included; deviceScaleFactor would only sharpen
  // pixels. Text-only zoom (1.4.4) is the root font size at 200 % on the full-width window.
  const zooms = [
    { name: 'ページ 200 % (640 px)', viewport: { width: 640, height: 400 }, rootFontSize: undefined },
    { name: 'ページ 400 % (320 px)', viewport: { width: 320, height: 200 }, rootFontSize: undefined },
    { name: '文字だけ 200 %', viewport: { width: 1280, height: 800 }, rootFontSize: '200%' },
  ];
  for (const zoom of zooms) {
    test(`${zoom.name}: every page reflows without horizontal scrolling`, async ({ page }, testInfo) => {
      // The viewport is set here, so the phone project would lay out the very same pages again.
      test.skip(
        testInfo.project.name !== 'desktop',
        'the zoom is the viewport set here: one project is enough',
      );
      await page.setViewportSize(zoom.viewport);
      for (const { label, open, heading, reflowedElsewhere } of pages) {
        if (reflowedElsewhere && !zoom.rootFontSize) continue;
        await open(page);
        if (zoom.rootFontSize) {
          await page.evaluate((size) => {
            document.documentElement.style.fontSize = size;
          }, zoom.rootFontSize);
        }
        const title = page.getByRole('heading', { level: 1, name: heading });
        await expect(title).toBeVisible();
        await expectNoHorizontalScroll(page);
        await expectTargetsAtLeast24px(page);
        await attachScreenshot(page, testInfo, `${zoom.name} ${label}`);
        await page.context().clearCookies();
      }
    });
  }

  test('focus moves to the new page heading on every route change, and the title follows', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(`メインメニュー | ${SITE}`);
    await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).click();
    const loginHeading = page.getByRole('heading', { level: 1, name: '利用照会' });
    await expect(loginHeading).toBeFocused();
    await expect(page).toHaveTitle(`利用照会 | ${SITE}`);

    await page.getByLabel('利用者番号').fill('100000001');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeFocused();
    await expect(page).toHaveTitle(`利用者ポータル | ${SITE}`);

    // A reload is a first page: the browser's own focus handling is left alone.
    await page.reload();
    const portalHeading = page.getByRole('heading', { level: 1, name: '利用者ポータル' });
    await expect(portalHeading).toBeVisible();
    await expect(portalHeading).not.toBeFocused();

    await page.getByRole('link', { name: 'メインメニュー' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeFocused();
  });

  test('keyboard only: skip link → ログイン → 利用照会 → 利用者ポータル → ログアウト', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '本文へ移動' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'ログイン' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '利用照会' })).toBeFocused();

    // An empty form: the error is announced on the field, and focus goes to it.
    await tabTo(page, page.getByRole('button', { name: 'ログインする' }));
    await page.keyboard.press('Enter');
    const number = page.getByLabel('利用者番号');
    await expect(number).toBeFocused();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(/9桁の数字.*入力してください/);
    await attachScreenshot(page, testInfo, '利用照会 入力エラー (キーボード)');

    await page.keyboard.type('100000001');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('パスワード')).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '利用者ポータル' })).toBeFocused();
    await expect(page.getByRole('table', { name: '貸出状況' })).toBeVisible();
    await attachScreenshot(page, testInfo, '利用者ポータル (キーボード)');

    await tabTo(page, page.getByRole('button', { name: 'ログアウト' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '柳川市立図書館' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'ログイン' })).toBeVisible();
  });
});
