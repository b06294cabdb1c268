import { findChromium } from '@library/test-kit';
import { chromium, defineConfig, devices } from '@playwright/test';

/**
 * Debian's Chromium (or CHROMIUM_PATH) where it is installed (CI and this team's machines
 * cannot download browsers); otherwise Playwright's own browser (`npx playwright install
 * chromium`). scripts/ensure-chromium.ts, run by `npm test` before this, makes sure one exists.
 */
const browser = findChromium({ env: process.env, playwrightExecutable: chromium.executablePath() });
const launchOptions =
  browser.kind === 'system'
    ? {
        executablePath: browser.executablePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      }
    : {};

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'phone',
      // The SIP2 journey runs on the desktop project only (it starts a SIP2 peer: CI time).
      testIgnore: /sip2-journey\.spec\.ts/,
      use: {
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7'].userAgent,
        launchOptions,
      },
    },
  ],
});
