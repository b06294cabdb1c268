// Draws the PWA icons once, with the same Chromium the e2e tests use, into apps/web/public/.
// The PNGs are committed: nothing is generated or downloaded at build or run time.
//   cd e2e && node scripts/generate-pwa-icons.mjs
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const publicDir = fileURLToPath(new URL('../../apps/web/public/', import.meta.url));
// An open book: two curved pages with a few lines of text.
const BOOK =
  '<path d="M11 20q10-4 20 0v27q-10-4-20 0z M33 20q10-4 20 0v27q-10-4-20 0z" fill="#fff"/>' +
  '<path d="M15 25q6-2 12 0M15 30q6-2 12 0M15 35q6-2 12 0M37 25q6-2 12 0M37 30q6-2 12 0M37 35q6-2 12 0"' +
  ' stroke="#1d4f73" stroke-width="1.4" fill="none" stroke-linecap="round"/>';

// "any": the favicon's rounded tile. "maskable": a full-bleed tile; the book already lies
// inside the central 80 % circle every launcher mask keeps.
const svg = (maskable) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">` +
  `<rect width="64" height="64" rx="${maskable ? 0 : 12}" fill="#1d4f73"/>` +
  `${BOOK}</svg>`;

const icons = [
  { file: 'pwa-192x192.png', size: 192, maskable: false },
  { file: 'pwa-512x512.png', size: 512, maskable: false },
  { file: 'pwa-maskable-512x512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(icon.maskable)}</body></html>`,
  );
  await page.screenshot({ path: `${publicDir}${icon.file}`, omitBackground: true });
  await page.close();
  console.info(`${icon.file} ${icon.size}×${icon.size}`);
}
await browser.close();
