/**
 * The e2e stage's first step (scripts/test.mjs): is there a Chromium to run the tests in?
 * CHROMIUM_PATH or Debian's /usr/bin/chromium, else Playwright's own browser; if neither is
 * installed, try `npx playwright install chromium` (works wherever downloads do). Exits 1 with
 * one line saying what to install when there is still none, so `npm test` reports one
 * failure instead of every e2e test failing to launch a browser.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium, NO_CHROMIUM_MESSAGE } from '@library/test-kit';
import { chromium } from '@playwright/test';

const e2eDir = fileURLToPath(new URL('../', import.meta.url));
const find = () => findChromium({ env: process.env, playwrightExecutable: chromium.executablePath() });

let choice = find();
if (choice.kind === 'none') {
  console.info(`e2e: no Chromium at ${choice.looked.join(' or ')}; trying npx playwright install chromium`);
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], {
    cwd: e2eDir,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  choice = find();
  if (choice.kind === 'none') {
    // Its own output is a stack trace per attempt: the first error line says enough.
    const output = `${install.stdout ?? ''}${install.stderr ?? ''}`;
    const reason =
      output.split('\n').find((l) => /error/i.test(l)) ?? install.error?.message ?? `exit ${install.status}`;
    console.info(
      `e2e: npx playwright install chromium failed (${reason.replace(/, caused by$/, '').trim()})`,
    );
  }
}
if (choice.kind === 'none') {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
console.info(
  `e2e: ${choice.kind === 'system' ? 'Chromium' : "Playwright's Chromium"} ${choice.executablePath}`,
);
