// `npm test`: install if needed, then typecheck, lint, unit + integration (Vitest), build
// and e2e (Playwright in Chromium). Every stage runs; the last line sums them up.
// DATABASE_URL=postgres://… runs the integration tests against that server as well.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { pnpm } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wanted = (stage) => only.length === 0 || only.includes(stage);

let passed = 0;
let failed = 0;
let skipped = 0;
const report = [];
/** What failed, by name, with its error's first line: printed last, where a CI log's tail shows it. */
const failures = [];

function run(label, args, options = {}) {
  console.info(`\n▶ ${label}`);
  const started = Date.now();
  const status = pnpm(args, { cwd: root, ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  report.push(`${status === 0 ? '✔' : '✖'} ${label} (${seconds} s)`);
  return status;
}

/** A check without test counts (typecheck, lint) counts as one test. */
function check(label, args) {
  if (run(label, args) === 0) passed += 1;
  else failed += 1;
}

/**
 * Adds a test runner's JSON report ([passed, failed, skipped] from `counts`) to the totals; a run that failed without a failed test in
 * its report (a file that did not load, a crash, no report at all) counts as one failure.
 */
function count(status, out, counts, failedNames) {
  const json = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
  const [p, f, s] = json ? counts(json) : [0, 0, 0];
  if (json) failures.push(...failedNames(json));
  passed += p;
  failed += f;
  skipped += s;
  if (status !== 0 && f === 0) failed += 1;
}

/** A test runner writing its JSON report to `out` (an old one removed first), then `count`ed. */
function runCounted(label, args, out, counts, failedNames) {
  rmSync(out, { force: true });
  count(run(label, args), out, counts, failedNames);
}

const firstLine = (text = '') =>
  stripVTControlCharacters(text)
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 300) ?? '';
const relative = (file) => file.replace(root, '');

/** Vitest's JSON report: failed tests, and files that failed outside a test (a hook, an import). */
function vitestFailures(r) {
  return r.testResults.flatMap((file) => {
    const tests = file.assertionResults
      .filter((t) => t.status === 'failed')
      .map((t) => `${relative(file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    if (tests.length === 0 && file.status === 'failed') {
      const skipped = file.assertionResults.filter((t) => t.status !== 'passed').length;
      const why =
        firstLine(file.message) ||
        'failed outside its tests (a hook or an import: its error is in the log above)';
      return [`${relative(file.name)}: ${why}${skipped ? `; ${skipped} of its tests did not run` : ''}`];
    }
    return tests;
  });
}

/** Playwright's JSON report: tests whose outcome was unexpected. */
function playwrightFailures(r) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'unexpected') {
          const error = t.results?.at(-1)?.error?.message;
          out.push(
            `${spec.file} › [${t.projectName}] ${[...path, spec.title].join(' › ')}: ${firstLine(error)}`,
          );
        }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const file of r.suites ?? []) walk(file, []); // a top-level suite is a file: its title is the file name
  return out;
}

const install = run('install', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']);
if (install !== 0) {
  console.info('\n0 passed, 1 failed');
  process.exit(1);
}

if (wanted('typecheck')) check('typecheck', ['-r', '--workspace-concurrency=1', 'run', 'typecheck']);
if (wanted('lint')) {
  check('lint (biome)', ['exec', 'biome', 'check', '.']);
  check('dependency rules (dependency-cruiser)', [
    'exec',
    'depcruise',
    '--config',
    '.dependency-cruiser.cjs',
    'apps',
    'packages',
    'e2e',
    'bench',
  ]);
}

if (wanted('unit')) {
  const out = `${root}test-results/vitest.json`;
  runCounted(
    'unit and integration (Vitest)',
    ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    out,
    (r) => [r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests],
    vitestFailures,
  );
}

if (wanted('e2e')) e2e();

/** Build, bundle budget, Playwright — only when there is a Chromium to run it in (else one failure). */
function e2e() {
  console.info('\n▶ a Chromium for e2e');
  const browser = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-chromium.ts'], {
    cwd: `${root}e2e`,
    stdio: 'inherit',
  }).status;
  report.push(`${browser === 0 ? '✔' : '✖'} a Chromium for e2e`);
  if (browser !== 0) {
    failed += 1;
    return;
  }
  if (run('build the web app', ['--filter', '@library/web', 'run', 'build']) !== 0) failed += 1;
  else check('bundle budget (gzip JS per route)', ['exec', 'node', 'scripts/bundle-budget.mjs']);
  runCounted(
    'end to end (Playwright, Chromium)',
    ['--filter', '@library/e2e', 'exec', 'playwright', 'test'],
    `${root}e2e/test-results/results.json`,
    ({ stats }) => [stats.expected + stats.flaky, stats.unexpected, stats.skipped],
    playwrightFailures,
  );
}

console.info(`\n${report.join('\n')}`);
if (failures.length > 0) console.info(`\nfailed:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`);
if (process.env.DATABASE_URL)
  console.info(`(integration tests ran against ${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')})`);
console.info(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
