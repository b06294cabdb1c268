import { describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUM } from './chromium.ts';

const own = '/home/me/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('findChromium', () => {
  it("takes Debian's /usr/bin/chromium first", () => {
    expect(findChromium({ playwrightExecutable: own, exists: only(SYSTEM_CHROMIUM, own) })).toEqual({
      kind: 'system',
      executablePath: SYSTEM_CHROMIUM,
    });
  });

  it('takes CHROMIUM_PATH instead of /usr/bin/chromium when it is set', () => {
    const env = { CHROMIUM_PATH: '/opt/chromium/chrome' };
    expect(findChromium({ env, playwrightExecutable: own, exists: only('/opt/chromium/chrome') })).toEqual({
      kind: 'system',
      executablePath: '/opt/chromium/chrome',
    });
  });

  it("falls back to Playwright's own browser when it is installed", () => {
    const env = { CHROMIUM_PATH: '/nowhere/chromium' };
    expect(findChromium({ env, playwrightExecutable: own, exists: only(SYSTEM_CHROMIUM, own) })).toEqual({
      kind: 'playwright',
      executablePath: own,
    });
  });

  it('finds none when neither exists, and says where it looked', () => {
    const env = { CHROMIUM_PATH: '/nowhere/chromium' };
    expect(findChromium({ env, playwrightExecutable: own, exists: only(SYSTEM_CHROMIUM) })).toEqual({
      kind: 'none',
      looked: ['/nowhere/chromium', own],
    });
  });
});
