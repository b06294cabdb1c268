// Lighthouse 12.2.3 (13 needs Node 22) in its default mobile mode — an emulated mid-range
// phone on a throttled 4G connection — against the built app served locally. It never
// downloads a browser: CHROME_PATH points chrome-launcher at Debian's Chromium.
//   pnpm bench:lighthouse <url> [cookie]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../node_modules/.bin/lighthouse', import.meta.url));
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LighthouseResult {
  url: string;
  scores: Record<string, number>;
  metrics: Record<string, number>;
  failedAudits: string[];
}

export async function runLighthouse(options: {
  url: string;
  outDir: string;
  cookie?: string;
}): Promise<LighthouseResult> {
  if (!existsSync(chrome))
    throw new Error(`no Chromium at ${chrome}: apt-get install chromium, or set CHROME_PATH`);
  const out = join(options.outDir, `lighthouse-${new URL(options.url).pathname.replace(/\W+/g, '_')}.json`);
  const args = [
    options.url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    ...(options.cookie ? [`--extra-headers=${JSON.stringify({ Cookie: options.cookie })}`] : []),
  ];
  // Chromium sometimes loses the trace of a load on a busy machine (NO_NAVSTART, NO_FCP): a
  // second attempt is a fresh browser; a third failure is reported.
  let run = spawnSync(bin, args, { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8' });
  for (let attempt = 2; run.status !== 0 && attempt <= 3; attempt++) {
    console.info(`  Lighthouse attempt ${attempt - 1} failed: ${run.stderr.trim().split('\n').at(-1)}`);
    run = spawnSync(bin, args, { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8' });
  }
  if (run.status !== 0) throw new Error(`lighthouse failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  const scores = Object.fromEntries(
    Object.entries(lhr.categories as Record<string, { score: number }>).map(([k, v]) => [
      k,
      Math.round(v.score * 100),
    ]),
  );
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
  const failedAudits = Object.values(
    lhr.audits as Record<string, { id: string; score: number | null; scoreDisplayMode: string }>,
  )
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
    )
    .map((a) => a.id);
  return {
    url: new URL(options.url).pathname,
    scores,
    metrics: {
      firstContentfulPaintMs: metric('first-contentful-paint'),
      largestContentfulPaintMs: metric('largest-contentful-paint'),
      totalBlockingTimeMs: metric('total-blocking-time'),
      cumulativeLayoutShift1000: Math.round(
        (lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000,
      ),
      speedIndexMs: metric('speed-index'),
    },
    failedAudits,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, cookie] = process.argv.slice(2).filter((a) => a !== '--');
  if (!url) {
    console.error('usage: pnpm bench:lighthouse <url> [cookie]');
    process.exit(2);
  }
  const result = await runLighthouse({ url, outDir: process.cwd(), ...(cookie ? { cookie } : {}) });
  console.info(JSON.stringify(result, null, 2));
}
